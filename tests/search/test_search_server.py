"""Search on a real OpenSearch 2.19 node (what `make test` starts; production runs the same
backend code on Elasticsearch 8): language-aware results, an index that follows every
page change, and the database answering while the server is down."""

import logging
import re

import pytest
from wagtail.models import Page

from home.models import StandardPage
from search.models import GlossaryEntry
from tests.helpers.search_cases import ODD_QUERIES, titles


@pytest.mark.django_db
def test_results_come_from_the_search_server(client, search_server, make_page):
    make_page("fi", "Kvarken Wind", "Huollamme tuulivoimala ympäri vuoden.")
    search_server.refresh()

    response = client.get("/fi/haku/", {"q": "tuulivoimaloiden"})

    assert titles(response) == ["Kvarken Wind"]
    assert response.context["search_backend"] == "default"


@pytest.mark.django_db
def test_each_language_searches_its_own_pages(client, search_server, translated_tree):
    search_server.refresh()

    assert titles(client.get("/en/search/", {"q": "Aurora"})) == ["Aurora Grid Oy"]
    assert titles(client.get("/sv/sok/", {"q": "Aurora"})) == ["[sv] Aurora Grid Oy"]
    assert titles(client.get("/fi/haku/", {"q": "Aurora"})) == ["[fi] Aurora Grid Oy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, url, written, typed",
    [
        ("fi", "/fi/haku/", "Lämpöpumppu ja sähköauto.", "lämpöpumppujen sähköautojen"),
        ("sv", "/sv/sok/", "Vi bygger laddinfrastruktur.", "laddinfrastrukturen"),
        ("en", "/en/search/", "We recycle one battery at a time.", "batteries"),
    ],
)
def test_inflected_words_find_their_base_forms(
    client, search_server, make_page, language, url, written, typed
):
    make_page(language, "Kvarken Example", written)
    make_page(language, "Unrelated", "Forestry machines and sawmills.")
    search_server.refresh()

    assert titles(client.get(url, {"q": typed})) == ["Kvarken Example"]


@pytest.mark.django_db
def test_stop_words_in_a_query_do_not_empty_the_results(client, search_server, make_page):
    make_page("en", "Grid Storage", "Batteries that balance the grid.")
    make_page("sv", "Nätlager", "Batterier som balanserar elnätet.")
    search_server.refresh()

    assert titles(client.get("/en/search/", {"q": "batteries for the grid"})) == ["Grid Storage"]
    assert titles(client.get("/sv/sok/", {"q": "batterier för elnätet"})) == ["Nätlager"]


@pytest.mark.django_db
def test_the_index_follows_publishing_moving_translating_and_deleting(
    client, search_server, make_page, locale_homes, locales, translate_tree
):
    def found(url="/en/search/", query="electrolyser"):
        search_server.refresh()
        return titles(client.get(url, {"q": query}))

    page = make_page("en", "Hydrogen Works", "Electrolysers for green steel.")
    assert found() == ["Hydrogen Works"]

    page.unpublish()
    assert found() == []

    page.save_revision().publish()
    assert found() == ["Hydrogen Works"]

    page.title = "Hydrogen Works Oy"
    page.save_revision().publish()
    assert found() == ["Hydrogen Works Oy"]

    section = make_page("en", "Members", "")
    page.move(section, pos="last-child")
    hit = client.get("/en/search/", {"q": "electrolyser"}).context["hits"][0]["page"]
    assert hit.url == "/en/members/hydrogen-works/"

    assert found("/fi/haku/", "elektrolyysilaitteita") == []
    translate_tree(section, Page.objects.get(pk=page.pk).specific)
    finnish = page.get_translation(locales["fi"])
    finnish.intro = "Elektrolyysilaite vihreälle teräkselle."
    finnish.save_revision().publish()
    assert found("/fi/haku/", "elektrolyysilaitteita") == ["[fi] Hydrogen Works Oy"]
    assert found("/sv/sok/", "elektrolyysilaitteita") == []

    finnish.delete()
    assert found("/fi/haku/", "elektrolyysilaitteita") == []
    StandardPage.objects.get(pk=page.pk).delete()
    assert found() == []


@pytest.mark.django_db
def test_glossary_expands_queries_on_the_search_server(client, search_server, make_page):
    make_page("fi", "Lämpö Oy", "Myymme lämpöpumppuja taloyhtiöille.")
    GlossaryEntry.objects.create(english="heat pump", swedish="värmepump", finnish="lämpöpumppu")
    search_server.refresh()

    assert titles(client.get("/fi/haku/", {"q": "värmepumpar"})) == ["Lämpö Oy"]


