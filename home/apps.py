from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        from kvarken import page_cache

        from . import admin_csp, frontend_cache, locale_sync

        admin_csp.patch_choosers()
        frontend_cache.connect()
        page_cache.connect()
        locale_sync.connect()
