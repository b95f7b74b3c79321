"""The translation overview in the admin: every page and snippet, per language, with its
state, links straight to the translation editor, and starting many translations at once."""

import io
import tempfile
import zipfile

import polib
from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from .overview import STATES, Overview

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
MAX_PO_BYTES = 5 * 1024 * 1024  # per file, also per file inside a zip
MAX_PO_FILES = 500


def parse_po(content):
    """polib.pofile() takes a file name *or* contents: an upload whose contents are a path
    would make it read that file. Always give it a file of our own."""
    content.decode("utf-8")  # UnicodeDecodeError for anything that is not text
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(content)
        handle.flush()
        return polib.pofile(handle.name)


class FilterForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)

    def __init__(self, data, overview):
        super().__init__(data)
        everything = [("", gettext_lazy("All"))]
        self.fields["locale"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in overview.locales
        ]
        self.fields["kind"].choices = everything + overview.kinds()
        self.fields["state"].choices = everything + STATES


@method_decorator(permission_required(SUBMIT_TRANSLATION), name="dispatch")
class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/translation_overview.html"
    page_title = gettext_lazy("Translation overview")
    header_icon = "site"
    per_page = 50

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.overview = Overview(request.user)
        self.form = FilterForm(request.GET, self.overview)
        response = self.render_to_response(self.get_context_data())
        if not self.form.is_valid():
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        locale = filters.get("locale") or None
        kind = filters.get("kind") or None
        state = filters.get("state") or None
        rows = self.overview.rows(locale=locale, kind=kind, state=state)
        page = Paginator(rows, self.per_page).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        counts = self.overview.counts(locale=locale, kind=kind)
        context.update(
            form=self.form,
            page_obj=page,
            rows=self.overview.with_actions(page.object_list),
            query=query.urlencode(),
            states=[
                {"code": code, "label": label, "count": counts[code], "current": code == state}
                for code, label in STATES
            ],
            total=sum(counts.values()),
        )
        return context

    def post(self, request, *args, **kwargs):
        back = redirect(f"{request.path}?{request.GET.urlencode()}")
        action = request.POST.get("action", "start")
        if action == "export":
            return self.export_po(request) or back
        if action == "import":
            self.import_po(request)
            return back
        self.start_translations(request)
        return back

    def start_translations(self, request):
        """Start wagtail-localize translations of the selected pages, each into its row's
        language (filter by language first to translate many pages into one)."""
        selected = []
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for value in request.POST.getlist("rows"):
            if value.startswith("po:"):
                continue  # rows already translated: nothing to start
            page_id, _sep, code = value.partition(":")
            if not page_id.isdigit() or code not in locales:
                messages.error(request, _("The selection was not understood; nothing was started."))
                return
            selected.append((int(page_id), locales[code]))
        if not selected:
            messages.warning(request, _("Select the pages to translate first."))
            return
        pages = Page.objects.in_bulk([page_id for page_id, _locale in selected])
        started = 0
        with transaction.atomic():
            for page_id, locale in selected:
                page = pages.get(page_id)
                if page is None or not page.permissions_for_user(request.user).can_edit():
                    continue
                TranslationCreator(request.user, [locale]).create_translations(page.specific)
                started += 1
        messages.success(
            request,
            ngettext(
                "Translation started for %(count)d page.",
                "Translation started for %(count)d pages.",
                started,
            )
            % {"count": started},
        )

    def export_po(self, request):
        """The selected translations as PO files for a translation agency: one file, or a
        zip with a folder per language."""
        ids = [value[3:] for value in request.POST.getlist("rows") if value.startswith("po:")]
        if not ids or not all(value.isdigit() for value in ids):
            messages.warning(request, _("Select translations (not missing ones) to download."))
            return None
        translations = Translation.objects.filter(pk__in=ids).select_related(
            "source", "target_locale"
        )
        files = {}
        for translation in translations:
            source = translation.source.get_source_instance()
            name = f"{slugify(str(source))[:60] or 'item'}-{translation.uuid.hex[:8]}.po"
            files[f"{translation.target_locale.language_code}/{name}"] = str(
                translation.export_po()
            )
        if len(files) == 1:
            [(path, content)] = files.items()
            response = HttpResponse(
                content, content_type="text/x-gettext-translation; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{path.replace("/", "-")}"'
            return response
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, content in sorted(files.items()):
                archive.writestr(path, content)
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="translations.zip"'
        return response

    def import_po(self, request):
        """PO files back from the agency (files or a zip of them). Each names its
        translation in its header; empty entries are skipped, so an untranslated file
        changes nothing. Imported strings show in the translation editor for review."""
        try:
            files = list(self._po_files(request.FILES.getlist("po_files")))
        except ValueError as error:
            messages.error(request, str(error))
            return
        if not files:
            messages.warning(
                request, _("Choose one or more PO files (or a zip of them) to import.")
            )
            return
        imported, problems = 0, []
        for name, content in files:
            try:
                po = parse_po(content)
                translation = Translation.objects.get(
                    uuid=po.metadata["X-WagtailLocalize-TranslationID"]
                )
            except (OSError, UnicodeDecodeError, ValueError, KeyError, Translation.DoesNotExist):
                problems.append(name)
                continue
            target = translation.get_target_instance()
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(request.user).can_edit()
            ):
                problems.append(name)
                continue
            translation.import_po(po, user=request.user, tool_name="PO File")
            imported += 1
        if imported:
            messages.success(
                request,
                ngettext(
                    "Imported %(count)d PO file. Review and publish the translations in the "
                    "translation editor.",
                    "Imported %(count)d PO files. Review and publish the translations in the "
                    "translation editor.",
                    imported,
                )
                % {"count": imported},
            )
        if problems:
            messages.error(
                request,
                _("These files are not PO files of a translation here and were skipped: %(names)s")
                % {"names": ", ".join(problems)},
            )

    def _po_files(self, uploads):
        count = 0
        for upload in uploads:
            if upload.size > MAX_PO_BYTES * (MAX_PO_FILES if upload.name.endswith(".zip") else 1):
                raise ValueError(_("%(name)s is too large.") % {"name": upload.name})
            if upload.name.lower().endswith(".zip"):
                try:
                    archive = zipfile.ZipFile(upload)
                except zipfile.BadZipFile:
                    raise ValueError(
                        _("%(name)s is not a zip file.") % {"name": upload.name}
                    ) from None
                for info in archive.infolist():
                    if info.is_dir() or not info.filename.endswith(".po"):
                        continue
                    count += 1
                    if info.file_size > MAX_PO_BYTES or count > MAX_PO_FILES:
                        raise ValueError(
                            _("%(name)s holds too many or too large files.") % {"name": upload.name}
                        )
                    yield info.filename, archive.read(info)
            else:
                count += 1
                yield upload.name, upload.read()
