"""Every page type renders in English, Swedish and Finnish."""

import pytest

PAGE_KEYS = [
    "home",
    "directory",
    "company",
    "news_index",
    "news",
    "event_index",
    "event",
    "standard",
]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "sv", "fi"])
def test_every_page_type_renders_in_each_language(client, translated_tree, locales, code):
    for key in PAGE_KEYS:
        page = translated_tree[key].get_translation(locales[code]).specific
        url = page.get_url()
        assert url.startswith(f"/{code}/"), key

        response = client.get(url)

        assert response.status_code == 200, f"{key} at {url}"
        html = response.content.decode()
        assert f'<html lang="{code}">' in html, key
        assert page.title in html, key
        if code != "en":
            assert page.title.startswith(f"[{code}] "), key


@pytest.mark.django_db
def test_swedish_company_page_shows_swedish_interface_and_terms(client, translated_tree, locales):
    company = translated_tree["company"].get_translation(locales["sv"])

    html = client.get(company.get_url()).content.decode()

    assert "Hoppa till innehållet" in html  # compiled sv catalogue
    assert "[sv] Energy" in html  # the sector in Swedish, though the link is synchronised
    assert "[sv] Vaasa" in html
