"""Recall of inflected queries: does a search for "tuulivoimaloiden" find the page that says
"tuulivoimala"? Shared by bench/search_recall.py (prints the numbers for each backend) and
tests/search/test_search_recall.py (holds them to the target).

The pairs live in search/data/inflection_pairs.json: one page per pair is created in the
pair's language, holding the base form in a neutral sentence; the inflected form is then
searched in that language and counts as found when the page is among the first ten hits.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .query import build_query
from .service import search_in_language

PAIRS_FILE = Path(__file__).with_name("data") / "inflection_pairs.json"
TOP = 10


def load_pairs():
    data = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))
    return data["carrier"], data["pairs"]


@dataclass
class Recall:
    language: str
    found: int = 0
    missed: list = field(default_factory=list)

    @property
    def total(self):
        return self.found + len(self.missed)

    @property
    def ratio(self):
        return self.found / self.total if self.total else 0.0


def create_pages(parents, page_model):
    """One live page per pair under ``parents[language]`` (a page in that locale).
    Returns {(language, query): page id}."""
    carrier, pairs = load_pairs()
    created = {}
    for language, language_pairs in pairs.items():
        parent = parents[language]
        for number, (query, base) in enumerate(language_pairs, start=1):
            page = page_model(
                title=f"{language.upper()} {number:03d}",
                slug=f"recall-{language}-{number:03d}",
                intro=carrier[language].format(base=base),
                locale=parent.locale,
            )
            parent.add_child(instance=page)
            created[(language, query)] = page.pk
    return created


def measure(backend_alias, pages, locales):
    """{language: Recall} for the pages create_pages() made, on one backend."""
    _carrier, pairs = load_pairs()
    results = {}
    for language, language_pairs in pairs.items():
        recall = Recall(language)
        for query, base in language_pairs:
            queryset = Page.objects.live().filter(locale=locales[language])
            hits = search_in_language(
                get_search_backend(backend_alias), build_query(query, language), queryset, language
            )[:TOP]
            if pages[(language, query)] in [hit.pk for hit in hits]:
                recall.found += 1
            else:
                recall.missed.append(f"{query} -> {base}")
        results[language] = recall
    return results
