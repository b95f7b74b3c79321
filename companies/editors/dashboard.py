"""The admin home of a company editor: each of their companies with its translations,
what is still missing, where its review stands, and its latest inquiries."""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from ..inquiries.models import Inquiry
from .access import company_keys
from .review import latest_review

RECENT_INQUIRIES = 5


def company_page_model():
    # By name: the page models sit above the features whose code they use.
    return apps.get_model("companies", "CompanyPage")


def checklist(page):
    """What a buyer would miss on the showcase, from the editor's latest draft."""
    return [
        (_("Logo"), bool(page.logo_id)),
        (_("Pitch"), bool(page.pitch)),
        (_("Description"), bool(page.description)),
        (_("Offerings"), bool(page.offerings)),
        (_("Contact email or phone"), bool(page.contact_email or page.contact_phone)),
    ]


def review_state(page):
    state = latest_review(page)
    if state is None or state.status == WorkflowState.STATUS_CANCELLED:
        return None
    comment = ""
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES and state.current_task_state:
        comment = state.current_task_state.specific.get_comment()
    return {
        "status": state.status,
        "label": state.get_status_display(),
        "since": state.created_at,
        "comment": comment,
    }


def language_status(page, code, name, user):
    if page is None:
        return {"code": code, "language": name, "page": None}
    permissions = page.permissions_for_user(user)
    return {
        "code": code,
        "language": name,
        "page": page,
        "live": page.live,
        "draft": page.has_unpublished_changes,
        "review": review_state(page),
        "can_submit": page.has_unpublished_changes and permissions.can_submit_for_moderation(),
    }


def company_status(key, user):
    pages = {
        p.locale.language_code: p
        for p in company_page_model().objects.filter(translation_key=key).select_related("locale")
    }
    if not pages:
        return None
    main = pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()))
    draft = main.get_latest_revision_as_object()
    languages = [
        language_status(pages.get(code), code, name, user) for code, name in settings.LANGUAGES
    ]
    items = checklist(draft) + [
        (
            _("Published in %(language)s") % {"language": item["language"]},
            bool(item["page"] and item["live"]),
        )
        for item in languages
    ]
    return {
        "page": main,
        "panel_id": f"company-{key}",
        "title": draft.title,
        "languages": languages,
        "checklist": items,
        "complete": all(done for _label, done in items),
        "inquiries": Inquiry.objects.filter(company__translation_key=key).select_related("company")[
            :RECENT_INQUIRIES
        ],
    }


class CompanyEditorPanel(Component):
    name = "company_editor"
    order = 10
    template_name = "companies/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        companies = [company_status(key, request.user) for key in company_keys(request.user)]
        return {
            "companies": sorted(filter(None, companies), key=lambda c: c["title"].lower()),
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }
