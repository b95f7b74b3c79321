"""The Company Catalogue's pages: what each company page shows (an Entry), and the PDF
WeasyPrint lays out from companies/templates/companies/catalogue/catalogue.html.

Kept apart from the database: build_pdf() takes plain entries, so bench/ can time the
layout of 1,000 companies without creating them."""

import base64
import dataclasses
import datetime
import io

import segno
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django_countries import countries

from core.absolute_urls import page_absolute_url

from ..blocks import OFFERING_KINDS

# A catalogue page is a sheet of paper: the description is cut to what fits beside the
# facts, and the whole text is one QR scan away.
DESCRIPTION_CHARS = 900


@dataclasses.dataclass
class Entry:
    anchor: str
    name: str
    pitch: str
    description: str
    url: str
    place: str = ""
    sectors: list = dataclasses.field(default_factory=list)
    offerings: list = dataclasses.field(default_factory=list)  # (kind label, title, text)
    certifications: list = dataclasses.field(default_factory=list)
    markets: list = dataclasses.field(default_factory=list)
    contacts: list = dataclasses.field(default_factory=list)  # (label, text)
    references: list = dataclasses.field(default_factory=list)  # (title, client, summary)
    logo: str = ""  # a data: URI, so the layout never waits on the media storage

    @property
    def qr(self):
        """The showcase URL as a QR code (SVG data URI)."""
        return segno.make(self.url, error="m").svg_data_uri(scale=4, border=2)


@dataclasses.dataclass
class Cover:
    language: str
    title: str
    subtitle: str = ""  # the selection or the event
    event_when: str = ""
    event_where: str = ""
    date: datetime.date = dataclasses.field(default_factory=datetime.date.today)


def _plain(html):
    return " ".join(strip_tags(str(html)).split())


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _first_paragraphs(description):
    """The description's paragraphs as plain text (pictures, videos and downloads don't
    print; references get their own list)."""
    text = " ".join(_plain(block.value) for block in description if block.block_type == "paragraph")
    return _shorten(text, DESCRIPTION_CHARS)


def _references(description):
    return [
        (
            block.value["title"],
            block.value.get("client", ""),
            _shorten(_plain(block.value["summary"]), 300),
        )
        for block in description
        if block.block_type == "case_study"
    ][:3]


def _logo_uri(company):
    """A small PNG of the logo, or "" when there is none or the media store is down."""
    if not company.logo:
        return ""
    try:
        rendition = company.logo.get_rendition("max-240x240|format-png")
        with rendition.file.open("rb") as handle:
            data = handle.read()
    except Exception:  # noqa: BLE001 - a missing logo must not stop the catalogue
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode()


def entry_for(company, labels):
    """The Entry of a live CompanyPage, in the active language (its own locale); ``labels``
    are directory.taxonomy_labels() of that language, fetched once for all companies."""
    kinds = dict(OFFERING_KINDS)

    contacts = []
    if company.website:
        contacts.append((_("Website"), company.website))
    if company.contact_email:
        contacts.append((_("Email"), company.contact_email))
    if company.contact_phone:
        contacts.append((_("Phone"), company.contact_phone))
    address = ", ".join(
        part
        for part in (company.street_address, f"{company.postal_code} {company.city}".strip())
        if part
    )
    if address:
        contacts.append((_("Address"), address))
    municipality = company.municipality
    place = ""
    if municipality is not None:
        name = labels["municipality"].get(municipality.key, municipality.name)
        place = f"{name}, {countries.name(municipality.country)}"
    return Entry(
        anchor=f"company-{company.pk}",
        name=company.title,
        pitch=company.pitch,
        description=_first_paragraphs(company.description),
        url=page_absolute_url(company),
        place=place,
        sectors=sorted(labels["sector"].get(s.key, s.name) for s in company.sectors.all()),
        offerings=[
            (
                str(kinds.get(block.value.get("kind"), "")),
                block.value.get("title", ""),
                block.value.get("text", ""),
            )
            for block in company.offerings
        ],
        certifications=sorted(
            labels["certification"].get(c.key, c.name) for c in company.certifications.all()
        ),
        markets=sorted(countries.name(code) for code in company.export_markets),
        contacts=contacts,
        references=_references(company.description),
        logo=_logo_uri(company),
    )


def sector_index(entries):
    """[(sector, [entries])], sectors A to Z."""
    by_sector = {}
    for entry in entries:
        for sector in entry.sectors:
            by_sector.setdefault(sector, []).append(entry)
    return sorted(by_sector.items(), key=lambda item: item[0].casefold())


def build_pdf(cover, entries):
    """The catalogue as (PDF bytes, number of pages); tagged PDF/UA (headings, lists, alt
    texts, language)."""
    from weasyprint import HTML

    html = render_to_string(
        "companies/catalogue/catalogue.html",
        {
            "cover": cover,
            "entries": entries,
            "sectors": sector_index(entries),
            "date": formats.date_format(cover.date, "DATE_FORMAT"),
        },
    )
    document = HTML(string=html).render(pdf_variant="pdf/ua-1")
    buffer = io.BytesIO()
    document.write_pdf(buffer, pdf_variant="pdf/ua-1")
    return buffer.getvalue(), len(document.pages)
