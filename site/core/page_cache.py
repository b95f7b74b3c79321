"""Rendered public pages for anonymous visitors, kept in the shared cache (Redis).

What is cached: GET answers with status 200 to requests without a session cookie,
outside /admin/ and /documents/, that set no cookie and don't say private/no-store.
Editors (and anyone else with a session) never read or write the cache, and their
answers are marked private; previews live under /admin/, so they are never cached.

Invalidation: every entry carries the cache *generation* it was rendered in, and the
current generation is read with the entry in one round trip. Publishing, unpublishing,
moving or deleting a page (translations are published pages too), and saving anything
else that public pages show (snippets such as sectors, settings, images, sites,
locales, privacy) starts a new generation once the transaction commits. So a change is
visible on the very next request everywhere: the page itself, its translations, and
every listing, feed, search result and calendar that shows it, on every app server.
A generation is a random token rather than a counter, so an eviction of the
generation key can't bring old entries back. Entries also expire after
PAGE_CACHE_SECONDS, which bounds what depends on the clock (upcoming events).

Cached answers get an ETag and `Cache-Control: public` with a short s-maxage for a
CDN (which is purged on publish, home/operations/frontend_cache.py); a request with a matching
If-None-Match gets 304 Not Modified."""

import functools
import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
)
from django.utils.http import quote_etag
from django.utils.translation import get_language_from_request
from wagtail.models import DraftStateMixin

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
# Never cached: the admin (and its previews), and documents (privacy checked per request).
EXCLUDED_PREFIXES = ("/admin/", "/documents/")
# A page bigger than this is rendered each time rather than filling the cache.
MAX_ENTRY_BYTES = 1024 * 1024
# Vary headers that the key accounts for (the language) or that anonymous requests
# without a session can't change (Cookie).
HANDLED_VARY = {"cookie", "accept-language"}
# Snippets that no public page shows: a visitor's inquiry must not empty the cache.
NOT_SHOWN = {"companies.inquiry"}


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _cache():
    return caches[CACHE_ALIAS]


def new_generation():
    """Forget every cached page and everything else kept under the generation (on every
    app server). Kept up also while pages aren't cached: the directory's facet index
    (companies/directory/facet_index.py) is keyed on it too. A no-op without a shared cache."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate_after_commit(**kwargs):
    # After the commit: a request that starts in between would otherwise render the
    # old rows and store them under the new generation.
    transaction.on_commit(new_generation)


def current_generation(cache, key):
    """The current generation and the entry at ``key`` if it was stored in that generation
    (else None), in one round trip; (None, None) without a shared cache. Read the
    generation *before* computing what is stored under it: a change committed meanwhile
    then starts a newer one, and the entry is never served."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # First request after a flush or an eviction: start a generation (add, so that
        # concurrent servers agree on one).
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        return cache.get(GENERATION_KEY), None
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return generation, entry[1]
    return generation, None


def _key(request):
    # The language resolved as Django will (from the path, else the cookie or header):
    # unprefixed URLs such as /robots.txt vary by it.
    language = get_language_from_request(request, check_path=True)
    url = request.build_absolute_uri()
    return "page:" + hashlib.sha256(f"{language} {url}".encode()).hexdigest()


def _wants_cache(request):
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_ENTRY_BYTES:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part}
    return vary <= HANDLED_VARY


def _public_headers(response):
    if "ETag" not in response:
        response["ETag"] = quote_etag(hashlib.md5(response.content).hexdigest())
    if "Cache-Control" not in response:
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_SECONDS
        )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _wants_cache(request):
            response = self.get_response(request)
            if (
                request.method in ("GET", "HEAD")
                and settings.SESSION_COOKIE_NAME in request.COOKIES
                and not request.path.startswith(EXCLUDED_PREFIXES)
                and "Cache-Control" not in response
            ):
                # An editor's view of a public page (with Wagtail's user bar): never
                # kept by a browser cache or a CDN for someone else.
                add_never_cache_headers(response)
            return response

        cache = _cache()
        key = _key(request)
        generation, cached = current_generation(cache, key)
        if cached is not None:
            return get_conditional_response(request, etag=cached["ETag"], response=cached) or cached

        response = self.get_response(request)
        if request.method == "GET" and generation is not None and _storable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            _public_headers(response)
            cache.set(key, (generation, response), settings.PAGE_CACHE_SECONDS)
            return (
                get_conditional_response(request, etag=response["ETag"], response=response)
                or response
            )
        if has_vary_header(response, "Cookie") and response.status_code == 200:
            # Anonymous but not stored (e.g. it set a cookie): keep shared caches off it.
            patch_cache_control(response, private=True)
        return response


def connect():
    """Start a new generation whenever something public pages show has changed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished

    page_published.connect(invalidate_after_commit, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_after_commit, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate_after_commit, dispatch_uid="page-cache-moved")
    unpublished.connect(_unpublished, dispatch_uid="page-cache-snippet-unpublished")
    post_save.connect(_saved, dispatch_uid="page-cache-saved")
    post_delete.connect(_deleted, dispatch_uid="page-cache-deleted")


@functools.cache
def _shown_on_public_pages():
    """Models whose rows public pages show directly, besides pages (which count when
    published, not when a draft is saved). Worked out once: every save in the app, renditions
    made while a page renders included, asks."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.hooks import search_for_hooks
    from wagtail.images.models import AbstractImage
    from wagtail.models import CollectionViewRestriction, Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    search_for_hooks()  # snippets registered in wagtail_hooks.py, before the list is kept

    return (
        *(model for model in get_snippet_models() if model._meta.label_lower not in NOT_SHOWN),
        BaseGenericSetting,
        BaseSiteSetting,
        AbstractImage,
        AbstractDocument,
        Site,
        Locale,
        PageViewRestriction,
        CollectionViewRestriction,
    )


# Saves that change no content: an image's file hash (filled in while rendering), and a
# draft-state snippet's pointer to its latest revision and its lock.
BOOKKEEPING_FIELDS = {
    "file_hash",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_by",
    "locked_at",
}


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    # A snippet with drafts shows only once published: its row changes when a revision
    # is published (saved live) or it is unpublished (the unpublished signal); a draft
    # that was never published is saved whole, but no visitor sees it.
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return
    if isinstance(instance, _shown_on_public_pages()):
        invalidate_after_commit()


def _unpublished(sender, instance, **kwargs):
    if isinstance(instance, _shown_on_public_pages()):
        invalidate_after_commit()


def _deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, (Page, *_shown_on_public_pages())):
        invalidate_after_commit()
