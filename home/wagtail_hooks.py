"""Admin menus for the taxonomy snippets (the models stay plain)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import Certification, Municipality, Sector, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "key"]
    search_fields = ["name", "key"]
    ordering = ["name"]


class SectorViewSet(TermViewSet):
    model = Sector
    icon = "folder-open-1"


class MunicipalityViewSet(TermViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "country", "key"]
    list_filter = ["country"]


class CertificationViewSet(TermViewSet):
    model = Certification
    icon = "success"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (SectorViewSet, MunicipalityViewSet, CertificationViewSet, TopicViewSet)


register_snippet(TaxonomyGroup)
