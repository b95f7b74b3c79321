"""The translation overview in the admin: every page and snippet, per language, with its
state, links straight to the translation editor, and starting many translations at once."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from .translation_overview import STATES, Overview

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


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
            rows=page.object_list,
            query=query.urlencode(),
            states=[
                {"code": code, "label": label, "count": counts[code], "current": code == state}
                for code, label in STATES
            ],
            total=sum(counts.values()),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Start wagtail-localize translations of the selected pages, each into its row's
        language (filter by language first to translate many pages into one)."""
        back = redirect(f"{request.path}?{request.GET.urlencode()}")
        selected = []
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for value in request.POST.getlist("rows"):
            page_id, _sep, code = value.partition(":")
            if not page_id.isdigit() or code not in locales:
                messages.error(request, _("The selection was not understood; nothing was started."))
                return back
            selected.append((int(page_id), locales[code]))
        if not selected:
            messages.warning(request, _("Select the pages to translate first."))
            return back
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
        return back
