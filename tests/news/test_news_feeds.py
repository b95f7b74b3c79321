"""News: topic filter on the index, RSS and Atom feeds per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from home.taxonomy import Topic
from news.factories import NewsPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(site_tree, translate_tree):
    index = site_tree["news_index"]
    hydrogen = Topic.objects.create(locale=index.locale, key="hydrogen", name="Hydrogen")
    wind = Topic.objects.create(locale=index.locale, key="wind", name="Wind")
    older = NewsPageFactory(
        parent=index, title="Wind fair", date=datetime.date(2026, 9, 1), intro="Fair"
    )
    older.tags.set([wind])
    older.save_revision().publish()
    first = site_tree["news"]
    first.tags.set([hydrogen])
    first.date = datetime.date(2026, 11, 20)
    first.save_revision().publish()
    translate_tree(hydrogen, wind, site_tree["home"], index, first)
    return {"index": index, "older": older, "first": first}


def titles(response):
    import re

    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.django_db
def test_topic_filter(client, news):
    index = news["index"]
    assert titles(client.get(index.url)) == ["Hydrogen valley opens", "Wind fair"]
    assert titles(client.get(index.url, {"tag": "wind"})) == ["Wind fair"]

    response = client.get(index.url, {"tag": "no-such-topic"})
    assert response.status_code == 400
    assert "There is no news on that topic" in response.content.decode()
    assert titles(response) == ["Hydrogen valley opens", "Wind fair"]


@pytest.mark.django_db
def test_rss_feed_per_language(client, news, locales):
    swedish_index = news["index"].get_translation(locales["sv"])
    swedish_first = news["first"].get_translation(locales["sv"])

    response = client.get(f"{swedish_index.url}rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "sv"
    items = channel.findall("item")
    # Only the translated item is in the Swedish index, in Swedish, with its Swedish topic.
    assert [item.findtext("title") for item in items] == [swedish_first.title]
    assert items[0].findtext("link") == "http://testserver" + swedish_first.url
    assert [c.text for c in items[0].findall("category")] == ["[sv] Hydrogen"]
    assert f'href="{swedish_index.url}rss/"' in client.get(swedish_first.url).content.decode()


@pytest.mark.django_db
def test_atom_feed(client, news):
    response = client.get(f"{news['index'].url}atom/")

    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Hydrogen valley opens", "Wind fair"]
    assert entries[1].findtext(f"{ATOM}published").startswith("2026-09-01")
    assert f'href="{news["index"].url}atom/"' in client.get(news["index"].url).content.decode()


@pytest.mark.django_db
def test_a_feed_costs_the_same_queries_for_any_number_of_tagged_items(client, news):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = news["index"]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{index.url}rss/").status_code == 200
        return len(captured)

    queries()
    few = queries()
    topic = Topic.objects.get(key="wind", locale=index.locale)
    for number in range(6):
        item = NewsPageFactory(parent=index, title=f"Turbine news {number}")
        item.tags.set([topic])
        item.save_revision().publish()
    assert queries() == few
