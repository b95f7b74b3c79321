"""sitemap.xml and robots.txt: every language's pages with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest

from news.factories import NewsPageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.django_db
def test_sitemap_lists_each_language_with_alternates(client, translated_tree, locales):
    untranslated = NewsPageFactory(parent=translated_tree["news_index"], title="English only")
    news = translated_tree["news"]

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    urls = {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in ET.fromstring(response.content).findall("s:url", NS)
    }
    expected = {
        code: "http://testserver" + news.get_translation(locales[code]).url
        for code in ("en", "sv", "fi")
    }
    for code in ("en", "sv", "fi"):
        assert urls[expected[code]] == expected  # each language lists all three
    assert urls["http://testserver" + untranslated.url] == {}
    assert all("/admin/" not in url for url in urls)


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
