"""Background work of the companies app (django-tasks, as Wagtail's own tasks).

companies/catalogue/models.py queues the builds, so the Catalogue model is looked up in the app
registry here rather than imported back."""

import logging

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone, translation
from django_tasks import task
from wagtail.models import Locale

from ..directory.facets import taxonomy_labels
from .pdf import Cover, build_pdf, entry_for

logger = logging.getLogger(__name__)


def event_dates(event):
    start, end = event.local_start, event.local_end
    first = formats.date_format(start, "DATE_FORMAT")
    last = formats.date_format(end, "DATE_FORMAT")
    return first if first == last else f"{first}–{last}"


@task(backend="catalogue")
def build_catalogue(catalogue_id):
    """Lay out and store the catalogue's PDF; progress is kept on the row for the admin."""
    Catalogue = apps.get_model("companies", "Catalogue")  # noqa: N806 (a model class)
    rows = Catalogue.objects.filter(pk=catalogue_id)
    catalogue = rows.get()
    selection = catalogue.as_selection()
    rows.update(status=Catalogue.Status.BUILDING, progress=5)
    try:
        with translation.override(selection.language):
            companies = list(
                selection.companies()
                .select_related("logo", "municipality")
                # The logos' renditions too: one query for all, not one per company.
                .prefetch_related("sectors", "certifications", "logo__renditions")
            )
            content_key = selection.content_key(companies)
            labels = taxonomy_labels(Locale.objects.get(language_code=selection.language))
            entries = []
            for number, company in enumerate(companies, start=1):
                entries.append(entry_for(company, labels))
                if number % 10 == 0:  # the admin's progress bar: entries are the first half
                    rows.update(progress=5 + 45 * number // len(companies))
            rows.update(progress=50)
            event = selection.event()
            cover = Cover(
                language=selection.language,
                title=str(translation.gettext("Company Catalogue")),
                subtitle=selection.describe(),
            )
            if event is not None:
                cover.event_when = event_dates(event)
                cover.event_where = ", ".join(
                    part
                    for part in (event.venue, event.municipality and event.municipality.name)
                    if part
                )
            pdf, page_count = build_pdf(cover, entries)
        rows.update(progress=90)
        old_name = catalogue.file.name
        catalogue.file.save(catalogue.filename, ContentFile(pdf), save=False)
        with transaction.atomic():
            rows.update(
                file=catalogue.file.name,
                content_key=content_key,
                status=Catalogue.Status.READY,
                progress=100,
                company_count=len(entries),
                page_count=page_count,
                built_at=timezone.now(),
                description=cover.subtitle[:300],
            )
        if old_name and old_name != catalogue.file.name:
            catalogue.file.storage.delete(old_name)
    except Exception as error:
        logger.exception("Catalogue %s could not be built", catalogue_id)
        rows.update(status=Catalogue.Status.FAILED, error=str(error)[:2000])
        raise
