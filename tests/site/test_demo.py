"""The demo content: a believable, fully translated site, loaded idempotently."""

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from companies.models import CompanyPage
from events.models import EventPage
from home.models import Municipality, Sector
from news.models import NewsPage
from search.models import GlossaryEntry


def snapshot():
    """What a second run could change: objects, revisions and translation records."""
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "locale_id", "live", "latest_revision_id", "alias_of_id")
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "sectors": Sector.objects.count(),
        "municipalities": Municipality.objects.count(),
        "glossary": GlossaryEntry.objects.count(),
    }


@pytest.mark.django_db
def test_demo_site_is_translated_and_a_second_run_changes_nothing(
    locales, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # as its own commit does
        call_command("load_demo", verbosity=0)
    first = snapshot()
    # No redirects from addresses the load itself never published (translations start as
    # aliases with the English slug).
    assert list(Redirect.objects.values_list("old_path", flat=True)) == []

    # A believable site: 30 companies, 10 news items, 8 events, on both sides of the Kvarken.
    companies = CompanyPage.objects.filter(locale=locales["en"])
    assert companies.count() == 30
    assert {c.municipality.country for c in companies.select_related("municipality")} == {
        "SE",
        "FI",
    }
    assert NewsPage.objects.filter(locale=locales["en"]).count() == 10
    assert EventPage.objects.filter(locale=locales["en"]).count() == 8
    assert {e.time_zone for e in EventPage.objects.filter(locale=locales["en"])} == {
        "Europe/Stockholm",
        "Europe/Helsinki",
    }

    # Every English page has real wagtail-localize translations into sv and fi.
    english = Page.objects.filter(locale=locales["en"], depth__gt=1).specific()
    for page in english:
        for code in ("sv", "fi"):
            translated = page.get_translation(locales[code])
            assert translated.live and translated.alias_of_id is None, (page, code)
            assert Translation.objects.filter(
                source__object_id=page.translation_key, target_locale=locales[code]
            ).exists(), (page, code)
    # The search glossary links the three languages' words, and the index is built.
    assert GlossaryEntry.objects.filter(english="heat pump", finnish="lämpöpumppu").exists()
    assert client.get("/sv/sok/", {"q": "heat pumps"}).context["hits"]

    company = companies.first()
    swedish = company.get_translation(locales["sv"]).specific
    assert swedish.pitch != company.pitch
    assert client.get(swedish.get_url()).status_code == 200

    call_command("load_demo", verbosity=0)

    assert snapshot() == first


@pytest.mark.django_db
def test_load_demo_if_empty_leaves_an_existing_site_alone(site_tree):
    before = snapshot()

    call_command("load_demo", "--if-empty", verbosity=0)

    assert snapshot() == before
