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
def test_switcher_says_a_page_is_untranslated_and_leads_to_the_closest_page(
    client, translated_tree, locales
):
    untranslated = NewsPageFactory(parent=translated_tree["news_index"], title="English only")
    swedish_index = translated_tree["news_index"].get_translation(locales["sv"])

    html = client.get(untranslated.get_url()).content.decode()

    assert f'href="{swedish_index.get_url()}?untranslated=1" hreflang="sv"' in html
    assert f"This page is not translated: goes to “{swedish_index.title}”" in html
    assert 'hreflang="sv" href=' not in html  # no alternate for a missing translation

    arrival = client.get(f"{swedish_index.get_url()}?untranslated=1").content.decode()
    assert "Sidan du kom från finns inte på svenska än" in arrival


@pytest.mark.django_db
def test_switcher_falls_back_to_the_home_page_when_nothing_above_is_translated(client, site_tree):
    html = client.get(site_tree["news"].get_url()).content.decode()

    assert 'href="/sv/" hreflang="sv" title="This page is not translated yet"' in html


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


@pytest.mark.django_db
def test_an_alias_marks_its_content_with_the_original_language(client, translated_tree, locales):
    """A Swedish alias shows the English text: screen readers must read it as English,
    while the header and footer around it are Swedish."""
    story = NewsPageFactory(parent=translated_tree["news_index"], title="English only")
    alias = story.copy_for_translation(locales["sv"], alias=True)
    translated = translated_tree["news"].get_translation(locales["sv"])

    html = client.get(alias.get_url()).content.decode()

    assert alias.alias_of_id == story.pk
    assert '<html lang="sv"' in html
    assert '<main id="main" tabindex="-1" lang="en">' in html
    # A translation is in its own language: no lang of its own on the content.
    assert '<main id="main" tabindex="-1">' in client.get(translated.get_url()).content.decode()
