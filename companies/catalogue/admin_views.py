"""Staff build Company Catalogues in the admin (menu "Company Catalogue"): choose the
languages and a selection, see each stored catalogue's state, progress and build time,
and download it. Needs companies.add_catalogue (Communication staff)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_countries import countries
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from events.models import EventPage
from home.models import Municipality, Sector

from .models import Catalogue, EmptySelection, Selection, request_catalogue

PERMISSION = "companies.add_catalogue"


class BuildForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        initial=[code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES],
    )
    sector = forms.MultipleChoiceField(
        label=gettext_lazy("Sector"), required=False, widget=forms.CheckboxSelectMultiple
    )
    country = forms.MultipleChoiceField(
        label=gettext_lazy("Country"),
        required=False,
        choices=[("FI", countries.name("FI")), ("SE", countries.name("SE"))],
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = forms.MultipleChoiceField(
        label=gettext_lazy("Municipality"), required=False, widget=forms.CheckboxSelectMultiple
    )
    event = forms.ChoiceField(
        label=gettext_lazy("Participants of an event"),
        required=False,
        help_text=gettext_lazy("Leave empty for the companies the filters above select."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["sector"].choices = Sector.objects.filter(locale=default).values_list(
            "key", "name"
        )
        self.fields["municipality"].choices = Municipality.objects.filter(
            locale=default
        ).values_list("key", "name")
        events = EventPage.objects.live().filter(locale=default).order_by("-start")
        self.fields["event"].choices = [("", "—")] + [
            (event.translation_key, f"{event.title} ({event.start:%Y-%m-%d})") for event in events
        ]


@method_decorator(permission_required(PERMISSION), name="dispatch")
class CatalogueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "companies/catalogue/admin.html"
    page_title = gettext_lazy("Company Catalogue")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.form = BuildForm()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.form = BuildForm(request.POST)
        if not self.form.is_valid():
            response = self.render_to_response(self.get_context_data())
            response.status_code = 400
            return response
        data = self.form.cleaned_data
        filters = {name: data[name] for name in ("sector", "country", "municipality")}
        for language in data["languages"]:
            self.build(language, filters, data["event"])
        return redirect("catalogues")

    def build(self, language, filters, event_key):
        request = self.request
        event_id = None
        if event_key:
            event = (
                EventPage.objects.live()
                .filter(translation_key=event_key, locale__language_code=language)
                .first()
            )
            if event is None:
                messages.warning(
                    request,
                    _("The event has no published page in %(language)s.") % {"language": language},
                )
                return
            event_id = event.pk
        try:
            catalogue = request_catalogue(Selection.from_filters(language, filters, event_id))
        except EmptySelection:
            messages.warning(
                request,
                _("No published company matches the selection in %(language)s.")
                % {"language": language},
            )
            return
        if catalogue.status == Catalogue.Status.FAILED:
            messages.error(request, _("Building failed: %(error)s") % {"error": catalogue.error})
        else:
            messages.success(
                request,
                _("%(catalogue)s: %(status)s")
                % {"catalogue": catalogue, "status": catalogue.get_status_display()},
            )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, catalogues=Catalogue.objects.all()[:100])
        return context


@permission_required(PERMISSION)
def status(request):
    """The list's states, polled by the page while a catalogue is being built."""
    return JsonResponse(
        {
            "catalogues": [
                {
                    "id": c.pk,
                    "status": c.status,
                    "label": c.get_status_display(),
                    "progress": c.progress,
                }
                for c in Catalogue.objects.all()[:100]
            ]
        }
    )


@permission_required(PERMISSION)
def download(request, pk):
    catalogue = get_object_or_404(Catalogue, pk=pk)
    if not catalogue.file:
        raise Http404
    return FileResponse(
        catalogue.file.open("rb"), filename=catalogue.filename, content_type="application/pdf"
    )
