"""Each published company has its own media collection, shared by its translations (the
place company editors will upload to)."""

import pytest
from wagtail.models import Collection

from companies.models import CompanyPage


@pytest.mark.django_db
def test_a_published_company_gets_one_collection_for_all_its_languages(translated_tree, locales):
    company = CompanyPage.objects.get(pk=translated_tree["company"].pk)
    finnish = company.get_translation(locales["fi"]).specific

    assert company.collection is not None
    assert company.collection.name == "Aurora Grid Oy"
    assert company.collection.get_parent().name == "Companies"
    assert finnish.collection == company.collection

    company.title = "Aurora Grid Solutions Oy"
    company.save_revision().publish()
    finnish.save_revision().publish()

    company.refresh_from_db()
    assert company.collection.name == "Aurora Grid Solutions Oy"
    assert Collection.objects.filter(name__startswith="Aurora").count() == 1
