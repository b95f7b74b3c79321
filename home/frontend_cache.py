"""CDN invalidation when a page is published or unpublished (CloudFront in production).

Wagtail's frontend cache purges the page's own URL, and would guess the other languages'
URLs by swapping the language prefix, which is wrong here: slugs are translated
(/en/companies/ is /fi/yritykset/). So WAGTAILFRONTENDCACHE_LANGUAGES is empty and this
module purges, in one batch, the page's own translations and the listings that show it
(its parent index and the home page), each at its real URL in every language."""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site


def _in_every_language(page):
    return page.get_translations(inclusive=True).live().specific()


def pages_to_purge(page):
    pages = {}
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
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(purge_page_and_listings, dispatch_uid="kvarken-purge-published")
    page_unpublished.connect(purge_page_and_listings, dispatch_uid="kvarken-purge-unpublished")
