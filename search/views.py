"""The site search page and the directory's autocomplete endpoint, in the visitor's language."""

from django.apps import apps
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from core.absolute_urls import absolute_url

from . import service
from .query import query_lemmas
from .summaries import summary

PER_PAGE = 10

# Search serves every app from below them: it takes their page types from the app registry
# by name (views are imported once the registry is ready), never by importing their models.
CompanyIndexPage, CompanyPage, EventIndexPage, EventPage = (
    apps.get_model(label)
    for label in (
        "companies.CompanyIndexPage",
        "companies.CompanyPage",
        "events.EventIndexPage",
        "events.EventPage",
    )
)
HomePage, StandardPage, NewsIndexPage, NewsPage = (
    apps.get_model(label)
    for label in ("home.HomePage", "home.StandardPage", "news.NewsIndexPage", "news.NewsPage")
)

# The type filter: URL value -> (filter label, label of one hit, page types).
TYPES = {
    "companies": (_("Companies"), _("Company"), [CompanyPage]),
    "news": (_("News"), pgettext_lazy("one news item", "News"), [NewsPage]),
    "events": (_("Events"), _("Event"), [EventPage]),
    "pages": (
        _("Pages"),
        _("Page"),
        [StandardPage, HomePage, CompanyIndexPage, NewsIndexPage, EventIndexPage],
    ),
}

ALL_TYPES = [page_type for *_labels, types in TYPES.values() for page_type in types]


@require_GET
def search(request):
    query = service.query_text(request)
    kind = request.GET.get("type", "")
    if kind not in TYPES:
        kind = ""
    locale = Locale.get_active()
    language = get_language()
    page_types = TYPES[kind][2] if kind else ALL_TYPES
    pages = Page.objects.live().public().filter(locale=locale).type(*page_types).specific()

    outcome = service.search(
        pages, query, language, page_number=request.GET.get("page"), per_page=PER_PAGE
    )
    forms = query_lemmas(query, language)
    hits = [
        {"page": page, "summary": summary(page, forms, language), "kind": _kind_label(page)}
        for page in outcome.page.object_list
    ]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": outcome.page,
            "search_backend": outcome.backend,
            "hits": hits,
            "type": kind,
            "types": [(value, label) for value, (label, *_rest) in TYPES.items()],
            # Only the bare search page is for search engines: every ?q=, ?type= or
            # ?page= is one of endless variations of content indexed on its own pages.
            "indexable": not request.GET,
            "canonical": absolute_url(reverse("search")),
        },
    )


def _kind_label(page):
    for _label, one, types in TYPES.values():
        if type(page) in types:
            return one
    return ""


@require_GET
def suggest(request):
    """Company names for the directory's search box: JSON [{"title", "url"}]."""
    query = service.query_text(request)
    companies = CompanyPage.objects.live().public().filter(locale=Locale.get_active())
    results = service.autocomplete(companies, query)
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in results]}
    )
