"""Publishing or unpublishing a page invalidates it in every language on the CDN, and the
listings that show it (a stand-in backend records the URLs: CloudFront can't run here)."""

import pytest
from frontend_cache_backend import PURGED


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "frontend_cache_backend.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.mark.django_db
def test_publishing_a_company_purges_it_and_its_listings_in_every_language(translated_tree, cdn):
    company = translated_tree["company"]

    company.save_revision().publish()

    paths = {url.removeprefix("http://localhost") for url in cdn}
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
def test_unpublishing_purges_too(translated_tree, cdn):
    translated_tree["news"].unpublish()

    assert any(url.endswith("/en/news/") for url in cdn)


@pytest.mark.django_db
def test_nothing_is_purged_without_a_cdn(translated_tree, settings):
    PURGED.clear()

    translated_tree["company"].save_revision().publish()

    assert PURGED == []
