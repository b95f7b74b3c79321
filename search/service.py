"""Searching pages in a language, on whichever backend is configured, never failing a visitor.

The site search page, the company directory and the autocomplete endpoint all come here.
When the search server (Elasticsearch/OpenSearch) is unreachable or answers with an error,
the same search runs on the database backend, which Wagtail keeps up to date alongside it,
and a warning is logged.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.search.backends import get_search_backend

from .lemmas import words
from .query import MAX_WORDS, Glossary, build_query

logger = logging.getLogger(__name__)

FALLBACK_BACKEND = "database"
MAX_QUERY_LENGTH = 200


def query_text(request):
    """What the visitor typed (``?q=``), whitespace collapsed and length capped."""
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]


def search_in_language(backend, query, queryset, language):
    """``backend.search()`` with the backend's own language settings, where it has any."""
    kwargs = getattr(backend, "language_search_kwargs", lambda _language: {})(language)
    return backend.search(query, queryset, **kwargs)


def _server_errors():
    errors = []
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover - both clients are dependencies
        pass
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        errors += [ApiError, TransportError]
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


SERVER_ERRORS = _server_errors()


@dataclass
class Outcome:
    page: PaginatorPage  # of specific pages, already fetched
    backend: str  # the alias of the backend that answered


def backend_aliases():
    """The backends to try in turn: the configured default, then the database."""
    aliases = ["default"]
    if FALLBACK_BACKEND in settings.WAGTAILSEARCH_BACKENDS:
        aliases.append(FALLBACK_BACKEND)
    return aliases


# A server that failed is left alone for this long (per process), so that visitors don't
# each wait for its timeout while it is down.
RETRY_AFTER_SECONDS = 30
_resting = {}  # backend configuration -> monotonic time until which it is skipped


def _key(alias):
    return repr(sorted(settings.WAGTAILSEARCH_BACKENDS.get(alias, {}).items()))


def _run(call):
    """call(backend) with each backend in turn until one answers."""
    aliases = backend_aliases()
    for number, alias in enumerate(aliases):
        last = number == len(aliases) - 1
        if not last and _resting.get(_key(alias), 0) > time.monotonic():
            continue
        try:
            return alias, call(get_search_backend(alias))
        except SERVER_ERRORS as error:
            if last:
                raise
            _resting[_key(alias)] = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning(
                "Search backend %r unavailable (%s: %s); answering from %r for %d s",
                alias,
                error.__class__.__name__,
                str(error)[:200],
                aliases[number + 1],
                RETRY_AFTER_SECONDS,
            )
    raise AssertionError("unreachable")


def search(queryset, text, language, *, page_number=1, per_page=10, glossary=None):
    """One page of ``queryset`` matching ``text``, best first. Pages are fetched here, so
    a failing search server is noticed (and replaced by the database) inside this call."""
    glossary = Glossary.load() if glossary is None else glossary
    query = build_query(text, language, glossary)

    def call(backend):
        if query is None:
            results = queryset.none()
        else:
            results = search_in_language(backend, query, queryset, language)
        page = Paginator(results, per_page).get_page(page_number)
        page.object_list = list(page.object_list)
        return page

    alias, page = _run(call)
    return Outcome(page=page, backend=alias)


def autocomplete(queryset, text, *, limit=8):
    """Up to ``limit`` objects whose autocomplete fields start with the words typed."""
    text = " ".join(words(text)[:MAX_WORDS])
    if not text:
        return []
    alias, results = _run(lambda backend: list(backend.autocomplete(text, queryset)[:limit]))
    return results


def matching_ids(queryset, text, language, *, limit=1000, glossary=None):
    """The primary keys of up to ``limit`` objects of ``queryset`` matching ``text``, best
    first: for listings that filter and count in the database after the text search."""
    glossary = Glossary.load() if glossary is None else glossary
    query = build_query(text, language, glossary)
    if query is None:
        return []

    def call(backend):
        results = search_in_language(backend, query, queryset.only("pk"), language)
        if hasattr(results, "keys"):  # a search server: keys straight from its answer
            return results.keys(limit)
        return [obj.pk for obj in results[:limit]]

    _alias, ids = _run(call)
    return ids
