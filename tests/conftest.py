"""Shared fixtures: a small site tree in English, and helpers to translate it."""

import pytest
from wagtail.models import Locale, Site

from companies.factories import CompanyIndexPageFactory, CompanyPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import MunicipalityFactory, SectorFactory, StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

LANGUAGES = ("en", "sv", "fi")


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in the default language: a request to /sv/ leaves Swedish active in
    the thread, which would otherwise leak into the next test's messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGES}


@pytest.fixture
def home(db):
    """The English home page the migrations create as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site_tree(home):
    """One page of every type, published, in English."""
    municipality = MunicipalityFactory(name="Vaasa", key="vaasa", country="FI")
    sector = SectorFactory(name="Energy", key="energy")
    directory = CompanyIndexPageFactory(parent=home)
    company = CompanyPageFactory(
        parent=directory,
        title="Aurora Grid Oy",
        pitch="Grid automation for cold climates",
        municipality=municipality,
    )
    company.sectors.set([sector])
    company.save_revision().publish()
    news_index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=news_index, title="Hydrogen valley opens")
    event_index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=event_index, title="Matchmaking day", municipality=municipality)
    standard = StandardPageFactory(parent=home, title="About the cluster", slug="about")
    return {
        "home": home,
        "directory": directory,
        "company": company,
        "news_index": news_index,
        "news": news,
        "event_index": event_index,
        "event": event,
        "standard": standard,
        "municipality": municipality,
        "sector": sector,
    }


def marked_text(code):
    """A stand-in translator: "[sv] Matchmaking day"; slugs become "about-sv"."""

    def text_for(path, position, segments):
        source = segments[position].string.data
        return f"{source}-{code}" if path == "slug" else f"[{code}] {source}"

    return text_for


@pytest.fixture
def translate_tree(locales):
    """Translates the given objects into sv and fi, in order (parents first), and publishes
    them."""
    from home.translation import translate_strings

    def _translate(*objects):
        for obj in objects:
            for code in ("sv", "fi"):
                translate_strings(obj, locales[code], marked_text(code))

    return _translate


@pytest.fixture
def translated_tree(site_tree, translate_tree):
    tree = site_tree
    translate_tree(
        tree["municipality"],
        tree["sector"],
        tree["home"],
        tree["directory"],
        tree["company"],
        tree["news_index"],
        tree["news"],
        tree["event_index"],
        tree["event"],
        tree["standard"],
    )
    return tree
