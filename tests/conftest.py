"""Shared fixtures: a small site tree in English, and helpers to translate it."""

import datetime
import time
import uuid

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Locale, Site

from companies.factories import CompanyIndexPageFactory, CompanyPageFactory
from companies.inquiries import models as inquiries
from core import cache as resilient_cache
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import MunicipalityFactory, SectorFactory, StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import inquiry_form_data

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


@pytest.fixture(autouse=True)
def own_cache_keys(settings):
    """Each test its own key prefix in every cache: the inquiry rate-limit counters,
    Wagtail's site paths and cached pages of one test never reach another, in any order."""
    prefix = uuid.uuid4().hex
    settings.CACHES = {
        name: {**alias, "KEY_PREFIX": f"{prefix}-{alias.get('KEY_PREFIX', '')}"}
        for name, alias in settings.CACHES.items()
    }


@pytest.fixture(scope="module")
def database_restored_afterwards(django_db_blocker):
    """For modules of transactional tests (a live server, a task worker): serialized
    rollback restores the database before each test, but the last test leaves it flushed,
    and the worker may run other files next that expect what the migrations made."""
    yield
    with django_db_blocker.unblock():
        from django.db import connections

        connection = connections["default"]
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture
def next_month():
    """An instant a month from now, on the hour at 08:00 UTC: an event then is upcoming in
    any year the suite runs, and its times are exact to assert."""
    soon = timezone.now() + datetime.timedelta(days=30)
    return soon.replace(hour=8, minute=0, second=0, microsecond=0)


class Clock:
    """Time that stands still until a test moves it: what a time check decides then
    depends on the test, not on how fast the machine runs it."""

    def __init__(self):
        self.seconds = time.time()
        self.ticks = time.monotonic()

    def time(self):
        return self.seconds

    def monotonic(self):
        return self.ticks

    def advance(self, seconds):
        self.seconds += seconds
        self.ticks += seconds


@pytest.fixture
def module_clock(monkeypatch):
    """The clock of the code whose timing tests drive: the inquiry form's time trap and
    the Redis cache's pause after a failure. Only their modules see it; the rest of the
    process (database and Redis clients, signing) keeps real time."""
    frozen = Clock()
    for module in (inquiries, resilient_cache):
        monkeypatch.setattr(module, "time", frozen)
    return frozen


@pytest.fixture
def inquiry_form():
    """inquiry_form(seconds_ago=30, **changes): what a visitor's browser posts from a
    company's inquiry form (tests.helpers.inquiry_form_data)."""

    return inquiry_form_data


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
    from home.translation.from_texts import translate_strings

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


@pytest.fixture
def two_companies(translated_tree, translate_tree):
    """The translated tree plus a second company in another country and sector (Botnia
    Heat AB, Umeå, heating), so that filters narrow: tree["other"]."""
    tree = translated_tree
    umea = MunicipalityFactory(name="Umeå", key="umea", country="SE")
    heat = SectorFactory(name="Heating", key="heating")
    other = CompanyPageFactory(
        parent=tree["directory"],
        title="Botnia Heat AB",
        pitch="District heating from industrial waste heat",
        municipality=umea,
    )
    other.sectors.set([heat])
    other.save_revision().publish()
    translate_tree(umea, heat, other)
    tree.update(other=other, umea=umea, heat=heat)
    return tree


class SearchServer:
    """The test's own indexes on the OpenSearch node (see the search_server fixture)."""

    def __init__(self, prefix):
        from wagtail.search.backends import get_search_backend

        self.prefix = prefix
        self.backend = get_search_backend("default")

    def refresh(self):
        """Make everything indexed so far searchable (the node refreshes once a second)."""
        self.backend.es.indices.refresh(index=f"{self.prefix}*")

    def rebuild(self):
        from django.core.management import call_command

        call_command("update_index", backend_name="default", verbosity=0)
        self.refresh()

    def drop(self):
        self.backend.es.indices.delete(index=f"{self.prefix}*", expand_wildcards="all")


@pytest.fixture
def search_server(settings, db):
    """The real OpenSearch node from `make test` as the default search backend, with
    indexes of this test's own (a fresh prefix), and the database as the fallback, as in
    production. Fails, never skips, without a node: CI must run these tests."""
    import uuid

    url = settings.TEST_OPENSEARCH_URL
    if not url:
        pytest.fail(
            "These tests need the OpenSearch node: run `make test`, which starts it, "
            "or start it with site/scripts/opensearch.sh and set TEST_OPENSEARCH_URL."
        )
    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 5,
            "OPTIONS": {"max_retries": 0},
            "ATOMIC_REBUILD": False,  # fresh indexes: nothing to swap
        },
        "database": {"BACKEND": "search.backends.database"},
    }
    server = SearchServer(prefix)
    server.rebuild()
    yield server
    server.drop()


