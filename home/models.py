"""Home and standard pages, the abstract base page every page type builds on, and the
taxonomy snippets (defined in taxonomy.py)."""

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from search.indexing import LanguageIndexed, language_search_fields

from .blocks import RICH_TEXT_FEATURES, BodyBlock
from .forms import BasePageForm
from .site_content import Footer, Navigation, SiteSettings  # noqa: F401
from .taxonomy import Certification, Country, Municipality, Sector, Topic  # noqa: F401


def localized_links(relation, field_name):
    """The live pages linked through an orderable relation, in the visitor's language.

    Links are synchronised to translations as they are (pointing at the source pages), so
    each is shown as its translation where one is live (``Page.localized``)."""
    pages = (getattr(link, field_name) for link in relation.select_related(field_name))
    return [page.localized for page in pages if page.live]


class BasePage(LanguageIndexed, Page):
    """
    The contract every public page type shares: an intro for listings and search (indexed
    in the page's own language, see search/indexing.py), and an explicit list of what
    wagtail-localize translates and what it synchronises.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown in listings")
    )

    search_fields = Page.search_fields + [index.SearchField("intro")] + language_search_fields()
    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = BasePageForm

    # Auto-detection would send slugs and choice fields to translators and skip
    # many-to-many fields; each page type extends this list explicitly.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        TranslatableField("intro"),
    ]

    class Meta:
        abstract = True

    # One per language in search.backends.language.ANALYZERS (search/indexing.py).
    def search_text_en(self):
        return self.search_text("en")

    def search_text_sv(self):
        return self.search_text("sv")

    def search_text_fi(self):
        return self.search_text("fi")


class StandardPage(BasePage):
    """About, advisory and other free-form pages."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class HomePage(BasePage):
    """
    The region's front page. Featured companies, news and events are chosen automatically
    (newest first); editors may pin their own choice instead.
    """

    pitch = models.CharField(
        _("region pitch"),
        max_length=200,
        blank=True,
        help_text=_("The headline message about the region"),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        FieldPanel("pitch"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultipleChooserPanel(
            "featured_companies",
            chooser_field_name="page",
            label=_("Featured companies"),
            help_text=_("Leave empty to feature the most recently updated companies"),
        ),
        MultipleChooserPanel(
            "featured_news",
            chooser_field_name="page",
            label=_("Featured news"),
            help_text=_("Leave empty to show the latest news"),
        ),
        MultipleChooserPanel(
            "featured_events",
            chooser_field_name="page",
            label=_("Featured events"),
            help_text=_("Leave empty to show the next upcoming events"),
        ),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("pitch"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
        TranslatableField("featured_companies"),
        TranslatableField("featured_news"),
        TranslatableField("featured_events"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "companies.CompanyIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "home.StandardPage",
    ]

    FEATURED_COUNT = 6
    NEWS_COUNT = 3
    EVENTS_COUNT = 3

    class Meta:
        verbose_name = _("home page")

    def _pinned_or(self, relation, automatic, count):
        pinned = localized_links(relation, "page")
        return pinned[:count] if pinned else list(automatic[:count])

    # The featured pages come from the apps above this one (companies, news, events): their
    # models are looked up by name in the app registry, as the featured links' foreign keys
    # name them, so that this base layer imports nothing from the apps built on it.
    def get_featured_companies(self):
        automatic = (
            apps.get_model("companies", "CompanyPage")
            .objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("logo")
            .order_by("-last_published_at")
        )
        return self._pinned_or(self.featured_companies, automatic, self.FEATURED_COUNT)

    def get_latest_news(self):
        automatic = (
            apps.get_model("news", "NewsPage")
            .objects.live()
            .public()
            .filter(locale=self.locale)
            .order_by("-date", "-pk")
        )
        return self._pinned_or(self.featured_news, automatic, self.NEWS_COUNT)

    def get_upcoming_events(self):
        automatic = (
            apps.get_model("events", "EventPage")
            .objects.live()
            .public()
            .filter(locale=self.locale)
            .filter(end__gte=timezone.now())
            .order_by("start")
        )
        return self._pinned_or(self.featured_events, automatic, self.EVENTS_COUNT)


class FeaturedPage(Orderable):
    """A page an editor pinned to the home page. Links are synchronised to translations
    and shown in the visitor's language (``page.localized``)."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class HomeFeaturedCompany(FeaturedPage):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_companies")
    page = models.ForeignKey(
        "companies.CompanyPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("company"),
    )


class HomeFeaturedNews(FeaturedPage):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_news")
    page = models.ForeignKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("news item")
    )


class HomeFeaturedEvent(FeaturedPage):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_events")
    page = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
