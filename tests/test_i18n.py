"""Languages: prefixed URLs, the root redirect, and a switcher that never leads to a 404."""

import pytest

from news.factories import NewsPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept, expected",
    [
        ("sv-SE,sv;q=0.9,en;q=0.5", "/sv/"),
        ("fi", "/fi/"),
        ("en-GB", "/en/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, home, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_switcher_links_each_language_to_the_translation(client, translated_tree, locales):
    company = translated_tree["company"]
    urls = {code: company.get_translation(locales[code]).get_url() for code in ("sv", "fi")}

    html = client.get(company.get_url()).content.decode()

    assert f'href="{urls["sv"]}" hreflang="sv"' in html
    assert f'href="{urls["fi"]}" hreflang="fi"' in html
    assert client.get(urls["fi"]).status_code == 200


@pytest.mark.django_db
def test_translated_pages_declare_hreflang_alternates(client, translated_tree, locales):
    news = translated_tree["news"]

    html = client.get(news.get_url()).content.decode()

    for code in ("en", "sv", "fi"):
        url = news.get_translation(locales[code]).get_url()
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{url}">' in html


@pytest.mark.django_db
def test_switcher_sends_untranslated_pages_to_that_languages_home(client, translated_tree):
    untranslated = NewsPageFactory(parent=translated_tree["news_index"], title="English only")

    response = client.get(untranslated.get_url())

    html = response.content.decode()
    assert 'href="/sv/" hreflang="sv"' in html
    assert 'href="/fi/" hreflang="fi"' in html
    assert "Not translated: goes to the home page" in html
    assert 'hreflang="sv" href=' not in html  # no alternate for a missing translation


@pytest.mark.django_db
def test_a_page_created_in_english_is_offered_for_translation(admin_client, site_tree, locales):
    """Synchronised trees: wagtail-localize creates sv and fi aliases of a new English page."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from news.models import NewsPage

    index = site_tree["news_index"]
    admin_client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        nested_form_data(
            {
                "title": "Synced story",
                "slug": "synced-story",
                "date": "2026-11-27",
                "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
                "related_companies-TOTAL_FORMS": "0",
                "related_companies-INITIAL_FORMS": "0",
                "related_companies-MIN_NUM_FORMS": "0",
                "related_companies-MAX_NUM_FORMS": "1000",
            }
        ),
    )
    source = NewsPage.objects.get(slug="synced-story", locale=locales["en"])

    for code in ("sv", "fi"):
        alias = source.get_translation(locales[code])
        assert alias.alias_of_id == source.pk
