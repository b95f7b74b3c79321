"""Test data for home pages and taxonomy terms."""

import factory
import wagtail_factories
from wagtail.models import Locale

from . import models


class LocaleDefault(factory.LazyFunction):
    def __init__(self):
        super().__init__(lambda: Locale.objects.get(language_code="en"))


class SectorFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word")
    key = factory.Sequence(lambda n: f"sector-{n}")
    locale = LocaleDefault()

    class Meta:
        model = models.Sector


class MunicipalityFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("city")
    key = factory.Sequence(lambda n: f"municipality-{n}")
    country = "SE"
    locale = LocaleDefault()

    class Meta:
        model = models.Municipality


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word")
    key = factory.Sequence(lambda n: f"topic-{n}")
    locale = LocaleDefault()

    class Meta:
        model = models.Topic


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    intro = factory.Faker("sentence")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.StandardPage
