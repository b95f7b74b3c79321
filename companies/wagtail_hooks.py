"""Company self-service in the admin: buyers' inquiries (staff see all and export them,
company editors see their own), managing a company's editors, the editors' dashboard."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.widgets import Button
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from .catalogue import admin_views as catalogue_admin_views
from .editors import admin_views as editor_views
from .editors.access import (
    choosable_pages,
    company_keys,
    explorable_pages,
    is_company_editor,
)
from .editors.dashboard import CompanyEditorPanel
from .editors.middleware import CLOSED_REPORTS
from .inquiries.models import Inquiry
from .models import CompanyPage


def inquiries_for(user):
    if user.has_perm("companies.change_inquiry"):
        return Inquiry.objects.all()
    return Inquiry.objects.filter(company__translation_key__in=company_keys(user))


class InquiryInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(inquiries_for(self.request.user), pk=self.pk)


class OwnInquiriesMixin:
    """The chooser lists and answers only the inquiries the user may read (Wagtail's
    snippet chooser is open to every admin user, whatever the model)."""

    def get_object_list(self):
        return inquiries_for(self.request.user)


class InquiryChooseView(OwnInquiriesMixin, ChooseView):
    pass


class InquiryChooseResultsView(OwnInquiriesMixin, ChooseResultsView):
    pass


class InquiryChosenView(SnippetChosenView):
    def get_object(self, pk):
        # An id that is no number is no inquiry: a 404, as for another company's.
        if not pk.isdigit():
            raise Inquiry.DoesNotExist
        return inquiries_for(self.request.user).get(pk=pk)


class InquiryChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return inquiries_for(self.request.user).filter(pk__in=[pk for pk in pks if pk.isdigit()])


class InquiryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = InquiryChooseView
    choose_results_view_class = InquiryChooseResultsView
    chosen_view_class = InquiryChosenView
    chosen_multiple_view_class = InquiryChosenMultipleView


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
    chooser_viewset_class = InquiryChooserViewSet

    def get_queryset(self, request):
        # Company editors hold view_inquiry too, for their own companies' inquiries only.
        return inquiries_for(request.user)


register_snippet(InquiryViewSet)


class ChoosableOnlyMixin:
    """Wagtail's admin API lists every image and document outside view-restricted
    collections; the admin's own choosers offer only those the user may choose (their
    collections' permissions). The API answers with the same."""

    def get_queryset(self):
        choosable = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ChoosableImagesAPIViewSet(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    pass


class ChoosableDocumentsAPIViewSet(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


# After wagtail.images' and wagtail.documents' own hooks (order 0), so these replace them.
@hooks.register("construct_admin_api", order=100)
def choosable_media_api(router):
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)


@hooks.register("register_admin_urls")
def company_admin_urls():
    return [
        path(
            "companies/<int:page_id>/editors/",
            editor_views.CompanyEditorsView.as_view(),
            name="companies_editors",
        ),
        path(
            "companies/<int:page_id>/editors/<int:user_id>/revoke/",
            editor_views.revoke_editor,
            name="companies_revoke_editor",
        ),
        path(
            "companies/<int:page_id>/submit-for-review/",
            editor_views.submit_for_review,
            name="companies_submit_for_review",
        ),
    ]


def editors_button(page, user, priority):
    if isinstance(page.specific_deferred, CompanyPage) and user.has_perm(
        editor_views.MANAGE_EDITORS
    ):
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
    # These reports are closed to company editors (companies/editors/middleware.py).
    if is_company_editor(request.user):
        closed = {reverse(name) for name in CLOSED_REPORTS}
        menu_items[:] = [item for item in menu_items if item.url not in closed]


@hooks.register("construct_page_chooser_queryset")
def chooser_offers_choosable_pages(pages, request):
    """Wagtail's page chooser lists every page, drafts included, to every admin user."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=choosable_pages(request.user).values("pk"))


class ExplorablePagesOnly:
    """Wagtail's bulk action confirmation lists the requested pages the user may not act
    on by title; a page the user may not even explore is left out instead, and a request
    for nothing else is answered as one for a page that does not exist."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        refused = context["items_with_no_access"]
        visible = set(
            explorable_pages(self.request.user)
            .filter(pk__in=[page.pk for page in refused])
            .values_list("pk", flat=True)
        )
        context["items_with_no_access"] = [page for page in refused if page.pk in visible]
        if not objects and not context["items_with_no_access"]:
            raise Http404
        return objects, context


class ExplorableDeleteBulkAction(ExplorablePagesOnly, DeleteBulkAction):
    pass


class ExplorableMoveBulkAction(ExplorablePagesOnly, MoveBulkAction):
    pass


class ExplorablePublishBulkAction(ExplorablePagesOnly, PublishBulkAction):
    pass


class ExplorableUnpublishBulkAction(ExplorablePagesOnly, UnpublishBulkAction):
    pass


# Registered after Wagtail's own (order=1), so each replaces Wagtail's for its action.
for bulk_action in (
    ExplorableDeleteBulkAction,
    ExplorableMoveBulkAction,
    ExplorablePublishBulkAction,
    ExplorableUnpublishBulkAction,
):
    hooks.register("register_bulk_action", bulk_action, order=1)


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
        path("catalogues/", catalogue_admin_views.CatalogueView.as_view(), name="catalogues"),
        path("catalogues/status/", catalogue_admin_views.status, name="catalogue_status"),
        path(
            "catalogues/<int:pk>/download/",
            catalogue_admin_views.download,
            name="catalogue_download",
        ),
    ]


class CatalogueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("companies.add_catalogue")


@hooks.register("register_admin_menu_item")
def catalogue_menu_item():
    return CatalogueMenuItem(
        _("Company Catalogue"), reverse("catalogues"), icon_name="doc-full", order=260
    )
