"""Site search on the database backend (PostgreSQL, as in production without a search
server): language-aware, filtered by type, summarised, paginated, and unbreakable."""

import re

import pytest

from search.models import GlossaryEntry
from tests.helpers.search_cases import ODD_QUERIES, titles


@pytest.mark.django_db
def test_search_finds_pages_in_the_current_language_only(client, translated_tree):
    english = client.get("/en/search/", {"q": "Aurora"})
    swedish = client.get("/sv/sok/", {"q": "Aurora"})
    finnish = client.get("/fi/haku/", {"q": "Aurora"})

    assert titles(english) == ["Aurora Grid Oy"]
    assert titles(swedish) == ["[sv] Aurora Grid Oy"]
    assert titles(finnish) == ["[fi] Aurora Grid Oy"]
    assert '<p class="kind">Yritys</p>' in finnish.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, url, written, typed",
    [
        ("fi", "/fi/haku/", "Huollamme tuulivoimala ympäri vuoden.", "tuulivoimaloiden"),
        ("fi", "/fi/haku/", "Sähköauto ja lämpöpumppu.", "lämpöpumppujen sähköautojen"),
        ("sv", "/sv/sok/", "Vi bygger laddinfrastruktur.", "laddinfrastrukturen"),
        ("sv", "/sv/sok/", "Service av värmepumpar.", "värmepumpen"),
        ("en", "/en/search/", "We recycle one battery at a time.", "batteries"),
    ],
)
def test_inflected_words_find_their_base_forms(client, make_page, language, url, written, typed):
    make_page(language, "Kvarken Example", written)
    make_page(language, "Unrelated", "Forestry machines and sawmills.")

    assert titles(client.get(url, {"q": typed})) == ["Kvarken Example"]


@pytest.mark.django_db
def test_all_words_must_match(client, make_page):
    make_page("en", "Heat and power", "Combined heat and power plants.")
    make_page("en", "Heat pumps", "Ground source heat pumps.")

    assert titles(client.get("/en/search/", {"q": "heat pump"})) == ["Heat pumps"]


@pytest.mark.django_db
def test_stop_words_in_a_query_do_not_empty_the_results(client, make_page):
    make_page("en", "Grid Storage", "Batteries that balance the grid.")

    assert titles(client.get("/en/search/", {"q": "batteries for the grid"})) == ["Grid Storage"]


@pytest.mark.django_db
def test_type_filter_keeps_one_kind_of_page(client, site_tree):
    # "Vaasa" is the municipality of both the company and the event.
    everything = client.get("/en/search/", {"q": "Vaasa"})
    events = client.get("/en/search/", {"q": "Vaasa", "type": "events"})

    assert set(titles(everything)) == {"Aurora Grid Oy", "Matchmaking day"}
    assert titles(events) == ["Matchmaking day"]
    assert 'value="events" checked' in events.content.decode()


@pytest.mark.django_db
def test_hits_show_a_summary_with_the_query_words_marked(client, make_page):
    make_page("sv", "Norrsol", "Vi installerar solpaneler på tak i hela Västerbotten.")

    html = client.get("/sv/sok/", {"q": "solpanelerna"}).content.decode()

    assert "<mark>solpaneler</mark> på tak" in html


@pytest.mark.django_db
def test_results_are_paginated_and_page_links_keep_the_query(client, make_page):
    for number in range(12):
        make_page("en", f"Hydrogen {number}", "Hydrogen from wind power.")

    first = client.get("/en/search/", {"q": "hydrogen", "type": "pages"})
    second = client.get("/en/search/", {"q": "hydrogen", "type": "pages", "page": 2})

    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert "12 results for “hydrogen”" in first.content.decode()
    assert "?q=hydrogen&amp;type=pages&amp;page=2" in first.content.decode()
    assert not set(titles(first)) & set(titles(second))


@pytest.mark.django_db
def test_empty_query_explains_what_to_type(client, site_tree):
    html = client.get("/en/search/").content.decode()

    assert "Type a word in English, Swedish or Finnish" in html
    assert "No results" not in html
    assert "noindex" not in html  # the empty search page may be indexed; results may not
    assert "noindex" in client.get("/en/search/", {"q": "grid"}).content.decode()


@pytest.mark.django_db
def test_no_results_says_so_and_offers_to_widen_the_type(client, site_tree):
    html = client.get("/fi/haku/", {"q": "zzyzx", "type": "news"}).content.decode()

    assert "Haulla ”zzyzx” ei löytynyt tuloksia." in html
    assert "Hae kaikesta, ei vain yhdestä tyypistä" in html


@pytest.mark.django_db
def test_glossary_finds_the_local_word_for_an_english_term(client, make_page):
    make_page("sv", "Kylvärme", "Vi säljer värmepumpar till fastigheter.")
    assert titles(client.get("/sv/sok/", {"q": "heat pumps"})) == []

    GlossaryEntry.objects.create(
        english="heat pump", swedish="värmepump", finnish="lämpöpumppu, maalämpöpumppu"
    )

    assert titles(client.get("/sv/sok/", {"q": "heat pumps"})) == ["Kylvärme"]
    # A glossary term combines with other words: all must still match.
    assert titles(client.get("/sv/sok/", {"q": "heat pumps fastigheter"})) == ["Kylvärme"]
    assert titles(client.get("/sv/sok/", {"q": "heat pumps fartyg"})) == []


