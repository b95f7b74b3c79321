"""Events in calendars: each event's .ics and a subscribable feed of upcoming
events, in UTC with one UID per event across languages."""

import datetime

import icalendar
import pytest

from events.factories import EventPageFactory


def unfolded(body):
    return body.replace("\r\n ", "")


@pytest.fixture
def events(translated_tree, next_month):
    index = translated_tree["event_index"]
    upcoming = translated_tree["event"]
    upcoming.start = next_month
    upcoming.end = next_month + datetime.timedelta(hours=6)
    upcoming.time_zone = "Europe/Helsinki"
    upcoming.venue = "Vaasa Science Park; Hall A, 2nd floor"
    upcoming.save_revision().publish()
    past = EventPageFactory(
        parent=index,
        title="Old fair",
        start=datetime.datetime(2020, 5, 1, 8, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2020, 5, 1, 9, 0, tzinfo=datetime.UTC),
    )
    past.save_revision().publish()
    return {"index": index, "upcoming": upcoming, "past": past}


@pytest.mark.django_db
def test_an_events_ics(client, events):
    event = events["upcoming"]

    response = client.get(f"{event.url}ics/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    body = unfolded(response.content.decode())
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert f"DTSTART:{event.start:%Y%m%dT080000Z}\r\n" in body
    assert f"DTEND:{event.end:%Y%m%dT140000Z}\r\n" in body
    assert "SUMMARY:Matchmaking day\r\n" in body
    assert "LOCATION:Vaasa Science Park\\; Hall A\\, 2nd floor\\, Vaasa\r\n" in body
    assert f"URL:http://testserver{event.url}\r\n" in body
    assert f'href="{event.url}ics/"' in client.get(event.url).content.decode()
    # What a calendar application reads back.
    (parsed,) = icalendar.Calendar.from_ical(response.content).events
    assert parsed.uid == f"{event.translation_key}@testserver"
    assert parsed.start == event.start
    assert str(parsed["LOCATION"]) == "Vaasa Science Park; Hall A, 2nd floor, Vaasa"


@pytest.mark.django_db
def test_the_feed_lists_upcoming_events_with_one_uid_per_event(client, events, locales):
    english = unfolded(client.get(f"{events['index'].url}ics/").content.decode())
    swedish_index = events["index"].get_translation(locales["sv"])
    swedish = unfolded(client.get(f"{swedish_index.url}ics/").content.decode())

    assert english.count("BEGIN:VEVENT") == 1 and "Old fair" not in english
    assert "SUMMARY:[sv] Matchmaking day" in swedish
    uid = f"UID:{events['upcoming'].translation_key}@testserver"
    assert uid in english and uid in swedish


@pytest.mark.django_db
def test_long_titles_fold_without_splitting_characters(client, events):
    event = events["upcoming"]
    event.title = "Matchmaking; " + "Örnsköldsvik, " * 10
    event.save_revision().publish()

    body = client.get(f"{event.url}ics/").content

    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    lines = body.decode().split("\r\n")  # each folded part is whole UTF-8 characters
    assert any(line.startswith(" ") for line in lines)
    (parsed,) = icalendar.Calendar.from_ical(body).events
    assert str(parsed["SUMMARY"]) == event.title
