"""News: the index (newest first) and news items."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage, localized_links
from home.taxonomy import Topic, localized_terms, term_names

from .feeds import NewsAtomFeed, NewsFeed


class NewsIndexPage(RoutablePageMixin, BasePage):
    """News, newest first, filterable by topic (``?tag=<key>``), with RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 12

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        used = Topic.objects.filter(
            pk__in=NewsPage.tags.through.objects.filter(newspage__in=items.values("pk")).values(
                "topic"
            )
        )
        topics = {topic.key: topic for topic in used}
        tag = request.GET.get("tag", "")
        context["unknown_tag"] = bool(tag) and tag not in topics
        if tag in topics:
            items = items.filter(tags__key=tag)
        context.update(
            news_items=Paginator(items, self.PAGE_SIZE).get_page(request.GET.get("page")),
            topics=sorted(
                ({"key": key, "name": topic.localized.name} for key, topic in topics.items()),
                key=lambda t: t["name"],
            ),
            current_tag=tag if tag in topics else "",
        )
        return context

    def get_cached_paths(self):
        # The feeds list the news too: a CDN purge of the index purges them as well.
        return ["/", "rss/", "atom/"]

    @path("")
    def index(self, request):
        response = self.render(request)
        if response.context_data.get("unknown_tag"):
            response.status_code = 400
        return response

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(BasePage):
    og_type = "article"  # Open Graph (home/templatetags/site_tags.py)
    date = models.DateField(_("date"), default=timezone.localdate)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ParentalManyToManyField("home.Topic", blank=True, verbose_name=_("tags"))

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
        MultipleChooserPanel(
            "related_companies", chooser_field_name="company", label=_("Related companies")
        ),
    ]
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("body"),
        SynchronizedField("tags"),
        TranslatableField("related_companies"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def search_extra_text(self):
        return "\n".join(term_names(self.tags.all(), self.locale_id))

    def localized_tags(self):
        return localized_terms(self.tags.all())

    def get_related_companies(self):
        return localized_links(self.related_companies, "company")


class NewsRelatedCompany(Orderable):
    news = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_companies")
    company = models.ForeignKey(
        "companies.CompanyPage",
        on_delete=models.CASCADE,
        related_name="news_links",
        verbose_name=_("company"),
    )

    panels = [FieldPanel("company")]
