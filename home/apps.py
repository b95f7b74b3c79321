from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        # Imported here, Django's place for signal handlers: these modules import models,
        # which exist only once the app registry is ready.
        from kvarken import page_cache

        from . import admin_csp, frontend_cache, locale_sync

        admin_csp.patch_choosers()
        frontend_cache.connect()
        page_cache.connect()
        locale_sync.connect()
