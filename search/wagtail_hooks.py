"""The glossary in the admin, for communication staff to keep up to date."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryEntry


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "openquote"
    menu_label = _("Search glossary")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["english", "swedish", "finnish", "updated_at"]
    search_fields = ["english", "swedish", "finnish"]
    ordering = ["english"]


register_snippet(GlossaryViewSet)
