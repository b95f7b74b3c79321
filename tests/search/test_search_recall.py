"""Inflected queries find their base forms, at least 95% of the time in each language, on
OpenSearch and on PostgreSQL (the pairs: search/data/inflection_pairs.json; bench/
search_recall.py prints the same measurement)."""

import pytest

from home.models import StandardPage
from search.evaluation import create_pages, measure

TARGET = 0.95


@pytest.mark.django_db
def test_recall_of_inflected_queries(search_server, locale_homes, locales):
    pages = create_pages(locale_homes, StandardPage)
    search_server.refresh()

    report = {backend: measure(backend, pages, locales) for backend in ("default", "database")}

    for backend, by_language in report.items():
        for language, recall in by_language.items():
            assert recall.total >= 30
            assert recall.ratio >= TARGET, (backend, language, recall.missed)
