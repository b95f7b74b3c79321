from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies")

    def ready(self):
        from wagtail.signals import page_published

        from .collections import ensure_collection
        from .models import CompanyPage

        page_published.connect(
            ensure_collection, sender=CompanyPage, dispatch_uid="company-collection"
        )
