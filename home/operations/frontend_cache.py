"""CDN invalidation when a page is published or unpublished (CloudFront in production):
one batch per change, built with Wagtail's PurgeBatch, so every page contributes its URL
and the sub-URLs its get_cached_paths() names (feeds, calendars).

Wagtail's own handlers purge only the page itself, and would guess the other languages'
URLs by swapping the language prefix, which is wrong here: slugs are translated
(/en/companies/ is /fi/yritykset/). So WAGTAILFRONTENDCACHE_LANGUAGES is empty, the
frontend-cache app is installed with FrontendCacheConfig below instead of Wagtail's
config, and this module's handler is the only one: it purges the page in every language
and the listings that show it (its parent index and the home page), each at its real URL
in every language."""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished


def _in_every_language(page):
    return page.get_translations(inclusive=True).live().specific()


def pages_to_purge(page):
    # The page itself even when it has just been unpublished (no longer live).
    pages = {page.pk: page.specific_deferred}
    for candidate in [page, page.get_parent(), *_homes(page)]:
        if candidate is None or candidate.depth < 2:
            continue
        for translation in _in_every_language(candidate):
            pages[translation.pk] = translation
    return list(pages.values())


def _homes(page):
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return [site.root_page] if site else []


def purge_page_and_listings(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(instance))
    batch.purge()


def connect():
    page_published.connect(purge_page_and_listings, dispatch_uid="kvarken-purge-published")
    page_unpublished.connect(purge_page_and_listings, dispatch_uid="kvarken-purge-unpublished")
