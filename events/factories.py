"""Test data for events."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from . import models


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    intro = factory.Faker("sentence")
    event_type = models.EventType.MATCHMAKING
    time_zone = models.EventTimeZone.HELSINKI
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6))
    venue = "Vaasa Science Park"

    class Meta:
        model = models.EventPage
