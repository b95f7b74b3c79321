from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .collections import ensure_collection
        from .models import CompanyIndexPage, CompanyPage
        from .review import assign_to_directory

        page_published.connect(
            ensure_collection, sender=CompanyPage, dispatch_uid="company-collection"
        )
        post_save.connect(
            assign_to_directory, sender=CompanyIndexPage, dispatch_uid="company-review"
        )