@pytest.mark.django_db
def test_autocomplete_on_the_search_server(client, search_server, translated_tree):
    search_server.refresh()

    results = client.get("/sv/sok/forslag/", {"q": "auro"}).json()["results"]

    assert [r["title"] for r in results] == ["[sv] Aurora Grid Oy"]


@pytest.mark.django_db
def test_odd_queries_get_a_normal_page(client, search_server, site_tree, subtests):
    search_server.refresh()

    for query in ODD_QUERIES:
        with subtests.test(query=query[:40]):
            response = client.get("/en/search/", {"q": query})
            assert response.status_code == 200
            assert response.context["search_backend"] == "default"
            assert client.get("/en/search/suggest/", {"q": query}).status_code == 200


@pytest.fixture
def server_down(settings, search_server):
    """The search server becomes unreachable (nothing listens on port 9)."""
    settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"] = ["http://127.0.0.1:9"]


@pytest.mark.django_db
def test_when_the_server_is_down_the_database_answers(
    client, site_tree, search_server, server_down, caplog, make_page
):
    # Publishing while the server is down still works, and the page is found.
    make_page("en", "Offline Grid", "Grid batteries.")

    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/en/search/", {"q": "grid"})
        suggestions = client.get("/en/search/suggest/", {"q": "auro"})

    assert response.status_code == 200
    assert set(titles(response)) == {"Aurora Grid Oy", "Offline Grid"}
    assert response.context["search_backend"] == "database"
    assert [r["title"] for r in suggestions.json()["results"]] == ["Aurora Grid Oy"]
    # One warning: later searches skip the server for a while instead of each waiting.
    assert caplog.text.count("Search backend 'default' unavailable") == 1


@pytest.mark.django_db
def test_the_directory_text_query_on_the_search_server(client, search_server, home, caplog):
    """The directory takes the best matches' keys from the server and filters, counts and
    pages them in the database: facets still narrow them, and a company the server has
    but visitors may not see (private, or in another directory) never shows."""
    from wagtail.models import PageViewRestriction

    from companies.factories import CompanyIndexPageFactory, CompanyPageFactory
    from home.factories import SectorFactory

    directory = CompanyIndexPageFactory(parent=home)
    other_directory = CompanyIndexPageFactory(parent=home, slug="partners", title="Partners")
    energy = SectorFactory(name="Energy", key="energy")
    water = SectorFactory(name="Water", key="water")

    def company(parent, title, pitch, sector):
        page = CompanyPageFactory(parent=parent, title=title, pitch=pitch)
        page.sectors.set([sector])
        page.save_revision().publish()
        return page

    company(directory, "Delta Hydro", "Hydro power, and geothermal heat pumps.", water)
    company(directory, "Botnia Geothermal", "Heat from deep wells.", energy)
    company(directory, "Clear Water", "Water treatment for towns.", water)
    company(other_directory, "Partner Geothermal", "Heat from deep wells.", energy)
    private = company(directory, "Quiet Geothermal", "Heat from deep wells.", energy)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    search_server.refresh()

    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get(directory.url, {"q": "geothermal"})
        assert response.status_code == 200
        assert names(response) == ["Botnia Geothermal", "Delta Hydro"]  # the title first

        response = client.get(directory.url, {"q": "geothermal", "sector": "water"})
        assert names(response) == ["Delta Hydro"]

    assert not caplog.records  # no fallback: the search server answered


def names(response):
    html = response.content.decode()
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.django_db
def test_a_cached_search_page_shows_a_publish_on_the_next_request(
    client, search_server, page_cache, make_page, django_capture_on_commit_callbacks
):
    """The server has a published (or unpublished) page searchable before the page cache
    is emptied: a search rendered just after a publish must not cache the old answer."""

    def hits():
        html = client.get("/en/search/", {"q": "electrolyser"}).content.decode()
        return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)

    make_page("en", "Grid Storage", "Batteries for the grid.")
    search_server.refresh()
    assert hits() == []
    assert hits() == []  # from the cache now

    page = make_page("en", "Hydrogen Works", "")
    page.intro = "Electrolysers for green steel."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert hits() == ["Hydrogen Works"]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert hits() == []
