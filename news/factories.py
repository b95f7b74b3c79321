"""Test data for news."""

import factory
import wagtail_factories

from . import models


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    intro = factory.Faker("sentence")
    date = factory.Faker("date_this_year")

    class Meta:
        model = models.NewsPage
