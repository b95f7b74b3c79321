"""iCalendar (RFC 5545) for events: one event's .ics, and a subscribable feed of the
upcoming events of an index. Times are written in UTC, so every calendar shows them in
its owner's zone; each event has one UID in every language, so subscribing to two
languages doesn't double it."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from home.absolute_urls import page_absolute_url


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545
    3.1), never splitting a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current)
            current = b""
        current += encoded
    out.append(current)
    return "\r\n ".join(part.decode("utf-8") for part in out)


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _place_name(event):
    municipality = event.municipality
    if municipality is None:
        return ""
    # Translated events point at their language's municipality: no query per event.
    if municipality.locale_id == event.locale_id:
        return municipality.name
    return municipality.localized.name


def _event_lines(event, host):
    place = ", ".join(part for part in (event.venue, _place_name(event)) if part)
    url = page_absolute_url(event)
    description = "\n\n".join(part for part in (event.intro, url) if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.translation_key}@{host}",
        f"DTSTAMP:{_utc(event.last_published_at or timezone.now())}",
        f"DTSTART:{_utc(event.start)}",
        f"DTEND:{_utc(event.end)}",
        f"SUMMARY:{_escape(event.title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
    ]
    if place or event.online_url:
        lines.append(f"LOCATION:{_escape(place or event.online_url)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, name, host):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cleantech Kvarken//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    ]
    for event in events:
        lines += _event_lines(event, host)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_name(index):
    return _("%(events)s – Cleantech Kvarken") % {"events": index.title}
