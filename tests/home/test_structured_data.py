"""schema.org JSON-LD: Organization on company pages, Event on event pages."""

import datetime
import json
import re
import zoneinfo

import pytest


def json_ld(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


@pytest.mark.django_db
def test_company_page_describes_the_organization(client, site_tree):
    company = site_tree["company"]
    company.contact_email = "sales@aurora.example"
    company.city = "Vaasa"
    company.pitch = "Grids </script><script>alert(1)</script>"
    company.save_revision().publish()

    html = client.get(company.url).content.decode()
    data = json_ld(html)

    assert data["@type"] == "Organization" and data["name"] == "Aurora Grid Oy"
    assert data["email"] == "sales@aurora.example"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Vaasa",
        "addressCountry": "FI",
    }
    assert data["description"].startswith("Grids </script>")  # intact as data
    assert "<script>alert(1)" not in html


@pytest.mark.django_db
def test_event_page_describes_the_event_in_its_zone(client, site_tree, next_month):
    event = site_tree["event"]
    event.start = next_month
    event.end = next_month + datetime.timedelta(hours=6)
    event.time_zone = "Europe/Helsinki"
    event.venue = "Vaasa Science Park"
    event.online_url = "https://stream.example/day"
    event.registration_url = "https://register.example"
    event.save_revision().publish()

    data = json_ld(client.get(event.url).content.decode())

    assert data["@type"] == "Event"
    # 08:00 UTC is 10:00 in Vaasa in winter, 11:00 in summer.
    in_vaasa = next_month.astimezone(zoneinfo.ZoneInfo("Europe/Helsinki"))
    assert data["startDate"] == in_vaasa.isoformat()
    assert data["startDate"][11:] in ("10:00:00+02:00", "11:00:00+03:00")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["name"] == "Vaasa Science Park"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
