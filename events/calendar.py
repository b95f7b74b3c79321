"""iCalendar (RFC 5545) for events: one event's .ics, and a subscribable feed of the
upcoming events of an index, written by the icalendar library (escaping, line folding,
UTC times). Times are in UTC, so every calendar shows them in its owner's zone; each event
has one UID in every language, so subscribing to two languages doesn't double it."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.absolute_urls import page_absolute_url

# How often a subscribed calendar asks again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def _utc(moment):
    return moment.astimezone(datetime.UTC)


def _place_name(event):
    municipality = event.municipality
    if municipality is None:
        return ""
    # Translated events point at their language's municipality: no query per event.
    if municipality.locale_id == event.locale_id:
        return municipality.name
    return municipality.localized.name


def _event(event, host):
    place = ", ".join(part for part in (event.venue, _place_name(event)) if part)
    url = page_absolute_url(event)
    description = "\n\n".join(part for part in (event.intro, url) if part)
    component = Event()
    component.add("uid", f"{event.translation_key}@{host}")
    component.add("dtstamp", _utc(event.last_published_at or timezone.now()))
    component.add("dtstart", _utc(event.start))
    component.add("dtend", _utc(event.end))
    component.add("summary", event.title)
    component.add("description", description)
    component.add("url", url)
    if place or event.online_url:
        component.add("location", place or event.online_url)
    return component


def calendar(events, name, host):
    """The events as an iCalendar document (text, CRLF line ends)."""
    document = Calendar()
    document.add("version", "2.0")
    document.add("prodid", "-//Cleantech Kvarken//Events//EN")
    document.add("calscale", "GREGORIAN")
    document.add("method", "PUBLISH")
    document.add("x-wr-calname", name)
    document.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    for event in events:
        document.add_component(_event(event, host))
    return document.to_ical().decode("utf-8")


def calendar_name(index):
    return _("%(events)s – Cleantech Kvarken") % {"events": index.title}
