"""Test data for the directory and company pages."""

import factory
import wagtail_factories

from . import models


class CompanyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Companies"
    slug = "companies"

    class Meta:
        model = models.CompanyIndexPage


class CompanyPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company")
    pitch = factory.Faker("sentence", nb_words=8)
    website = factory.Faker("url")
    contact_email = factory.Faker("company_email")
    size_band = models.SizeBand.SMALL
    founded = 2010
    languages = factory.LazyFunction(lambda: ["sv", "en"])

    class Meta:
        model = models.CompanyPage