@pytest.mark.django_db
def test_search_pages_have_translated_addresses_and_switch_language(client, site_tree):
    response = client.get("/en/search/", {"q": "grid"})

    html = response.content.decode()
    assert 'href="/sv/sok/?q=grid"' in html
    assert 'href="/fi/haku/?q=grid"' in html
    assert client.get("/sv/sok/").status_code == 200
    assert client.get("/fi/haku/").status_code == 200


@pytest.mark.django_db
def test_autocomplete_suggests_companies_in_the_current_language(client, translated_tree):
    english = client.get("/en/search/suggest/", {"q": "auro"}).json()
    finnish = client.get("/fi/haku/ehdotukset/", {"q": "auro"}).json()

    assert english["results"] == [
        {"title": "Aurora Grid Oy", "url": translated_tree["company"].url}
    ]
    assert [r["title"] for r in finnish["results"]] == ["[fi] Aurora Grid Oy"]
    assert client.get("/en/search/suggest/").json() == {"results": []}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_normal_page(client, site_tree, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200
    assert client.get("/en/search/suggest/", {"q": query}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"page": "999"}, {"page": "-1"}, {"type": "<script>"}]
)
def test_odd_parameters_get_a_normal_page(client, site_tree, params):
    response = client.get("/en/search/", {"q": "Aurora", **params})

    assert response.status_code == 200
    assert titles(response) == ["Aurora Grid Oy"]


@pytest.mark.django_db
def test_unknown_page_gives_a_translated_404(client, translated_tree):
    response = client.get("/fi/ei-ole-olemassa/")

    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()


@pytest.mark.django_db
def test_directory_search_uses_the_same_machinery(client, translated_tree, locales):
    directory = translated_tree["directory"]
    swedish_directory = directory.get_translation(locales["sv"])

    found = client.get(directory.url, {"q": "grids"})
    missing = client.get(directory.url, {"q": "zzyzx"})
    swedish = client.get(swedish_directory.url, {"q": "Aurora"})

    assert [c.title for c in found.context["companies"]] == ["Aurora Grid Oy"]
    assert "1 company matches “grids”" in found.content.decode()
    assert list(missing.context["companies"]) == []
    assert "0 companies match “zzyzx”" in missing.content.decode()
    assert [c.title for c in swedish.context["companies"]] == ["[sv] Aurora Grid Oy"]


@pytest.mark.django_db
def test_update_index_reports_progress_per_model(site_tree, capsys):
    from django.core.management import call_command

    call_command("update_index")

    out, err = capsys.readouterr()
    assert "default: companies.CompanyPage" in out
    assert "objects/s]" in err  # a progress bar with the count and rate


SEARCH_PAGES = {"en": "/en/search/", "sv": "/sv/sok/", "fi": "/fi/haku/"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_the_bare_search_page_declares_its_translations_to_search_engines(
    client, site_tree, language
):
    html = client.get(SEARCH_PAGES[language]).content.decode()

    for code, path in SEARCH_PAGES.items():
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{path}">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/search/">' in html
    assert f'<link rel="canonical" href="http://testserver{SEARCH_PAGES[language]}">' in html
    assert "noindex" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sv", "fi"])
@pytest.mark.parametrize(
    "query", [{"q": "grid"}, {"q": "   "}, {"type": "news"}, {"q": "grid", "page": "2"}]
)
def test_result_pages_are_kept_out_of_search_indexes(client, site_tree, language, query):
    html = client.get(SEARCH_PAGES[language], query).content.decode()

    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<link rel="alternate" hreflang=' not in html
    assert '<link rel="canonical"' not in html


HEADER_SEARCH_LABELS = {
    "en": ("Site search", "Search companies, news, events and pages", "Search"),
    "sv": ("Sök på webbplatsen", "Sök bland företag, nyheter, evenemang och sidor", "Sök"),
    "fi": ("Sivuston haku", "Hae yrityksiä, uutisia, tapahtumia ja sivuja", "Haku"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_every_page_has_a_labelled_search_box_in_its_header(
    client, translated_tree, locales, language
):
    from django.urls import reverse
    from django.utils import translation

    landmark, label, button = HEADER_SEARCH_LABELS[language]
    with translation.override(language):
        suggest_url = reverse("search_suggest")
    urls = [
        translated_tree[name].get_translation(locales[language]).url
        for name in ("home", "company", "news", "event", "standard")
    ] + [SEARCH_PAGES[language], f"/{language}/no-such-page/"]
    for url in urls:
        html = client.get(url).content.decode()
        header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]

        assert (
            f'<form class="header-search" action="{SEARCH_PAGES[language]}" method="get" '
            f'role="search" aria-label="{landmark}">' in header
        ), url
        assert f'<label class="visually-hidden" for="header-search-q">{label}</label>' in header
        assert f'data-suggest-url="{suggest_url}"' in header
        assert f'<button type="submit">{button}</button>' in header
        assert re.search(r'<script src="/static/js/suggest\.[^"]*js" defer></script>', html)
