"""Publishing or unpublishing a page invalidates, in one CDN request, the page in every
language, the listings that show it, and their feeds and calendars (a stand-in backend
records the requests: CloudFront can't run here)."""

import pytest

from tests.helpers.frontend_cache_backend import BATCHES


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "tests.helpers.frontend_cache_backend.RecordingBackend"}
    }
    BATCHES.clear()
    yield BATCHES
    BATCHES.clear()


def the_one_batch(batches):
    """The paths of the only invalidation request sent."""
    assert len(batches) == 1, f"{len(batches)} invalidation requests: {batches}"
    return {url.removeprefix("http://localhost") for url in batches[0]}


def in_every_language(page, locales, *paths):
    return {
        page.get_translation(locale).url + path for locale in locales.values() for path in paths
    }


@pytest.mark.django_db
def test_publishing_a_company_purges_it_and_its_listings_in_every_language(translated_tree, cdn):
    company = translated_tree["company"]

    company.save_revision().publish()

    paths = the_one_batch(cdn)
    assert {
        "/en/companies/aurora-grid-oy/",
        "/sv/companies-sv/aurora-grid-oy-sv/",
        "/fi/companies-fi/aurora-grid-oy-fi/",
        "/en/companies/",
        "/sv/companies-sv/",
        "/fi/companies-fi/",
        "/en/",
        "/sv/",
        "/fi/",
    } <= paths, paths
    # No guessed URLs: translated slugs are used as they are.
    assert "/sv/companies/aurora-grid-oy/" not in paths


@pytest.mark.django_db
def test_publishing_news_purges_the_feeds_in_every_language(translated_tree, locales, cdn):
    news = translated_tree["news"]

    news.save_revision().publish()

    paths = the_one_batch(cdn)
    assert in_every_language(news, locales, "") <= paths, paths
    assert in_every_language(translated_tree["news_index"], locales, "", "rss/", "atom/") <= paths


@pytest.mark.django_db
def test_publishing_an_event_purges_the_calendars_in_every_language(translated_tree, locales, cdn):
    event = translated_tree["event"]

    event.save_revision().publish()

    paths = the_one_batch(cdn)
    assert in_every_language(event, locales, "", "ics/") <= paths, paths
    assert in_every_language(translated_tree["event_index"], locales, "", "ics/") <= paths


@pytest.mark.django_db
def test_unpublishing_purges_the_page_and_its_listing(translated_tree, cdn):
    news = translated_tree["news"]

    news.unpublish()

    paths = the_one_batch(cdn)
    assert {news.url, "/en/news/", "/en/news/rss/", "/en/news/atom/"} <= paths, paths


@pytest.mark.django_db
def test_a_draft_purges_nothing_until_it_is_published(translated_tree, cdn):
    company = translated_tree["company"]
    company.title = "Aurora Grid Abp"

    revision = company.save_revision()

    assert cdn == []
    revision.publish()
    assert "/en/companies/aurora-grid-oy/" in the_one_batch(cdn)
