from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.frontend_cache import apps as frontend_cache_apps


class HomeConfig(AppConfig):
    default = True  # FrontendCacheConfig lives here too
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        # Imported here, Django's place for signal handlers: these modules import models,
        # which exist only once the app registry is ready.
        from core import admin_csp, page_cache

        from .translation import locale_sync

        admin_csp.patch_choosers()
        page_cache.connect()
        locale_sync.connect()


class FrontendCacheConfig(frontend_cache_apps.WagtailFrontendCacheAppConfig):
    """Wagtail's frontend cache (its backends, the redirects' purges) with one purge per
    published or unpublished page, home/operations/frontend_cache.py's, instead of Wagtail's
    handlers, which would send a second batch with the page alone."""

    def ready(self):
        from .operations import frontend_cache

        frontend_cache.connect()
