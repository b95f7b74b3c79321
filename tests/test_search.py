"""Site search answers in the visitor's language; bad input never breaks it."""

import pytest


@pytest.mark.django_db
def test_search_finds_pages_in_the_current_language_only(client, translated_tree):
    english = client.get("/en/search/", {"q": "Aurora"})
    swedish = client.get("/sv/search/", {"q": "Aurora"})

    assert [r.title for r in english.context["search_results"]] == ["Aurora Grid Oy"]
    assert [r.title for r in swedish.context["search_results"]] == ["[sv] Aurora Grid Oy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 5000},
        {"q": "Aurora", "page": "abc"},
        {"q": "Aurora", "page": "999"},
        {"q": "'\"; DROP TABLE--"},
    ],
)
def test_odd_queries_get_a_normal_page(client, site_tree, params):
    response = client.get("/en/search/", params)

    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_page_gives_a_translated_404(client, translated_tree):
    response = client.get("/fi/ei-ole-olemassa/")

    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()
