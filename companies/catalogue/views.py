"""Visitors download the Company Catalogue for the directory's filters or an event's
participants: /<lang>/catalogue/?sector=energy, /<lang>/catalogue/?event=<page id>."""

import logging

from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..directory.facets import FACETS, DirectoryForm, taxonomy_labels
from .models import Catalogue, EmptySelection, Selection, request_catalogue

logger = logging.getLogger(__name__)


def _answer(request, message, status, catalogue=None):
    return TemplateResponse(
        request,
        "companies/catalogue/status.html",
        {"message": message, "catalogue": catalogue, "retry_url": request.get_full_path()},
        status=status,
    )


def download(request):
    form = DirectoryForm(request.GET, taxonomy_labels(Locale.get_active()))
    form.is_valid()
    errors = [error for name in FACETS for error in form.errors.get(name, [])]
    event_id = request.GET.get("event")
    if event_id is not None and not event_id.isdigit():
        errors.append(_("The event in the address is not a number."))
    if errors:
        return _answer(request, " ".join(errors), 400)
    filters = {name: form.cleaned_data.get(name) or [] for name in FACETS}
    selection = Selection.from_filters(get_language(), filters, event_id and int(event_id))
    if event_id is not None:
        event = selection.event()
        if event is None or event.locale.language_code != selection.language:
            return _answer(request, _("There is no such event in this language."), 404)

    try:
        catalogue = request_catalogue(selection)
    except EmptySelection:
        return _answer(
            request,
            _("No company matches this selection, so there is no catalogue to download."),
            404,
        )
    if catalogue.current:
        try:
            return FileResponse(
                catalogue.file.open("rb"),
                filename=catalogue.filename,
                content_type="application/pdf",
            )
        except Exception:  # noqa: BLE001 - the media storage is down
            logger.exception("Catalogue %s could not be read from storage", catalogue.pk)
            return _answer(
                request,
                _("The catalogue can't be fetched right now. Please try again in a few minutes."),
                503,
            )
    if catalogue.status == Catalogue.Status.FAILED:
        return _answer(
            request,
            _("The catalogue could not be made right now. Please try again later."),
            503,
        )
    return _answer(
        request,
        _("Your catalogue is being prepared. It takes about a minute; then download it here."),
        202,
        catalogue,
    )
