"""Canonical URLs, Open Graph and Twitter cards."""

import re

import pytest
from wagtail.images.tests.utils import get_test_image_file


def meta(html, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


@pytest.mark.django_db
def test_a_company_page_is_shared_with_its_logo_in_its_language(
    client, site_tree, translate_tree, locales
):
    from wagtail.images import get_image_model

    company = site_tree["company"]
    company.logo = get_image_model().objects.create(title="Aurora logo", file=get_test_image_file())
    company.save_revision().publish()
    translate_tree(
        site_tree["municipality"],
        site_tree["sector"],
        site_tree["home"],
        site_tree["directory"],
        company,
    )
    swedish = company.get_translation(locales["sv"])

    html = client.get(swedish.url).content.decode()

    assert f'<link rel="canonical" href="http://testserver{swedish.url}">' in html
    assert meta(html, "og:url") == "http://testserver" + swedish.url
    assert meta(html, "og:title") == swedish.title
    assert meta(html, "og:locale") == "sv_SE"
    assert meta(html, "og:image").startswith("http://testserver/")
    assert ".fill-1200x630" in meta(html, "og:image")
    assert meta(html, "twitter:card") == "summary_large_image"


@pytest.mark.django_db
def test_a_news_item_is_an_article_and_without_image_a_summary_card(client, site_tree):
    html = client.get(site_tree["news"].url).content.decode()

    assert meta(html, "og:type") == "article"
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"
