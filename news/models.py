"""News: the index (newest first) and news items."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage, localized_links
from home.taxonomy import localized_terms, term_names


class NewsIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 12

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["news_items"] = Paginator(items, self.PAGE_SIZE).get_page(request.GET.get("page"))
        return context


class NewsPage(BasePage):
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
