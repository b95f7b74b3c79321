"""Root URLconf: admin outside the language prefix, the public site under /en/, /sv/, /fi/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from companies import catalogue_views, inquiry_views
from home.sitemap import TranslatedSitemap, robots_txt
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

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
