"""Company self-service in the admin: buyers' inquiries (staff see all and export them,
company editors see their own), managing a company's editors, the editors' dashboard."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from . import catalogue_admin, views
from .access import company_keys, is_company_editor
from .dashboard import CompanyEditorPanel
from .inquiries import Inquiry
from .models import CompanyPage


def inquiries_for(user):
    if user.has_perm("companies.change_inquiry"):
        return Inquiry.objects.all()
    return Inquiry.objects.filter(company__translation_key__in=company_keys(user))


class InquiryInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(inquiries_for(self.request.user), pk=self.pk)


class InquiryViewSet(SnippetViewSet):
    model = Inquiry
    icon = "mail"
    menu_label = _("Inquiries")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["organisation", "company", "country", "created_at", "mail_status"]
    list_filter = ["mail_status", "country"]
    list_export = [
        "created_at",
        "company",
        "name",
        "organisation",
        "country",
        "email",
        "message",
        "language",
        "mail_status",
    ]
    export_filename = "inquiries"
    search_fields = ["name", "organisation", "email", "message"]
    inspect_view_enabled = True
    inspect_view_class = InquiryInspectView

    def get_queryset(self, request):
        # Company editors hold view_inquiry too, for their own companies' inquiries only.
        return inquiries_for(request.user)


register_snippet(InquiryViewSet)


@hooks.register("register_admin_urls")
def company_admin_urls():
    return [
        path(
            "companies/<int:page_id>/editors/",
            views.CompanyEditorsView.as_view(),
            name="companies_editors",
        ),
        path(
            "companies/<int:page_id>/editors/<int:user_id>/revoke/",
            views.revoke_editor,
            name="companies_revoke_editor",
        ),
        path(
            "companies/<int:page_id>/submit-for-review/",
            views.submit_for_review,
            name="companies_submit_for_review",
        ),
    ]


def editors_button(page, user, priority):
    if isinstance(page.specific_deferred, CompanyPage) and user.has_perm(views.MANAGE_EDITORS):
        yield Button(
            _("Company editors"),
            reverse("companies_editors", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def company_header_buttons(page, user, view_name=None, next_url=None):
    yield from editors_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def company_listing_buttons(page, user, next_url=None):
    yield from editors_button(page, user, priority=55)


@hooks.register("construct_homepage_panels")
def company_editor_home(request, panels):
    """Company editors see their companies, not the site-wide panels."""
    if is_company_editor(request.user):
        panels[:] = [CompanyEditorPanel()]


@hooks.register("construct_reports_menu")
def company_editor_reports(request, menu_items):
    # The translations report is closed to company editors (companies/middleware.py).
    if is_company_editor(request.user):
        closed = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != closed]


@hooks.register("register_log_actions")
def company_editor_log_actions(actions):
    @actions.register_action("companies.invite_editor")
    class InviteEditor(LogFormatter):
        label = _("Invite company editor")

        def format_message(self, log_entry):
            return _("Invited %(email)s to edit the company") % {"email": log_entry.data["email"]}

    @actions.register_action("companies.revoke_editor")
    class RevokeEditor(LogFormatter):
        label = _("Revoke company editor")

        def format_message(self, log_entry):
            return _("%(email)s can no longer edit the company") % {
                "email": log_entry.data["email"]
            }


@hooks.register("register_admin_urls")
def catalogue_urls():
    return [
        path("catalogues/", catalogue_admin.CatalogueView.as_view(), name="catalogues"),
        path("catalogues/status/", catalogue_admin.status, name="catalogue_status"),
        path("catalogues/<int:pk>/download/", catalogue_admin.download, name="catalogue_download"),
    ]


class CatalogueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("companies.add_catalogue")


@hooks.register("register_admin_menu_item")
def catalogue_menu_item():
    return CatalogueMenuItem(
        _("Company Catalogue"), reverse("catalogues"), icon_name="doc-full", order=260
    )
