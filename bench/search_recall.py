"""Recall of inflected queries (search/data/inflection_pairs.json) on OpenSearch and on
PostgreSQL, printed as a table. Run with `make bench-search`, which starts both servers.

Works in a throwaway PostgreSQL database (created and dropped here, like the test suite's)
and throwaway OpenSearch indexes.
"""

import os
import sys
import time
import uuid
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvarken.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test.utils import (  # noqa: E402
    override_settings,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)


def main():
    url = settings.TEST_OPENSEARCH_URL or os.environ.get("OPENSEARCH_URL")
    if not url:
        sys.exit("Set TEST_OPENSEARCH_URL (make bench-search starts a node and sets it).")
    prefix = f"bench_{uuid.uuid4().hex[:8]}_"
    backends = {
        "default": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            report = run()
    finally:
        teardown_databases(databases, verbosity=0)
        from wagtail.search.backends import get_search_backend

        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            get_search_backend("default").es.indices.delete(index=f"{prefix}*")
    print_report(report)


def run():
    from wagtail.models import Locale, Site
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage
    from home.translation.from_texts import translate_strings
    from search import lemmas
    from search.evaluation import create_pages, load_pairs, measure

    home = Site.objects.get(is_default_site=True).root_page.specific
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    parents = {"en": home}
    for code in ("sv", "fi"):
        translate_strings(home, locales[code], lambda *_args, code=code: code)
        parents[code] = home.get_translation(locales[code])
    pages = create_pages(parents, StandardPage)
    _carrier, pairs = load_pairs()
    queries = sum(len(language_pairs) for language_pairs in pairs.values())
    report = {"pages": len(pages), "rows": []}
    # First the backends' own language analyzers alone, then with the lemmatiser on top.
    for enabled, method in [(False, "analyzer only"), (True, "analyzer + lemmas")]:
        lemmas.ENABLED = enabled
        call_command("update_index", verbosity=0)  # both backends
        get_search_backend("default").es.indices.refresh(index="_all")
        for alias, label in [("default", "OpenSearch 2.19"), ("database", "PostgreSQL")]:
            started = time.perf_counter()
            by_language = measure(alias, pages, locales)
            seconds = time.perf_counter() - started
            report["rows"].append((f"{label}, {method}", by_language, seconds / queries))
    lemmas.ENABLED = True
    return report


def print_report(report):
    print(f"Inflected-query recall: {report['pages']} pages, one per pair, top 10 hits")
    print(f"{'backend':<44} {'lang':<5} {'found':>7} {'recall':>7} {'ms/query':>9}")
    for label, by_language, per_query in report["rows"]:
        for language, recall in by_language.items():
            print(
                f"{label:<44} {language:<5} {recall.found:>3}/{recall.total:<3} "
                f"{recall.ratio:>7.1%} {per_query * 1000:>9.1f}"
            )
            if recall.ratio < 1 and "lemmas" in label:
                for miss in recall.missed:
                    print(f"{'':<44} missed: {miss}")
    print("target: at least 95% per language and backend")


if __name__ == "__main__":
    main()
