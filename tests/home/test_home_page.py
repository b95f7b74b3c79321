"""The home page features companies, news and events automatically unless editors pin them."""

import datetime

import pytest
from django.utils import timezone

from companies.factories import CompanyPageFactory
from events.factories import EventPageFactory
from home.models import HomeFeaturedCompany


@pytest.mark.django_db
def test_home_page_shows_newest_content_automatically(client, site_tree):
    past = timezone.now() - datetime.timedelta(days=30)
    EventPageFactory(
        parent=site_tree["event_index"],
        title="Last year's fair",
        start=past,
        end=past + datetime.timedelta(hours=4),
    )

    response = client.get("/en/")

    html = response.content.decode()
    assert "Aurora Grid Oy" in html
    assert "Hydrogen valley opens" in html
    assert "Matchmaking day" in html
    assert "Last year's fair" not in html  # past events are not "upcoming"


@pytest.mark.django_db
def test_pinned_companies_replace_the_automatic_choice(client, site_tree):
    home = site_tree["home"]
    pinned = CompanyPageFactory(parent=site_tree["directory"], title="Pinned Pellets AB")
    home.featured_companies.add(HomeFeaturedCompany(page=pinned))
    home.save_revision().publish()

    featured = [page.title for page in client.get("/en/").context["page"].get_featured_companies()]

    assert featured == ["Pinned Pellets AB"]


@pytest.mark.django_db
def test_pinned_company_is_shown_in_the_visitors_language(client, translated_tree, locales):
    """Synchronised links point at the English page; visitors get their own language's."""
    english_company = translated_tree["company"]
    swedish_home = translated_tree["home"].get_translation(locales["sv"]).specific
    swedish_home.featured_companies.add(HomeFeaturedCompany(page=english_company))
    swedish_home.save_revision().publish()

    html = client.get(swedish_home.get_url()).content.decode()

    assert english_company.get_translation(locales["sv"]).get_url() in html
    assert english_company.get_url() not in html