@pytest.fixture
def locale_homes(home, locales, translate_tree):
    """The home page in each language (sv and fi translated from en)."""
    translate_tree(home)
    return {code: home.get_translation(locale).specific for code, locale in locales.items()}


@pytest.fixture
def make_page(locale_homes):
    """make_page("fi", "Title", "intro text", **fields): a live StandardPage in that language."""
    from home.models import StandardPage

    def _make(language, title, intro="", **fields):
        parent = locale_homes[language]
        page = StandardPage(title=title, intro=intro, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        return page

    return _make


S3_TEST_KEYS = {"access_key": "kvarken-test", "secret_key": "kvarken-test-secret"}


class Bucket:
    """The test's own bucket on the S3 server (see the s3_media fixture)."""

    def __init__(self, endpoint_url, name):
        import boto3
        from botocore.config import Config

        self.endpoint_url = endpoint_url
        self.name = name
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=S3_TEST_KEYS["access_key"],
            aws_secret_access_key=S3_TEST_KEYS["secret_key"],
            config=Config(
                s3={"addressing_style": "path"},
                signature_version="s3v4",
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        )

    def keys(self, prefix=""):
        response = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        # S3Proxy's filesystem backend also lists folders ("original_images/"): skip them.
        return sorted(
            item["Key"] for item in response.get("Contents", []) if not item["Key"].endswith("/")
        )

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)

    def empty(self):
        for key in self.keys():
            self.client.delete_object(Bucket=self.name, Key=key)


def s3_settings(endpoint_url, bucket):
    from kvarken.settings.base import s3_storages

    # public-read: S3Proxy has no bucket policies, and serves such objects anonymously.
    storages_ = s3_storages(bucket, endpoint_url=endpoint_url, acl="public-read")
    for entry in storages_.values():
        entry["OPTIONS"].update(S3_TEST_KEYS)
    return storages_


@pytest.fixture
def s3_media(settings, db):
    """Media in a fresh bucket on the real S3-protocol server `make test` starts (S3Proxy):
    originals and documents private, renditions public. Fails, never skips, without it."""
    import uuid

    endpoint_url = settings.TEST_S3_ENDPOINT_URL
    if not endpoint_url:
        pytest.fail(
            "These tests need the S3 server: run `make test`, which starts S3Proxy, or "
            "start it with site/scripts/s3proxy.sh and set TEST_S3_ENDPOINT_URL."
        )
    bucket = Bucket(endpoint_url, f"test-{uuid.uuid4().hex[:12]}")
    bucket.client.create_bucket(Bucket=bucket.name)
    settings.STORAGES = {**settings.STORAGES, **s3_settings(endpoint_url, bucket.name)}
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    yield bucket
    bucket.empty()
    bucket.client.delete_bucket(Bucket=bucket.name)


@pytest.fixture
def cache_on_redis(settings):
    """Points both cache aliases (default and pages) at the Redis server at a URL, under
    a key prefix no other test uses, and turns the page cache on."""
    import uuid

    from kvarken.settings.base import redis_caches

    def _use(url):
        prefix = f"test-{uuid.uuid4().hex}"
        configured = redis_caches(url, 60)
        for name, alias in configured.items():
            alias["KEY_PREFIX"] = f"{prefix}-{name}"
        settings.CACHES = configured
        settings.PAGE_CACHE_SECONDS = 60

    return _use


@pytest.fixture
def page_cache(settings, cache_on_redis):
    """Pages cached on the real Redis server `make test` starts. Fails, never skips,
    without it."""
    if not settings.TEST_REDIS_URL:
        pytest.fail(
            "No Redis server: run `make test`, which starts one, or start it with "
            "site/scripts/redis.sh and set TEST_REDIS_URL."
        )
    cache_on_redis(settings.TEST_REDIS_URL)


@pytest.fixture
def clock():
    """The clock stopped at the real present; `clock.shift(timedelta)` moves it on, so a
    test sees a cool-off or an expiry pass without waiting for it."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff(db):
    """A member of "Communication staff": the positive control for what company editors
    are refused."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    user.groups.add(Group.objects.get(name="Communication staff"))
    return user


@pytest.fixture
def company_form():
    """company_form(page, action, **changes): the complete form the page editor posts for
    a company whose streams are empty (as the factory makes them), so that a refusal is
    the permission's doing, never an invalid form's. ``action`` is e.g. "action-publish",
    or None for a plain draft."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    def _form(page, action=None, **changes):
        data = {
            "title": page.title,
            "slug": page.slug,
            "pitch": page.pitch,
            "website": page.website,
            "contact_email": page.contact_email,
            "size_band": page.size_band,
            "founded": page.founded,
            "municipality": page.municipality_id or "",
            "description": streamfield([]),
            "offerings": streamfield([]),
            "gallery": streamfield([]),
            "social_links": streamfield([]),
            **changes,
        }
        if action:
            data[action] = action
        return nested_form_data(data)

    return _form
