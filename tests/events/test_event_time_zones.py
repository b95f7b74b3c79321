"""Event times are entered and shown in the event's own time zone."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.mark.django_db
def test_vaasa_and_umea_events_show_their_own_local_times(client, event_index):
    # The same instant: 08:00 UTC is 10:00 in Vaasa and 09:00 in Umeå (winter time).
    instant = datetime.datetime(2027, 1, 20, 8, 0, tzinfo=datetime.UTC)
    vaasa = EventPageFactory(
        parent=event_index,
        title="Vaasa day",
        start=instant,
        end=instant + datetime.timedelta(hours=2),
        time_zone="Europe/Helsinki",
    )
    umea = EventPageFactory(
        parent=event_index,
        title="Umeå day",
        start=instant,
        end=instant + datetime.timedelta(hours=2),
        time_zone="Europe/Stockholm",
    )

    vaasa_html = client.get(vaasa.url).content.decode()
    umea_html = client.get(umea.url).content.decode()

    assert "10:00" in vaasa_html and "12:00" in vaasa_html
    assert "UTC+02:00" in vaasa_html
    assert "09:00" in umea_html and "11:00" in umea_html
    assert "UTC+01:00" in umea_html


@pytest.mark.django_db
def test_summer_time_offset_is_shown(client, event_index):
    start = datetime.datetime(2027, 6, 10, 13, 0, tzinfo=HELSINKI)
    event = EventPageFactory(
        parent=event_index,
        start=start,
        end=start + datetime.timedelta(hours=1),
        time_zone="Europe/Helsinki",
    )

    html = client.get(event.url).content.decode()

    assert "13:00" in html and "UTC+03:00" in html


@pytest.mark.django_db
def test_registration_closes_after_the_deadline(client, event_index):
    start = timezone.now() + datetime.timedelta(days=10)
    closed = EventPageFactory(
        parent=event_index,
        title="Closed",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_url="https://register.example/a",
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    open_ = EventPageFactory(
        parent=event_index,
        title="Open",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_url="https://register.example/b",
        registration_deadline=timezone.localdate() + datetime.timedelta(days=3),
    )

    assert "Registration is closed" in client.get(closed.url).content.decode()
    html = client.get(open_.url).content.decode()
    assert "https://register.example/b" in html and "Registration is closed" not in html


@pytest.mark.django_db
def test_event_index_splits_upcoming_and_past(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index,
        title="Next spring fair",
        start=now + datetime.timedelta(days=90),
        end=now + datetime.timedelta(days=91),
    )
    EventPageFactory(
        parent=event_index,
        title="Last autumn webinar",
        start=now - datetime.timedelta(days=60),
        end=now - datetime.timedelta(days=60, hours=-1),
    )

    response = client.get(event_index.url)

    upcoming = [e.title for e in response.context["upcoming_events"]]
    past = [e.title for e in response.context["past_events"]]
    assert upcoming == ["Next spring fair"]
    assert past == ["Last autumn webinar"]


@pytest.mark.django_db
def test_past_events_are_paged_oldest_last(client, event_index):
    now = timezone.now()
    for days in range(1, 15):
        EventPageFactory(
            parent=event_index,
            title=f"Past {days:02}",
            start=now - datetime.timedelta(days=days),
            end=now - datetime.timedelta(days=days, hours=-1),
        )

    first = client.get(event_index.url)
    second = client.get(event_index.url, {"past": 2})

    assert [e.title for e in first.context["past_events"]][:2] == ["Past 01", "Past 02"]
    assert len(first.context["past_events"]) == 12
    assert [e.title for e in second.context["past_events"]] == ["Past 13", "Past 14"]
    assert "?past=2#past" in first.content.decode()
