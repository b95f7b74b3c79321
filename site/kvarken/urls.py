"""Root URLconf: admin outside the language prefix, the public site under /en/, /sv/, /fi/."""

import re
from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from companies.catalogue import views as catalogue_views
from companies.inquiries import views as inquiry_views
from home.seo.sitemap import TranslatedSitemap, robots_txt
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    # `make run` serves media itself, but only images: documents (MEDIA_ROOT/documents/)
    # go through Wagtail's view at /documents/, which checks their collection's privacy,
    # and catalogues through their own view. Each folder is its own root, so that
    # "images/../documents/" cannot climb out of it.
    urlpatterns += staticfiles_urlpatterns()
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(
            rf"^{media_prefix}{folder}/(?P<path>.+)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT) / folder},
        )
        for folder in ("images", "original_images")
    ]

# LocaleMiddleware redirects "/" to the visitor's language (Accept-Language) because every
# public URL carries a prefix, English included.
urlpatterns += i18n_patterns(
    # Translated slugs: /en/search/, /sv/sok/, /fi/haku/.
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggest/"), search_views.suggest, name="search_suggest"),
    path(_("catalogue/"), catalogue_views.download, name="catalogue"),
    path("inquiry/<int:page_id>/", inquiry_views.send, name="inquiry"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
