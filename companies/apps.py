from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies")

    def ready(self):
        # Imported here, Django's place for signal handlers: these modules import models,
        # which exist only once the app registry is ready.
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .editors.access import share_translation
        from .editors.collections import ensure_collection
        from .editors.review import assign_to_directory
        from .models import CompanyIndexPage, CompanyPage

        # In this order: the collection exists before the editors' group is given it.
        page_published.connect(
            ensure_collection, sender=CompanyPage, dispatch_uid="company-collection"
        )
        page_published.connect(
            share_translation, sender=CompanyPage, dispatch_uid="company-editors-translation"
        )
        post_save.connect(
            assign_to_directory, sender=CompanyIndexPage, dispatch_uid="company-review"
        )
