"""The company showcase: a gallery with responsive images in modern formats,
and the news and coming events that mention the company, in the page's language."""

import datetime
import re

import pytest
from wagtail.images.tests.utils import get_test_image_file

from events.factories import EventPageFactory


@pytest.mark.django_db
def test_gallery_images_are_responsive_and_in_modern_formats(client, site_tree):
    from wagtail.images import get_image_model

    photo = get_image_model().objects.create(
        title="Factory", file=get_test_image_file(size=(1600, 1200))
    )
    company = site_tree["company"]
    company.gallery = [  # raw stream data, as the editor stores it
        {
            "type": "image",
            "value": {
                "image": {"image": photo.pk, "alt_text": "Turbine hall", "decorative": False},
                "caption": "Our plant",
            },
        }
    ]
    company.save_revision().publish()

    html = client.get(company.url).content.decode()

    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    srcset = re.search(r'srcset="([^"]+)" type="image/avif"', picture).group(1)
    assert {w for w in re.findall(r" (\d+)w", srcset)} == {"400", "800", "1200"}
    assert 'alt="Turbine hall"' in picture and 'loading="lazy"' in picture
    assert "<figcaption>Our plant</figcaption>" in html


@pytest.mark.django_db
def test_news_and_coming_events_about_the_company(client, site_tree, next_month):
    company = site_tree["company"]
    news = site_tree["news"]
    news.related_companies.create(company=company)
    news.save_revision().publish()
    coming = site_tree["event"]
    coming.start = next_month
    coming.end = next_month + datetime.timedelta(hours=8)
    coming.participants.create(company=company)
    coming.save_revision().publish()
    past = EventPageFactory(
        parent=site_tree["event_index"],
        title="Last year's fair",
        start=datetime.datetime(2020, 3, 1, 8, tzinfo=datetime.UTC),
        end=datetime.datetime(2020, 3, 1, 9, tzinfo=datetime.UTC),
    )
    past.participants.create(company=company)
    past.save_revision().publish()

    html = client.get(company.url).content.decode()

    assert "In the news" in html and "Hydrogen valley opens" in html
    assert "Meet Aurora Grid Oy at" in html and "Matchmaking day" in html
    assert "Last year&#x27;s fair" not in html and "Last year's fair" not in html
