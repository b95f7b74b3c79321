"""schema.org JSON-LD for search engines: Organization on company pages, Event on event
pages. Built from the page in the visitor's language."""

import json

from django.utils.safestring import mark_safe

from core.absolute_urls import page_absolute_url
from home.renditions import absolute_rendition_url

LOGO_RENDITION = "fill-400x400|format-png"


def organization(company, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.title,
        "url": company.website or page_absolute_url(company, request),
        "description": company.pitch,
        "email": company.contact_email or None,
        "telephone": company.contact_phone or None,
        "foundingDate": str(company.founded) if company.founded else None,
        "vatID": company.vat_number or None,
        "sameAs": [block.value["url"] for block in company.social_links] or None,
        "mainEntityOfPage": page_absolute_url(company, request),
    }
    if company.logo:
        data["logo"] = absolute_rendition_url(company.logo, LOGO_RENDITION)
    if company.city or company.municipality_id:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": company.street_address or None,
            "postalCode": company.postal_code or None,
            "addressLocality": company.city
            or (company.municipality.localized.name if company.municipality else None),
            "addressCountry": company.municipality.country if company.municipality else None,
        }
    return data


def event(page, request):
    place = None
    if page.venue or page.municipality_id:
        place = {
            "@type": "Place",
            "name": page.venue or page.municipality.localized.name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.municipality.localized.name if page.municipality else None,
                "addressCountry": page.municipality.country if page.municipality else None,
            },
        }
    online = {"@type": "VirtualLocation", "url": page.online_url} if page.online_url else None
    if place and online:
        mode, location = "MixedEventAttendanceMode", [place, online]
    elif online:
        mode, location = "OnlineEventAttendanceMode", online
    else:
        mode, location = "OfflineEventAttendanceMode", place
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro or None,
        "url": page_absolute_url(page, request),
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": location,
        "organizer": {"@type": "Organization", "name": "Cleantech Kvarken"},
        "inLanguage": page.locale.language_code,
    }
    if page.registration_url:
        offer = {
            "@type": "Offer",
            "url": page.registration_url,
            "availability": "https://schema.org/InStock"
            if page.registration_open
            else "https://schema.org/SoldOut",
        }
        if page.registration_deadline:
            offer["validThrough"] = page.registration_deadline.isoformat()
        data["offers"] = offer
    return data


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def json_ld(data):
    """A <script> element; "<" escaped so content can't close it."""
    text = json.dumps(_clean(data), ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
