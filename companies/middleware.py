"""Admin views open to every admin user that company editors must not see.

Page permissions keep company editors out of other companies' pages, and Wagtail's own
listings (page search, explorer, reports) are filtered by them. wagtail-localize's
translations report is not: it lists every translation of every page, drafts included.
Company editors get Wagtail's "no permission" answer there; staff are unaffected."""

from wagtail.admin.auth import permission_denied

from .access import is_company_editor

CLOSED_VIEWS = {
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
}


class CompanyEditorAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        closed = request.resolver_match.view_name in CLOSED_VIEWS
        if closed and request.user.is_authenticated and is_company_editor(request.user):
            return permission_denied(request)
        return None
