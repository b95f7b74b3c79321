"""Admin views open to every admin user that company editors must not see.

Page permissions keep company editors out of other companies' pages, and Wagtail's own
listings (page search, explorer, reports) are filtered by them. wagtail-localize's
translations report is not: it lists every translation of every page, drafts included.
Company editors get Wagtail's "no permission" answer there; staff are unaffected.

wagtail-localize's snippet API (the translation editor's snippet chooser) lists and
describes any snippet to any admin user. It answers only users who may edit the snippet
type: the test wagtail-localize applies to the translation editor of a snippet."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

from .access import is_company_editor

CLOSED_VIEWS = {
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
}
SNIPPET_API_VIEWS = {
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}


class CompanyEditorAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        if not request.user.is_authenticated:
            return None  # the admin's own login redirect
        if view_name in CLOSED_VIEWS and is_company_editor(request.user):
            return permission_denied(request)
        if view_name in SNIPPET_API_VIEWS:
            model = get_snippet_model_from_url_params(
                view_kwargs["app_label"], view_kwargs["model_name"]
            )
            if not user_can_edit_snippet_type(request.user, model):
                raise PermissionDenied
        return None
