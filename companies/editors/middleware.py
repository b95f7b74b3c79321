"""Admin views open to every admin user that company editors must not see.

Page permissions keep company editors out of other companies' pages, and Wagtail's own
listings (page search, explorer children) are filtered by them. Some views are not:
wagtail-localize's translations report lists every translation of every page, and the
page-types-usage report names the last edited page of each type, drafts included; the
aging-pages report is of no use to an editor either. Company editors get Wagtail's "no
permission" answer there; staff are unaffected.

The explorer and the page chooser show the page they are opened on (its draft title)
whatever its permissions, so a page the user may not explore, or choose, is refused
there too.

wagtail-localize's snippet API (the translation editor's snippet chooser) lists and
describes any snippet to any admin user. It answers only users who may edit the snippet
type: the test wagtail-localize applies to the translation editor of a snippet."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params

from .access import choosable_pages, explorable_pages, is_company_editor

# The reports closed to company editors (also left out of their reports menu), each
# with the fragment its filters reload.
CLOSED_REPORTS = (
    "wagtail_localize:translations_report",
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:aging_pages",
)
CLOSED_VIEWS = {name for report in CLOSED_REPORTS for name in (report, f"{report}_results")}
SNIPPET_API_VIEWS = {
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
EXPLORER_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}
CHOOSER_VIEWS = {"wagtailadmin_choose_page_child"}
CHOSEN_VIEWS = {"wagtailadmin_choose_page_chosen_multiple"}


def hidden_page(request, view_name, view_kwargs):
    """Whether the page this view is opened on is one the user may not see there."""
    user = request.user
    if user.is_superuser:
        return False
    if view_name in EXPLORER_VIEWS and "parent_page_id" in view_kwargs:
        return not explorable_pages(user).filter(pk=view_kwargs["parent_page_id"]).exists()
    if view_name in CHOOSER_VIEWS:
        return not choosable_pages(user).filter(pk=view_kwargs["parent_page_id"]).exists()
    if view_name in CHOSEN_VIEWS:
        ids = set(request.GET.getlist("id"))
        if not all(pk.isdigit() for pk in ids):
            return True
        return choosable_pages(user).filter(pk__in=ids).count() != len(ids)
    return False


class CompanyEditorAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        view_name = request.resolver_match.view_name
        if view_name in CLOSED_VIEWS and is_company_editor(request.user):
            return permission_denied(request)
        if hidden_page(request, view_name, view_kwargs):
            return permission_denied(request)
        if view_name in SNIPPET_API_VIEWS:
            model = get_snippet_model_from_url_params(
                view_kwargs["app_label"], view_kwargs["model_name"]
            )
            if not user_can_edit_snippet_type(request.user, model):
                raise PermissionDenied
        return None
