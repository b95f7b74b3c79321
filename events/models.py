"""Events: the index (upcoming and past) and event pages with times in the event's zone."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage, localized_links
from home.seo import structured_data as schema

from .calendar import calendar, calendar_name
from .forms import EventPageForm


class EventType(models.TextChoices):
    MATCHMAKING = "matchmaking", _("Matchmaking")
    INFORMATION = "information", _("Information event")
    FAIR = "fair", _("Fair")
    WEBINAR = "webinar", _("Webinar")
    VISIT = "visit", _("Visit")


class EventTimeZone(models.TextChoices):
    STOCKHOLM = "Europe/Stockholm", _("Sweden (Europe/Stockholm)")
    HELSINKI = "Europe/Helsinki", _("Finland (Europe/Helsinki)")
    OSLO = "Europe/Oslo", _("Norway (Europe/Oslo)")
    BERLIN = "Europe/Berlin", _("Central Europe (Europe/Berlin)")
    LONDON = "Europe/London", _("United Kingdom (Europe/London)")
    UTC = "UTC", _("UTC")


def ics_response(body, filename=None):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIndexPage(RoutablePageMixin, BasePage):
    PER_PAGE = 12

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().public()
        now = timezone.now()
        context["upcoming_events"] = Paginator(
            events.filter(end__gte=now).order_by("start").select_related("municipality"),
            self.PER_PAGE,
        ).get_page(request.GET.get("page"))
        context["past_events"] = Paginator(
            events.filter(end__lt=now).order_by("-start").select_related("municipality"),
            self.PER_PAGE,
        ).get_page(request.GET.get("past"))
        return context

    def get_cached_paths(self):
        # The calendar to subscribe to lists the events too: purged with the index.
        return ["/", "ics/"]

    @path("ics/", name="ics")
    def ics(self, request):
        """The upcoming events as a calendar to subscribe to."""
        upcoming = (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .filter(end__gte=timezone.now())
            .select_related("municipality")
            .order_by("start")
        )
        return ics_response(calendar(upcoming, calendar_name(self), request.get_host()))


class EventPage(RoutablePageMixin, BasePage):
    event_type = models.CharField(
        _("type"), max_length=20, choices=EventType.choices, default=EventType.MATCHMAKING
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=EventTimeZone.choices,
        default=EventTimeZone.STOCKHOLM,
        help_text=_("Where the event happens; times are shown to visitors in this zone"),
    )
    municipality = models.ForeignKey(
        "home.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("event_type"),
    ]

    def search_extra_text(self):
        # The event type in the page's language ("matchmaking", "webinaari", ...).
        with translation.override(self.locale.language_code):
            names = [str(self.get_event_type_display())]
        if self.municipality_id:
            names.append(self.municipality.name)
        return "\n".join(names)

    content_panels = BasePage.content_panels + [
        FieldPanel("event_type"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("municipality"), FieldPanel("venue"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        MultipleChooserPanel(
            "participants", chooser_field_name="company", label=_("Participating companies")
        ),
        MultipleChooserPanel("related_news", chooser_field_name="news", label=_("Related news")),
    ]
    base_form_class = EventPageForm
    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("event_type"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("time_zone"),
        TranslatableField("municipality"),
        TranslatableField("venue"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline"),
        TranslatableField("body"),
        TranslatableField("participants"),
        TranslatableField("related_news"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def registration_open(self):
        """Open until the end of the deadline day at the event's location."""
        if self.is_past or not (self.registration_url or self.registration_deadline):
            return False
        if self.registration_deadline:
            return timezone.localdate(timezone.now(), self.zone) <= self.registration_deadline
        return True

    def get_participants(self):
        return localized_links(self.participants, "company")

    def structured_data(self, request):
        return schema.event(self, request)

    def get_cached_paths(self):
        # The event's .ics: purged with the page.
        return ["/", "ics/"]

    @path("ics/", name="ics")
    def ics(self, request):
        body = calendar([self], self.title, request.get_host())
        return ics_response(body, filename=f"{self.slug}.ics")

    def get_related_news(self):
        return localized_links(self.related_news, "news")


class EventParticipant(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="participants")
    company = models.ForeignKey(
        "companies.CompanyPage",
        on_delete=models.CASCADE,
        related_name="event_links",
        verbose_name=_("company"),
    )

    panels = [FieldPanel("company")]


class EventRelatedNews(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_news")
    news = models.ForeignKey(
        "news.NewsPage",
        on_delete=models.CASCADE,
        related_name="event_links",
        verbose_name=_("news item"),
    )

    panels = [FieldPanel("news")]
