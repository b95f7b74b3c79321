"""sitemap.xml with every language's pages and, for each, its translations as hreflang
alternates; robots.txt pointing at it.

Wagtail's sitemap lists the default site's tree only, but each language here has its own
tree (sibling home pages), so the items are every locale's home and its descendants. The
alternates come from one query for the whole sitemap, not one per page."""

from collections import defaultdict

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.absolute_urls import absolute_url, page_absolute_url


class TranslatedSitemap(Sitemap):
    def items(self):
        home = self.get_wagtail_site().root_page
        homes = home.get_translations(inclusive=True)
        pages = Page.objects.none()
        for translation in homes:
            pages |= Page.objects.descendant_of(translation, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(alias_of__isnull=True)  # an alias repeats its original's content
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = defaultdict(list)
        for item in items:
            alternates[item.translation_key].append(item)
        urls = []
        for item in items:
            siblings = alternates[item.translation_key]
            urls.append(
                {
                    "item": item,
                    "location": page_absolute_url(item, self.request),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": [
                        {
                            "location": page_absolute_url(s, self.request),
                            "lang_code": s.locale.language_code,
                        }
                        for s in siblings
                    ]
                    if len(siblings) > 1
                    else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
