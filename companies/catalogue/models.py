"""
The Company Catalogue: which companies a catalogue holds (a Selection), the stored PDFs
(Catalogue), and when one must be built again.

A catalogue is keyed twice: by its selection (language + directory filters, or an
event), one row each, and by its content (the companies in it and when each was last
published, the event, the print templates' version). A request whose content key matches
the stored file gets that file; any other starts a build (companies/catalogue/build.py) and the
stored file is replaced when it is done.

companies/models.py registers the Catalogue model from here, so this module looks
CompanyPage up in the app registry rather than importing the models.
"""

import dataclasses
import hashlib
import json

from django.apps import apps
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.models import EventPage

from ..directory.facets import DirectoryForm, facet_filter, taxonomy_labels
from .build import build_catalogue

# Bump when the print templates or entries change: every stored catalogue is then stale.
LAYOUT_VERSION = "2"


class EmptySelection(Exception):
    """No published company matches: there is nothing to print."""


@dataclasses.dataclass(frozen=True)
class Selection:
    language: str
    filters: tuple = ()  # ((facet, (value, ...)), ...), facets and values sorted
    event_id: int | None = None  # an EventPage in that language

    @classmethod
    def from_filters(cls, language, filters, event_id=None):
        cleaned = tuple(sorted((name, tuple(sorted(v))) for name, v in filters.items() if v))
        return cls(language, cleaned, event_id)

    @property
    def key(self):
        raw = json.dumps([self.language, self.filters, self.event_id])
        return hashlib.sha256(raw.encode()).hexdigest()

    def event(self):
        if self.event_id is None:
            return None
        return EventPage.objects.live().public().filter(pk=self.event_id).first()

    def companies(self):
        """The live companies of this selection, in its language, A to Z."""
        locale = Locale.objects.get(language_code=self.language)
        company_page = apps.get_model("companies", "CompanyPage")
        queryset = company_page.objects.live().public().filter(locale=locale)
        for name, values in self.filters:
            queryset = queryset.filter(facet_filter(name, list(values)))
        if self.event_id is not None:
            event = self.event()
            if event is None:
                return queryset.none()
            keys = event.participants.values_list("company__translation_key", flat=True)
            queryset = queryset.filter(translation_key__in=keys)
        return queryset.order_by("title")

    def content_key(self, companies):
        """Changes when any company in it is published again, joins or leaves."""
        event = self.event()
        parts = [
            LAYOUT_VERSION,
            self.key,
            [(c.pk, c.last_published_at.isoformat()) for c in companies],
            event.last_published_at.isoformat() if event and event.last_published_at else "",
        ]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def describe(self):
        """What the cover says under the title: the event, or the filters."""
        event = self.event()
        if event is not None:
            return event.title
        if not self.filters:
            return ""
        with translation.override(self.language):
            form = DirectoryForm(
                {}, taxonomy_labels(Locale.objects.get(language_code=self.language))
            )
            parts = []
            for name, values in self.filters:
                field = form.fields[name]
                labels = dict(field.choices)
                parts.append(f"{field.label}: {', '.join(str(labels.get(v, v)) for v in values)}")
            return "; ".join(parts)


class Catalogue(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        BUILDING = "building", _("building")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    language = models.CharField(_("language"), max_length=8)
    selection = models.JSONField(_("selection"))
    selection_key = models.CharField(max_length=64, unique=True)
    description = models.CharField(_("companies"), max_length=300, blank=True)
    # What the stored file was built from, and what the last request asked for.
    content_key = models.CharField(max_length=64, blank=True)
    wanted_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="catalogues/", blank=True)
    company_count = models.PositiveIntegerField(_("companies"), default=0)
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("company catalogue")
        verbose_name_plural = _("company catalogues")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.language}: {self.description or _('all companies')}"

    @property
    def current(self):
        return bool(self.file) and self.content_key == self.wanted_key

    def as_selection(self):
        return Selection(
            self.selection["language"],
            tuple((name, tuple(values)) for name, values in self.selection["filters"]),
            self.selection.get("event_id"),
        )

    @property
    def filename(self):
        return f"cleantech-kvarken-catalogue-{self.language}-{self.selection_key[:8]}.pdf"


def request_catalogue(selection):
    """The catalogue of ``selection``, current or being built (raises EmptySelection)."""
    companies = list(selection.companies())
    if not companies:
        raise EmptySelection
    wanted = selection.content_key(companies)
    catalogue, _ = Catalogue.objects.get_or_create(
        selection_key=selection.key,
        defaults={
            "language": selection.language,
            "selection": {
                "language": selection.language,
                "filters": [list(item) for item in selection.filters],
                "event_id": selection.event_id,
            },
        },
    )
    if catalogue.content_key == wanted and catalogue.file:
        return catalogue
    pending = catalogue.status in (Catalogue.Status.QUEUED, Catalogue.Status.BUILDING)
    if pending and catalogue.wanted_key == wanted:
        return catalogue  # already on its way
    Catalogue.objects.filter(pk=catalogue.pk).update(
        wanted_key=wanted,
        status=Catalogue.Status.QUEUED,
        progress=0,
        requested_at=timezone.now(),
        error="",
    )
    build_catalogue.enqueue(catalogue.pk)
    catalogue.refresh_from_db()
    return catalogue
