"""Admin menus: the taxonomy and site-content snippets (the models stay plain) and the
translation overview."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .site_content import Footer, Navigation, SiteSettings
from .taxonomy import Certification, Municipality, Sector, Topic
from .translation.views import TranslationOverviewView


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


class NavigationViewSet(SnippetViewSet):
    model = Navigation
    icon = "list-ul"


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "doc-full"


class SiteSettingsViewSet(SnippetViewSet):
    model = SiteSettings
    icon = "cog"


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = _("Site")
    menu_icon = "cog"
    menu_order = 310
    items = (NavigationViewSet, FooterViewSet, SiteSettingsViewSet)


register_snippet(SiteContentGroup)


@hooks.register("register_admin_urls")
def translation_overview_urls():
    return [
        path("translations/", TranslationOverviewView.as_view(), name="translation_overview"),
    ]


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def translation_overview_menu_item():
    return TranslationOverviewMenuItem(
        _("Translations"), reverse("translation_overview"), icon_name="site", order=250
    )


@hooks.register("insert_global_admin_js")
def admin_init_js():
    # Starts the widgets Wagtail would start with inline scripts (site/core/admin_csp.py).
    return format_html('<script src="{}"></script>', static("js/admin-init.js"))
