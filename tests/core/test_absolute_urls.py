"""Links work on whichever host a visitor used; the addresses that must be absolute
(canonical, hreflang, Open Graph, JSON-LD, feeds, sitemap) name the one configured base
URL, not the Wagtail Site's hostname nor the request's Host."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Site

BASE = "https://cleantech.example"
VISITOR_HOST = "127.0.0.1:8000"


@pytest.fixture
def served_elsewhere(settings, two_companies):
    """The Site says localhost:80 (as the migrations make it); the site is configured to
    live at BASE and is visited on 127.0.0.1:8000, as with `make run`."""
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    settings.WAGTAILADMIN_BASE_URL = BASE
    return two_companies


def get(client, url):
    response = client.get(url, HTTP_HOST=VISITOR_HOST)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_visitor_on_another_host_follows_relative_links(client, served_elsewhere, locales):
    tree = served_elsewhere
    pages = [
        tree[name].get_translation(locales[code]).url
        for name in ("home", "directory", "company", "news_index", "news", "event")
        for code in ("en", "fi")
    ]
    for url in pages:
        html = get(client, url)
        head, body = html.split("<body", 1)
        hrefs = re.findall(r'(?:href|src|action)="([^"]*)"', body)
        own_hosts = ("http://localhost", "//localhost", f"http://{VISITOR_HOST}", BASE)
        assert hrefs, url
        assert not [href for href in hrefs if href.startswith(own_hosts)], url

        # What search engines and social sites read: the configured base URL only.
        absolute = re.findall(
            r'<link rel="(?:canonical|alternate" hreflang="[^"]*)" href="([^"]*)"'
            r'|<meta property="og:(?:url|image)" content="([^"]*)"'
            r'|"mainEntityOfPage": "([^"]*)"',
            head,
        )
        absolute = [next(filter(None, groups)) for groups in absolute]
        assert any(href == f"{BASE}{url}" for href in absolute), url
        assert absolute and all(href.startswith(BASE + "/") for href in absolute), url


@pytest.mark.django_db
def test_feeds_and_the_sitemap_name_the_configured_base_url(client, served_elsewhere):
    index, news = served_elsewhere["news_index"], served_elsewhere["news"]

    channel = ET.fromstring(get(client, f"{index.url}rss/")).find("channel")
    assert channel.findtext("link") == f"{BASE}{index.url}"
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == f"{BASE}{index.url}rss/"
    assert channel.find("item").findtext("link") == f"{BASE}{news.url}"

    atom = ET.fromstring(get(client, f"{index.url}atom/"))
    links = [link.get("href") for link in atom.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(BASE + "/") for link in links)

    locations = re.findall(r"<loc>([^<]*)</loc>", get(client, "/sitemap.xml"))
    assert f"{BASE}{news.url}" in locations
    assert all(location.startswith(BASE + "/") for location in locations)
    assert f"Sitemap: {BASE}/sitemap.xml" in get(client, "/robots.txt")

    ics = get(client, f"{served_elsewhere['event'].url}ics/")
    assert f"URL:{BASE}{served_elsewhere['event'].url}" in ics.replace("\r\n ", "")
