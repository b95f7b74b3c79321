"""Buyers' inquiries in the admin: staff see every inquiry, its delivery state, and can
export them as CSV or spreadsheet (Wagtail's listing export)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .inquiries import Inquiry


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


register_snippet(InquiryViewSet)
