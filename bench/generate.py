"""
A benchmark site in minutes: N companies (100, 1,000 or 10,000), plus news and events, in
English, Swedish and Finnish, written into an empty, migrated PostgreSQL database.

    DATABASE_URL=postgres://kvarken:kvarken@127.0.0.1:5432/kvarken_gen \\
        .venv/bin/python bench/generate.py --companies 1000 [--news M] [--events K]

bench/site_load.py runs it for each size. Through Wagtail, as `load_demo` does it (add_child,
a revision, a wagtail-localize translation per language), a company costs about 1.5 s: four
hours for 10,000. So only the fixed structure goes that way, and what grows with N is
written in bulk:

- Through the demo's loader (home/seed.py, as `load_demo`), committed first: the home
  pages, the directory, news and events indexes and the standard pages in the three
  languages (with revisions and wagtail-localize translations), navigation, footer, site
  settings and the glossary.
- In one transaction: the taxonomy terms and their translations; per company its media
  collection and its logo and hero images (rows that share a few generated files); the
  pages, with treebeard paths and url_paths computed here, copied into wagtailcore_page
  and then each type's own table (bulk_create refuses multi-table inheritance); their
  many-to-many links and orderables, linked as wagtail-localize links translations.
- Then the search index, through the backend's own add_items() in worker processes, and
  VACUUM ANALYZE before and after it, so that the planner knows the tables' sizes.

The texts are the demo's companies, news and events (site/seed/content) recombined with
generated names, places, export markets and offerings, so that full-text search and each
facet of the directory match different subsets; the words, weights and text templates it
draws from are data in site/seed/bench (described in site/seed/content/SCHEMA.md), its
blocks, taxonomy fields and identifiers are the demo loader's. The same --seed gives the
same site.

Unlike pages an editor publishes, the bulk pages have no revisions (latest_revision and
live_revision are empty), no log entries, no wagtail-localize translation sources and, unless
--references is given, no reference index entries. The public site reads none of these;
the admin's history, usage and translation views would show them missing.
"""

import argparse
import contextlib
import copy
import functools
import json
import multiprocessing
import os
import random
import re
import sys
import time
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvarken.settings.dev")
# While DEBUG is on, Django keeps the SQL of every query: megabytes for each bulk insert.
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.dates import MONTHS  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from django_countries import countries  # noqa: E402
from modelsearch import index  # noqa: E402
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend  # noqa: E402
from modelsearch.index import get_indexed_models  # noqa: E402
from modelsearch.management.commands.rebuild_modelsearch_index import (  # noqa: E402
    group_models_by_index,
)
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Collection, Locale, Page, ReferenceIndex  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

from companies.directory.facets import facet_filter  # noqa: E402
from companies.editors.collections import companies_root  # noqa: E402
from companies.models import CompanyPage, offering_kinds  # noqa: E402
from events.models import EventPage, EventParticipant, EventRelatedNews  # noqa: E402
from home.demo.images import hero_png, logo_png  # noqa: E402
from home.models import Certification, HomePage, Municipality, Sector, Topic  # noqa: E402
from home.seed import (  # noqa: E402
    LANGUAGES,
    SOURCE,
    TERM_FIELDS,
    Seeder,
    block_id,
    business_identifiers,
    description_blocks,
    gallery_blocks,
    news_topics,
    offering_blocks,
    read_bench,
    read_content,
    rich_text_body,
    social_blocks,
    term_key,
)
from news.models import NewsPage, NewsRelatedCompany  # noqa: E402
from search import lemmas  # noqa: E402
from search import service as search_service  # noqa: E402
from search.indexing import LanguageIndexed  # noqa: E402

# Rows per INSERT: well under PostgreSQL's 65,535 parameters at 30 columns a row.
CHUNK = 1000
DB = DEFAULT_DB_ALIAS
# The generator's vocabulary (site/seed/bench/): the parts of company names, streets,
# export markets and languages (words.json), how often each place, sector, size and
# certification comes up (weights.json), and the templates of the texts it writes about a
# company, in each language (texts.json).
BENCH = read_bench()
WORDS, WEIGHTS, TEXTS = BENCH["words"], BENCH["weights"], BENCH["texts"]
YEAR = re.compile(r"\s+(19|20)\d\d\b")


def say(message):
    print(message, file=sys.stderr, flush=True)


class Progress:
    """One line on stderr: a bar, rows done and rows per second (redrawn at most ten times
    a second; only the final line when stderr is not a terminal, e.g. in a log)."""

    WIDTH = 28

    def __init__(self, label, total):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.started = self.drawn = time.monotonic()
        self.live = sys.stderr.isatty()

    def add(self, rows):
        self.done += rows
        now = time.monotonic()
        if self.live and now - self.drawn >= 0.1:
            self.drawn = now
            self.draw(now, end="")

    def close(self):
        self.draw(time.monotonic(), end="\n")

    def draw(self, now, end):
        filled = int(self.WIDTH * min(self.done / self.total, 1))
        rate = self.done / max(now - self.started, 1e-6)
        sys.stderr.write(
            f"\r  {self.label:<24} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            f"{self.done:>7,}/{self.total:,}  {rate:>8,.0f} rows/s{end}"
        )
        sys.stderr.flush()


class Phases:
    """Seconds per phase, for the summary."""

    def __init__(self):
        self.seconds = {}

    @contextlib.contextmanager
    def __call__(self, name):
        say(f"{name}...")
        started = time.monotonic()
        yield
        self.seconds[name] = time.monotonic() - started


def chunks(items, size=CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def weighted(rng, weights, population):
    return rng.choices(population, [weights.get(item, 1) for item in population])[0]


def drawn(rng, weights):
    """A count drawn from ``weights``, {"count": weight} (JSON keys are strings)."""
    return int(rng.choices(list(weights), list(weights.values()))[0])


def joined(words, language):
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {TEXTS['and'][language]} {words[-1]}"


@functools.cache
def country_name(code, language):
    with translation.override(language):
        return str(countries.name(code))


@functools.cache
def month_name(month, language):
    with translation.override(language):
        return str(MONTHS[month])


# Tree ----------------------------------------------------------------------------------------


def child_path(parent, position):
    """The treebeard path of ``parent``'s child number ``position`` (1-based): steplen 4,
    base 36, as MP_Node.add_child computes it."""
    return type(parent)._get_path(parent.path, parent.depth + 1, position)


def tree_fields(parent, position, slug):
    return {
        "path": child_path(parent, position),
        "depth": parent.depth + 1,
        "numchild": 0,
        "url_path": f"{parent.url_path}{slug}/",
    }


def published_fields(title, key, locale, first, last):
    """What publishing sets on a page (less the revision: there is none)."""
    return {
        "title": title,
        "draft_title": title,
        "translation_key": key,
        "locale": locale,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": first,
        "last_published_at": last,
    }


def copy_rows(model, objs):
    """``objs`` into ``model``'s own table (its local fields) with COPY, each value the
    one Django's INSERT would send (get_db_prep_save). COPY skips what makes a large
    INSERT slow here: parsing a megabyte of literals, and Django 5.2 escaping each text
    value into an UNNEST array in Python."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )


def insert_pages(model, pages):
    """Insert pages of one type: their wagtailcore_page rows, then the type's own rows,
    the two rows Model.save() inserts per page (_save_parents, then _save_table).
    bulk_create refuses models with a concrete parent; the ids come from the page
    sequence, as an INSERT's would."""
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} is not a direct subclass of Page")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [Page._meta.db_table, Page._meta.pk.column, len(pages)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    for page, pk in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding, page._state.db = False, DB
    copy_rows(Page, pages)
    copy_rows(model, pages)


def add_children(parent, count):
    type(parent).objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    parent.numchild += count


def validate(page):
    """The models' own validation, on a sample: generated data an editor couldn't save
    would make a misleading benchmark."""
    page.full_clean(exclude=["path", "depth", "url_path"])


# Generated content ---------------------------------------------------------------------------


@dataclass
class Company:
    """One company's facts, shared by its page in each language."""

    number: int
    name: str
    brand: str
    slug: str
    key: uuid.UUID
    municipality: dict
    sectors: list
    certifications: list
    template: dict
    offerings: list
    size_band: str
    founded: int
    export_markets: list
    languages: list
    first_published: datetime
    last_published: datetime
    street_address: str
    postal_code: str
    phone: str
    latitude: Decimal
    longitude: Decimal
    identifiers: dict = field(default_factory=dict)
    offering_kinds: str = None
    collection_id: int = None
    images: dict = field(default_factory=dict)  # logo, hero, coast -> image id
    pages: dict = field(default_factory=dict)  # language -> page id

    @property
    def country(self):
        return self.municipality["country"]


class Generator:
    def __init__(self, args):
        self.args = args
        self.now = timezone.now()
        self.counts = {}

    def rng(self, *name):
        """The random numbers of one thing (a company, a news item, an event): the same
        for it whatever N is, so that the first company, news item and event are the same
        at every size (bench/site_load.py measures them) and the same seed gives the same
        site."""
        return random.Random(":".join(str(part) for part in (self.args.seed, *name)))

    @staticmethod
    def uuid(rng):
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def moment(self, rng, days_back):
        """A time within the last ``days_back`` days."""
        return self.now - timedelta(seconds=rng.uniform(0, days_back * 86400))

    # Structure ---------------------------------------------------------------------------

    def structure(self):
        """Home pages, indexes, standard pages, navigation, footer, settings and glossary,
        through the demo's loader (Wagtail and wagtail-localize, with revisions)."""
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        self.seeder = Seeder(read_content(), self.locales)
        self.data = self.seeder.data
        self.seeder.load_glossary()
        indexes = self.seeder.load_structure()

        def translations(page):
            return {
                code: page.get_translation(locale).specific for code, locale in self.locales.items()
            }

        self.directories = translations(indexes["companies"])
        self.news_indexes = translations(indexes["news"])
        self.event_indexes = translations(indexes["events"])

    # Taxonomy ----------------------------------------------------------------------------

    def taxonomy(self):
        taxonomy = self.data["taxonomy"]
        self.sectors = self.terms(Sector, taxonomy["sectors"])
        self.municipalities = self.terms(Municipality, taxonomy["municipalities"])
        self.certifications = self.terms(Certification, taxonomy["certifications"])
        self.topics = self.terms(Topic, news_topics(self.data["news"]))
        self.municipality_items = {item["key"]: item for item in taxonomy["municipalities"]}
        self.sector_items = {item["key"]: item for item in taxonomy["sectors"]}
        self.certification_keys = [item["key"] for item in taxonomy["certifications"]]

    def terms(self, model, items):
        """Each term in every language: one row per language, one translation_key, as
        wagtail-localize's translations of a snippet are. Returns {(key, language): term}."""
        rows = []
        for item in items:
            translation_key = self.uuid(self.rng(model.__name__, item["key"]))
            for code, locale in self.locales.items():
                rows.append(
                    model(
                        key=item["key"],
                        translation_key=translation_key,
                        locale=locale,
                        **TERM_FIELDS[model](item, code),
                    )
                )
        model.objects.bulk_create(rows)
        self.counts[model.__name__] = len(rows)
        return {(term.key, term.locale.language_code): term for term in rows}

    # Companies: facts ----------------------------------------------------------------------

    def plan_companies(self):
        count = self.args.companies
        starts, ends, lines = WORDS["brand_starts"], WORDS["brand_ends"], WORDS["lines_of_business"]
        total = len(starts) * len(ends) * len(lines)
        # Every name once in random order; past 11,200 companies, again with a number.
        rounds = -(-count // total)
        combinations = [
            n for r in range(rounds) for n in self.rng("names", r).sample(range(total), total)
        ]
        municipality_keys = list(self.municipality_items)
        sector_keys = list(self.sector_items)
        templates = {key: [] for key in sector_keys}
        for seed in self.data["companies"]:
            for key in seed["sectors"]:
                templates[key].append(seed)
        self.brands = self.brand_names()
        slugs = set()
        self.companies = []
        for number, combination in enumerate(combinations[:count]):
            rng = self.rng("company", number)
            start, rest = divmod(combination, len(ends) * len(lines))
            end, line = divmod(rest, len(lines))
            brand = starts[start] + ends[end]
            municipality = self.municipality_items[
                weighted(rng, WEIGHTS["municipalities"], municipality_keys)
            ]
            country = municipality["country"]
            forms = WORDS["legal_forms"][country]
            legal = forms[0] if len(forms) == 1 else rng.choice(forms)
            repeat = f" {number // total + 1}" if number >= total else ""
            name = f"{brand} {lines[line]}{repeat} {legal}"
            slug = base = slugify(name)
            suffix = 2
            while slug in slugs:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            slugs.add(slug)
            sectors = []
            for _ in range(drawn(rng, WEIGHTS["sectors_per_company"])):
                key = weighted(rng, WEIGHTS["sectors"], sector_keys)
                if key not in sectors:
                    sectors.append(key)
            template = rng.choice(templates[sectors[0]] or self.data["companies"])
            offerings = list(template["offerings"])
            other = rng.choice(templates[sectors[-1]] or self.data["companies"])
            if other is not template and len(offerings) < 4 and rng.random() < 0.5:
                offerings.append(rng.choice(other["offerings"]))
            certifications = set()
            for _ in range(drawn(rng, WEIGHTS["certifications_per_company"])):
                certifications.add(
                    weighted(rng, WEIGHTS["certifications"], self.certification_keys)
                )
            sizes = WEIGHTS["size_bands"]
            markets = [code for code in WORDS["export_markets"] if code != country]
            languages = list(WORDS["spoken"][country][: rng.choice([1, 2])]) + ["en"]
            if rng.random() < 0.25:
                languages.append(rng.choice(WORDS["extra_spoken"]))
            first = self.moment(rng, 6 * 365)
            last = first + (self.now - first) * rng.random()
            self.companies.append(
                Company(
                    number=number,
                    name=name,
                    brand=brand,
                    slug=slug,
                    key=self.uuid(rng),
                    municipality=municipality,
                    sectors=sectors,
                    certifications=sorted(certifications),
                    template=template,
                    offerings=offerings,
                    size_band=rng.choices(list(sizes), list(sizes.values()))[0],
                    founded=min(2025, int(rng.triangular(1950, 2026, 2015))),
                    export_markets=sorted(
                        rng.sample(markets, rng.choice(WEIGHTS["export_market_counts"]))
                    ),
                    languages=languages,
                    first_published=first,
                    last_published=last,
                    street_address=f"{rng.choice(WORDS['streets'][country])} {rng.randint(1, 80)}",
                    postal_code=(
                        f"9{rng.randint(0, 9)}{rng.randint(0, 9)} {rng.randint(10, 99)}"
                        if country == "SE"
                        else f"6{rng.randint(1000, 6999)}"
                    ),
                    phone=(
                        f"+46 {rng.choice(['90', '660', '70'])} {rng.randint(100, 999)} "
                        f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
                        if country == "SE"
                        else f"+358 {rng.choice(['6', '40', '50'])} {rng.randint(100, 999)} "
                        f"{rng.randint(1000, 9999)}"
                    ),
                    latitude=self.near(rng, municipality["latitude"]),
                    longitude=self.near(rng, municipality["longitude"]),
                    identifiers=business_identifiers(slug, country),
                )
            )

    @staticmethod
    def near(rng, degrees):
        return Decimal(f"{degrees + rng.uniform(-0.05, 0.05):.5f}")

    def brand_names(self):
        """Per demo company, how its texts name it: its name without "AB" or "Oy" where
        they use that, else its first word if that word is its own (not a place, and in
        no other company's texts: "Norrvind", but not "Närpes" or "Nordic")."""
        places = {
            name
            for item in self.data["taxonomy"]["municipalities"]
            for name in item["name"].values()
        }
        texts = {
            seed["slug"]: json.dumps(
                [seed["pitch"], seed["description"], seed["offerings"]], ensure_ascii=False
            )
            for seed in self.data["companies"]
        }
        names = {}
        for seed in self.data["companies"]:
            full = re.sub(r"\s+(AB|Oy Ab|Oyj|Oy|Ab)$", "", seed["name"])
            first = seed["name"].split()[0]
            others = [text for slug, text in texts.items() if slug != seed["slug"]]
            if (
                full in texts[seed["slug"]]
                or first in places
                or any(first in text for text in others)
            ):
                names[seed["slug"]] = full
            else:
                names[seed["slug"]] = first
        return names

    def rebrand(self, company, text):
        """A demo text about the template company, about this one instead."""
        return text.replace(self.brands[company.template["slug"]], company.brand)

    # Companies: collections and images -----------------------------------------------------

    def collections(self):
        """Each company's media collection under "Companies", as companies/editors/collections.py
        creates it on first publication; siblings in name order (Collection.node_order_by)."""
        parent = companies_root()
        by_name = sorted(self.companies, key=lambda company: company.name)
        progress = Progress("collections", len(by_name))
        for batch in chunks(list(enumerate(by_name, start=parent.numchild + 1))):
            rows = [
                Collection(
                    name=company.name,
                    path=child_path(parent, position),
                    depth=parent.depth + 1,
                    numchild=0,
                )
                for position, company in batch
            ]
            Collection.objects.bulk_create(rows)
            for (_position, company), row in zip(batch, rows, strict=True):
                company.collection_id = row.pk
            progress.add(len(rows))
        progress.close()
        add_children(parent, len(by_name))
        self.counts["Collection (companies)"] = len(by_name)

    def images(self):
        """A logo and a hero image per company, as the demo has: the company's own rows
        (title, collection) whose files come from a small generated pool, so that the
        tables are a real site's size without 20,000 PNGs on disk. The gallery's coast
        photo, a regional view, is one of six shared images."""
        Image = get_image_model()
        demo = self.seeder
        pool = {
            "logo": [
                demo.image(
                    f"Benchmark logo {i}",
                    f"bench-logo-{i}.png",
                    logo_png(f"Bench {chr(65 + i)}", colour),
                    "",
                )
                for i, colour in enumerate(WORDS["brand_colours"] * 2)
            ],
            "hero": [
                demo.image(f"Benchmark hero {i}", f"bench-hero-{i}.png", hero_png(str(i), c), "")
                for i, c in enumerate(WORDS["brand_colours"])
            ],
        }
        self.coasts = [
            demo.image(
                f"Kvarken coast {i}",
                f"kvarken-coast-{i}.png",
                hero_png(f"coast-{i}", colour, width=1200, height=800),
                "",
            ).pk
            for i, colour in enumerate(WORDS["brand_colours"])
        ]
        progress = Progress("images", 2 * len(self.companies))
        for batch in chunks(self.companies, CHUNK // 2):
            rows = []
            for company in batch:
                for kind, files in pool.items():
                    source = files[company.number % len(files)]
                    title = f"{company.name} {kind}"
                    rows.append(
                        Image(
                            title=title,
                            description=title if kind == "logo" else "",
                            file=source.file.name,
                            width=source.width,
                            height=source.height,
                            file_size=source.file_size,
                            file_hash=source.file_hash,
                            collection_id=company.collection_id,
                        )
                    )
            Image.objects.bulk_create(rows)
            rows = iter(rows)
            for company in batch:
                for kind in pool:
                    company.images[kind] = next(rows).pk
                company.images["coast"] = self.coasts[company.number % len(self.coasts)]
            progress.add(2 * len(batch))
        progress.close()
        self.counts["Image"] = Image.objects.count()

    # Companies: pages ----------------------------------------------------------------------

    def company_texts(self, company, language):
        template = company.template
        slug = company.slug
        place = company.municipality["name"][language]
        rewrite = functools.partial(self.rebrand, company)
        description = description_blocks(slug, template["description"], language, rewrite)
        facts, markets = (TEXTS["facts"][language][part] for part in ("text", "markets"))
        description.append(
            {
                "type": "paragraph",
                "value": facts.format(
                    name=company.name,
                    founded=company.founded,
                    place=place,
                    country=country_name(company.country, language),
                    sectors=joined(
                        (self.sector_items[key]["name"][language] for key in company.sectors),
                        language,
                    ),
                    offerings=joined(
                        (offering["title"][language] for offering in company.offerings),
                        language,
                    ),
                    markets=markets.format(
                        markets=joined(
                            (country_name(code, language) for code in company.export_markets),
                            language,
                        )
                    )
                    if company.export_markets
                    else "",
                ),
                "id": block_id(slug, "description", len(description)),
            }
        )
        offerings = offering_blocks(slug, company.offerings, language, rewrite)
        gallery = gallery_blocks(
            slug, company.images["coast"], place, language, self.data["images"]["gallery"]
        )
        pitch = self.rebrand(company, company.template["pitch"][language])
        return {
            "pitch": pitch[: CompanyPage._meta.get_field("pitch").max_length],
            "description": description,
            "offerings": offerings,
            "gallery": gallery,
        }

    def company_page(self, company, language, position):
        directory = self.directories[language]
        locale = self.locales[language]
        municipality = self.municipalities[(company.municipality["key"], language)]
        contact = WORDS["contact"]
        page = CompanyPage(
            **published_fields(
                company.name, company.key, locale, company.first_published, company.last_published
            ),
            **tree_fields(directory, position, company.slug),
            slug=company.slug,
            **self.company_texts(company, language),
            logo_id=company.images["logo"],
            hero_image_id=company.images["hero"],
            # Translated like wagtail-localize does: the municipality in the page's language.
            municipality=municipality,
            street_address=company.street_address,
            postal_code=company.postal_code,
            city=company.municipality["name"][SOURCE],
            latitude=company.latitude,
            longitude=company.longitude,
            website=contact["website"].format(slug=company.slug),
            contact_email=contact["email"].format(slug=company.slug),
            contact_phone=company.phone,
            founded=company.founded,
            size_band=company.size_band,
            export_markets=company.export_markets,
            languages=company.languages,
            social_links=social_blocks(
                company.slug,
                [
                    {"platform": link["platform"], "url": link["url"].format(slug=company.slug)}
                    for link in contact["social"]
                ],
            ),
            collection_id=company.collection_id,
            **company.identifiers,
        )
        # What CompanyPage.save() stores for the directory's offering facet (the same in
        # every language: the kinds are synchronised).
        if company.offering_kinds is None:
            company.offering_kinds = offering_kinds(page.offerings)
        page.offering_kinds = company.offering_kinds
        return page

    def company_pages(self):
        sectors_through = CompanyPage.sectors.through
        certifications_through = CompanyPage.certifications.through
        progress = Progress("company pages", 3 * len(self.companies))
        links = {"sectors": 0, "certifications": 0}
        for offset, batch in enumerate(chunks(self.companies)):
            sector_rows, certification_rows = [], []
            for language in LANGUAGES:
                pages = [
                    self.company_page(company, language, offset * CHUNK + number)
                    for number, company in enumerate(batch, start=1)
                ]
                validate(pages[0])
                insert_pages(CompanyPage, pages)
                for company, page in zip(batch, pages, strict=True):
                    company.pages[language] = page.pk
                    # Synchronised, as wagtail-localize copies many-to-many fields: every
                    # language links the source language's terms.
                    sector_rows += [
                        sectors_through(
                            companypage_id=page.pk, sector_id=self.sectors[(key, SOURCE)].pk
                        )
                        for key in company.sectors
                    ]
                    certification_rows += [
                        certifications_through(
                            companypage_id=page.pk,
                            certification_id=self.certifications[(key, SOURCE)].pk,
                        )
                        for key in company.certifications
                    ]
                progress.add(len(pages))
            sectors_through.objects.bulk_create(sector_rows, batch_size=CHUNK * 2)
            certifications_through.objects.bulk_create(certification_rows, batch_size=CHUNK * 2)
            links["sectors"] += len(sector_rows)
            links["certifications"] += len(certification_rows)
        progress.close()
        for directory in self.directories.values():
            add_children(directory, len(self.companies))
        self.counts["CompanyPage"] = 3 * len(self.companies)
        self.counts["CompanyPage.sectors"] = links["sectors"]
        self.counts["CompanyPage.certifications"] = links["certifications"]

    # News -----------------------------------------------------------------------------------

    def companies_matching(self, rng, criteria, limit):
        sectors = set(criteria.get("sectors") or [])
        places = set(criteria.get("municipalities") or [])
        matching = [
            c for c in self.companies if sectors & set(c.sectors) or c.municipality["key"] in places
        ]
        return rng.sample(matching, min(limit, len(matching)))

    def plan_news(self):
        """The demo's news first, then news from companies (an offering of theirs). Each
        item draws what doesn't depend on N first, and only then picks companies."""
        seeds = self.data["news"]
        self.news = []
        slugs = set()
        for number in range(self.args.news):
            rng = self.rng("news", number)
            key = self.uuid(rng)
            if number < len(seeds):
                seed = seeds[number]
                item = {
                    "slug": seed["slug"],
                    "date": datetime.fromisoformat(seed["date"]).date(),
                    "title": seed["title"],
                    "intro": seed["intro"],
                    "body": seed["body"],
                    "topics": [term_key(tag) for tag in seed["tags"][SOURCE]],
                    "companies": self.companies_matching(rng, seed.get("related", {}), 4),
                }
            else:
                day = self.moment(rng, 3 * 365).date()
                extra_topic = rng.choice(["export", "funding"]) if rng.random() < 0.3 else None
                background = rng.choice(seeds)
                company = rng.choice(self.companies)
                offering = rng.choice(company.offerings)
                texts = {}
                for code in LANGUAGES:
                    title, body = (TEXTS["company_news"][code][part] for part in ("title", "body"))
                    name = self.rebrand(company, offering["title"][code])
                    text = self.rebrand(company, offering["text"][code])
                    place = company.municipality["name"][code]
                    texts[code] = (
                        title.format(company=company.name, offering=name),
                        text,
                        body.format(company=company.name, place=place, offering=name, text=text)
                        + background["body"][code],
                    )
                sector_topics = WORDS["sector_topics"]
                topics = {sector_topics[key] for key in company.sectors if key in sector_topics}
                topics |= {extra_topic} if extra_topic else set()
                others = self.companies_matching(
                    rng, {"sectors": company.sectors}, rng.randint(0, 3)
                )
                item = {
                    "slug": slugify(texts[SOURCE][0]),
                    "date": day,
                    "title": {code: text[0] for code, text in texts.items()},
                    "intro": {code: text[1] for code, text in texts.items()},
                    "body": {code: text[2] for code, text in texts.items()},
                    "topics": sorted(topics & {key for key, _code in self.topics}),
                    "companies": [company] + [other for other in others if other is not company],
                }
            base, suffix = item["slug"], 2
            while item["slug"] in slugs:
                item["slug"], suffix = f"{base}-{suffix}", suffix + 1
            slugs.add(item["slug"])
            published = timezone.make_aware(
                datetime.combine(item["date"], datetime.min.time()) + timedelta(hours=9)
            )
            item.update(published=min(published, self.now), key=key, pages={})
            self.news.append(item)

    def news_pages(self):
        progress = Progress("news pages", 3 * len(self.news))
        tags_through = NewsPage.tags.through
        tag_rows, related_rows = [], []
        for offset, batch in enumerate(chunks(self.news)):
            for language in LANGUAGES:
                index = self.news_indexes[language]
                pages = [
                    NewsPage(
                        **published_fields(
                            item["title"][language],
                            item["key"],
                            self.locales[language],
                            item["published"],
                            item["published"],
                        ),
                        **tree_fields(index, offset * CHUNK + number, item["slug"]),
                        slug=item["slug"],
                        intro=item["intro"][language],
                        date=item["date"],
                        body=rich_text_body(item["slug"], item["body"], language),
                    )
                    for number, item in enumerate(batch, start=1)
                ]
                validate(pages[0])
                insert_pages(NewsPage, pages)
                for item, page in zip(batch, pages, strict=True):
                    item["pages"][language] = page.pk
                    # Tags are synchronised (source-language topics); related companies
                    # are copied pointing at the source pages, shown as page.localized.
                    tag_rows += [
                        tags_through(newspage_id=page.pk, topic_id=self.topics[(key, SOURCE)].pk)
                        for key in item["topics"]
                    ]
                    related_rows += [
                        NewsRelatedCompany(
                            news_id=page.pk, company_id=company.pages[SOURCE], sort_order=order
                        )
                        for order, company in enumerate(item["companies"])
                    ]
                progress.add(len(pages))
        tags_through.objects.bulk_create(tag_rows, batch_size=CHUNK * 2)
        NewsRelatedCompany.objects.bulk_create(related_rows, batch_size=CHUNK * 2)
        progress.close()
        for index in self.news_indexes.values():
            add_children(index, len(self.news))
        self.counts["NewsPage"] = 3 * len(self.news)
        self.counts["NewsPage.tags"] = len(tag_rows)
        self.counts["NewsRelatedCompany"] = len(related_rows)

    # Events ---------------------------------------------------------------------------------

    def plan_events(self):
        """The demo's events as patterns, each held again on other dates (a year back to a
        year ahead, so both the upcoming and the past list fill). Each event draws what
        doesn't depend on N first, and only then picks companies and news."""
        seeds = self.data["events"]
        self.events = []
        slugs = set()
        for number in range(self.args.events):
            rng = self.rng("event", number)
            key = self.uuid(rng)
            days, lead, participants, more_news = (
                rng.randint(-365, 365),
                rng.randint(20, 90),
                rng.randint(3, 12),
                rng.random() < 0.5,
            )
            seed = seeds[number % len(seeds)]
            # The seed's wall-clock times, on a day within a year of today.
            zone = zoneinfo.ZoneInfo(seed["time_zone"])
            shift = timedelta(
                days=days + (self.now.date() - date.fromisoformat(seed["start"][:10])).days
            )
            start = (datetime.fromisoformat(seed["start"]) + shift).replace(tzinfo=zone)
            end = (datetime.fromisoformat(seed["end"]) + shift).replace(tzinfo=zone)
            # "... matchmaking 2027" held in May 2026 becomes "... matchmaking (May 2026)".
            title = {
                code: f"{YEAR.sub('', seed['title'][code])} "
                f"({month_name(start.month, code)} {start.year})"
                for code in LANGUAGES
            }
            slug = base = slugify(title[SOURCE])
            suffix = 2
            while slug in slugs:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            slugs.add(slug)
            related = [item for item in self.news if item["slug"] in seed.get("related_news", [])]
            participants = self.companies_matching(rng, seed.get("participants", {}), participants)
            if self.news and more_news:
                related.append(rng.choice(self.news))
            self.events.append(
                {
                    "seed": seed,
                    "slug": slug,
                    "title": title,
                    "start": start,
                    "end": end,
                    "deadline": (
                        (start - timedelta(days=7)).date()
                        if seed.get("registration_deadline")
                        else None
                    ),
                    "published": min(start - timedelta(days=lead), self.now),
                    "participants": participants,
                    "related_news": list({id(item): item for item in related}.values()),
                    "key": key,
                }
            )

    def event_pages(self):
        progress = Progress("event pages", 3 * len(self.events))
        participant_rows, related_rows = [], []
        for offset, batch in enumerate(chunks(self.events)):
            for language in LANGUAGES:
                index = self.event_indexes[language]
                pages = []
                for number, item in enumerate(batch, start=1):
                    seed = item["seed"]
                    place = seed.get("municipality")
                    pages.append(
                        EventPage(
                            **published_fields(
                                item["title"][language],
                                item["key"],
                                self.locales[language],
                                item["published"],
                                item["published"],
                            ),
                            **tree_fields(index, offset * CHUNK + number, item["slug"]),
                            slug=item["slug"],
                            intro=seed["intro"][language],
                            body=rich_text_body(item["slug"], seed["body"], language),
                            event_type=seed["event_type"],
                            time_zone=seed["time_zone"],
                            start=item["start"],
                            end=item["end"],
                            municipality=self.municipalities[(place, language)] if place else None,
                            venue=(seed.get("venue") or {}).get(language, ""),
                            online_url=seed.get("online_url") or "",
                            registration_url=seed.get("registration_url") or "",
                            registration_deadline=item["deadline"],
                        )
                    )
                validate(pages[0])
                insert_pages(EventPage, pages)
                for item, page in zip(batch, pages, strict=True):
                    participant_rows += [
                        EventParticipant(
                            event_id=page.pk, company_id=company.pages[SOURCE], sort_order=order
                        )
                        for order, company in enumerate(item["participants"])
                    ]
                    related_rows += [
                        EventRelatedNews(
                            event_id=page.pk, news_id=news["pages"][SOURCE], sort_order=order
                        )
                        for order, news in enumerate(item["related_news"])
                    ]
                progress.add(len(pages))
        EventParticipant.objects.bulk_create(participant_rows, batch_size=CHUNK * 2)
        EventRelatedNews.objects.bulk_create(related_rows, batch_size=CHUNK * 2)
        progress.close()
        for index in self.event_indexes.values():
            add_children(index, len(self.events))
        self.counts["EventPage"] = 3 * len(self.events)
        self.counts["EventParticipant"] = len(participant_rows)
        self.counts["EventRelatedNews"] = len(related_rows)


# Search index -----------------------------------------------------------------------------

# Related objects each type's search text reads (search_extra_text), fetched per chunk.
INDEX_SELECT = {CompanyPage: ["municipality"], EventPage: ["municipality"]}
INDEX_PREFETCH = {CompanyPage: ["sectors", "certifications"], NewsPage: ["tags"]}


def read_once(obj):
    """Makes each of ``obj``'s search fields compute its value once.

    The backend's ObjectIndexer reads every search field once for each column it fills
    (title, body, autocomplete and their plain-text copies: five times), and a page's
    search_text_xx() reads them all again, with its term-name queries. The values are
    the fields' own (get_value), so the index holds what `update_index` would write."""
    fields = []
    for search_field in type(obj).get_search_fields():
        if isinstance(search_field, (index.SearchField, index.AutocompleteField)):
            search_field = copy.copy(search_field)
            search_field.get_value = functools.lru_cache(maxsize=1)(search_field.get_value)
        fields.append(search_field)
    obj.get_search_fields = lambda: fields


def indexed_objects(model):
    """What `update_index` indexes for ``model``, with what its search text reads."""
    queryset = model.get_indexed_objects()
    if issubclass(model, LanguageIndexed):
        queryset = queryset.select_related("locale", *INDEX_SELECT.get(model, []))
    return queryset.prefetch_related(*INDEX_PREFETCH.get(model, []))


def index_chunk(task):
    """In a worker process: one chunk of one model into one backend (into the index named
    ``target`` when a search server is being rebuilt), in one transaction (add_items() and
    the database backend's title-norm update commit together, so workers never update each
    other's rows)."""
    alias, label, first, last, target = task
    model = apps.get_model(label)
    objs = list(indexed_objects(model).filter(pk__gte=first, pk__lte=last).order_by("pk"))
    for obj in objs:
        read_once(obj)
    backend = get_search_backend(alias)
    search_index = (
        backend.index_class(backend, target) if target else backend.get_index_for_model(model)
    )
    with transaction.atomic():
        search_index.add_items(model, objs)
    return len(objs)


def index_everything(workers):
    """Every indexed object into every configured backend: `update_index` in effect.

    The same objects go in the same add_items() calls; a search server's index is rebuilt
    with the backend's own rebuilder first (a fresh index, then the alias moved to it), and
    the database backend's title norms are refreshed in full after. But it runs in
    ``workers`` processes (it is Python-bound: search text, lemmas, SQL expressions, JSON),
    with the related objects each chunk's search text reads fetched up front and each
    field read once (read_once)."""
    total = 0
    # Loaded once, before the fork, the lemma dictionaries (seconds, hundreds of MB) are
    # shared by the workers. A database connection must not cross a fork: each worker
    # opens its own.
    lemmas.warm_up()
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(alias)
        server = not isinstance(backend, PostgresSearchBackend)
        groups = group_models_by_index(backend, get_indexed_models()).items()
        count = 0
        tasks = []
        rebuilders = []
        for search_index, models in groups:
            target = None
            if server:
                rebuilder = backend.rebuilder_class(search_index)
                new_index = rebuilder.start()
                for model in models:
                    new_index.add_model(model)
                rebuilders.append(rebuilder)
                target = new_index.name
            for model in models:
                pks = list(model.get_indexed_objects().order_by("pk").values_list("pk", flat=True))
                tasks += [
                    (alias, model._meta.label, batch[0], batch[-1], target) for batch in chunks(pks)
                ]
                count += len(pks)
        progress = Progress(f"search index ({alias})", count)
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for indexed in pool.imap_unordered(index_chunk, tasks):
                progress.add(indexed)
        progress.close()
        for rebuilder in rebuilders:
            rebuilder.finish()
        if not server:
            backend.get_index_for_model(Page)._refresh_title_norms(full=True)
        total += count
    return total


# Checks -------------------------------------------------------------------------------------


def smoke_check(generator):
    """Each kind of page in each language, rendered by Django's test client with the page
    cache off: all must answer 200. Search must find a company by its name, and the
    directory's text query by a word of its description, in each language; two facets
    must narrow the directory to a part of it."""
    host = next(
        (h for h in settings.ALLOWED_HOSTS if h and h[0] not in ".*" and h != "[::1]"),
        "localhost",
    )
    client = Client(HTTP_HOST=host)
    secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
    company = generator.companies[len(generator.companies) // 2]
    news = generator.news[len(generator.news) // 2] if generator.news else None
    event = generator.events[len(generator.events) // 2] if generator.events else None
    name = company.name.rsplit(" ", 1)[0]  # without AB, Oy
    sector, country = company.sectors[0], company.country
    words = {language: description_word(generator, company, language) for language in LANGUAGES}
    paths = []
    for language, locale in generator.locales.items():
        directory = generator.directories[language].url
        paths += [
            (f"{language} home", HomePage.objects.get(locale=locale).url, {}),
            (f"{language} directory", directory, {}),
            (f"{language} directory, text", directory, {"q": words[language]}),
            (f"{language} company", Page.objects.get(pk=company.pages[language]).url, {}),
            (f"{language} news index", generator.news_indexes[language].url, {}),
            (f"{language} events index", generator.event_indexes[language].url, {}),
        ]
        if news:
            page = Page.objects.get(pk=news["pages"][language])
            paths.append((f"{language} news", page.url, {}))
        if event:
            page = EventPage.objects.get(locale=locale, translation_key=event["key"])
            paths.append((f"{language} event", page.url, {}))
    paths += [
        (
            "en directory, 2 facets",
            generator.directories[SOURCE].url,
            {"sector": sector, "country": country},
        ),
        ("en search", "/en/search/", {"q": name}),
        ("en news feed", f"{generator.news_indexes[SOURCE].url}rss/", {}),
        ("en events feed", f"{generator.event_indexes[SOURCE].url}ics/", {}),
    ]
    failures = []
    responses = {}
    say("  status    time  page")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, path, params in paths:
            started = time.monotonic()
            response = client.get(path, params, secure=secure)
            took = time.monotonic() - started
            responses[label] = response
            query = f"?{urlencode(params)}" if params else ""
            say(f"  {response.status_code:>6}  {took * 1000:>4.0f}ms  {label}: {path}{query}")
            if response.status_code != 200:
                failures.append(f"{label} ({path}{query}) answered {response.status_code}")

    if company.name not in responses["en search"].content.decode():
        failures.append(f"the search for {name!r} does not list {company.name}")
    say(f"  search {name!r}: lists {company.name}")
    for language, word in words.items():
        directory = generator.directories[language]
        base = CompanyPage.objects.child_of(directory).live().public()
        found = search_service.matching_ids(base, word, language, limit=len(generator.companies))
        listed = company.pages[language] in found
        if not listed:
            failures.append(f"{language}: a text query for {word!r} misses {company.name}")
        say(f"  {language} text query {word!r}: {len(found)} companies, ours among them: {listed}")
    base = CompanyPage.objects.child_of(generator.directories[SOURCE]).live().public()
    narrowed = base.filter(facet_filter("sector", [sector]))
    narrowed = narrowed.filter(facet_filter("country", [country])).count()
    total = base.count()
    if not narrowed or (narrowed == total and total >= 20):  # a handful may all match
        failures.append(f"sector={sector}&country={country} gives {narrowed} of {total}")
    say(f"  sector={sector}&country={country}: {narrowed} of {total} companies")
    return failures


def description_word(generator, company, language):
    """The longest word of the company's description paragraphs (not its name, nor the
    generated facts), as a visitor might type it."""
    paragraphs = [
        generator.rebrand(company, block["text"][language])
        for block in company.template["description"]
        if block["type"] == "paragraph"
    ]
    text = re.sub("<[^>]+>", " ", " ".join(paragraphs))
    own = set(lemmas.words(company.name))
    return max((w for w in lemmas.words(text) if w.isalpha() and w not in own), key=len)


# Main ---------------------------------------------------------------------------------------


def positive(value):
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def parse_args():
    parser = argparse.ArgumentParser(
        description="Fill an empty PostgreSQL database with a benchmark site (DATABASE_URL)."
    )
    parser.add_argument("--companies", type=positive, required=True, help="N companies")
    parser.add_argument("--news", type=int, help="news items (default: max(30, N // 10))")
    parser.add_argument("--events", type=int, help="events (default: max(10, N // 50))")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--workers",
        type=positive,
        default=os.cpu_count() or 1,
        help="processes that build the search index (default: one per CPU)",
    )
    parser.add_argument(
        "--references",
        action="store_true",
        help="also rebuild Wagtail's reference index (the admin's usage counts; slow)",
    )
    args = parser.parse_args()
    if args.news is None:
        args.news = max(30, args.companies // 10)
    if args.events is None:
        args.events = max(10, args.companies // 50)
    if args.news < 0 or args.events < 0:
        parser.error("--news and --events cannot be negative")
    return args


def ready_database():
    """Migrates the database if needed; refuses one that already has content."""
    if connection.vendor != "postgresql":
        sys.exit(
            f"bench/generate.py fills a PostgreSQL database; DATABASE_URL points at "
            f"{connection.vendor}. Set DATABASE_URL=postgres://..."
        )
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
    existing = {
        model.__name__: model.objects.count() for model in (CompanyPage, NewsPage, EventPage)
    }
    if any(existing.values()):
        found = ", ".join(f"{count} {name}" for name, count in existing.items() if count)
        sys.exit(
            f"Database {connection.settings_dict['NAME']!r} already has content ({found}). "
            "bench/generate.py fills an empty, migrated database: create a new one "
            "(createdb) or drop this one first."
        )


def vacuum_analyze(*models):
    """VACUUM ANALYZE the database, or the tables of ``models``."""
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {tables}")


def summary(generator, phases, indexed):
    pages = (
        Page.objects.values_list("content_type__app_label", "content_type__model")
        .annotate(n=Count("pk"))
        .order_by("content_type__app_label", "content_type__model")
    )
    lines = ["", "Rows:"]
    for app, model, count in pages:
        lines.append(f"  {f'{app}.{model}':<34} {count:>9,}")
    for name, count in generator.counts.items():
        if not name.endswith("Page"):
            lines.append(f"  {name:<34} {count:>9,}")
    lines.append(f"  {'search index entries':<34} {IndexEntry.objects.count():>9,}")
    lines.append(f"  {'(indexed this run)':<34} {indexed:>9,}")
    lines += ["", "Seconds:"]
    for name, seconds in phases.seconds.items():
        lines.append(f"  {name:<34} {seconds:>9.1f}")
    lines.append(f"  {'total':<34} {sum(phases.seconds.values()):>9.1f}")
    print("\n".join(lines))


def main():
    args = parse_args()
    phases = Phases()
    generator = Generator(args)
    database = connection.settings_dict["NAME"]
    say(
        f"Generating {args.companies:,} companies, {args.news:,} news and {args.events:,} "
        f"events in {', '.join(LANGUAGES)} into {database!r}"
    )
    with phases("migrations and checks"):
        ready_database()
    # The structure commits first, as an editor's pages would have long before the
    # companies came: Wagtail's on-commit hooks (redirects for the translated indexes'
    # slugs, which load_demo renames) then see these pages, not thousands below them.
    with phases("structure (load_demo)"), transaction.atomic():
        generator.structure()
    # The rest in one transaction: a failed run leaves no half-built site behind (and a
    # second run reuses the structure).
    with transaction.atomic():
        with phases("taxonomy"):
            generator.taxonomy()
        with phases("collections and images"):
            generator.plan_companies()
            generator.collections()
            generator.images()
        with phases("company pages"):
            generator.company_pages()
        with phases("news pages"):
            generator.plan_news()
            generator.news_pages()
        with phases("event pages"):
            generator.plan_events()
            generator.event_pages()
        with phases("foreign key checks"), connection.cursor() as cursor:
            # Django's foreign keys are checked at commit (DEFERRABLE): here, timed.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    # Fresh statistics and visibility maps, before the indexing queries and again for
    # the benchmark: the planner would otherwise plan for empty tables, and autovacuum
    # would do this work anyway, in the middle of the indexing or of the measurements.
    with phases("vacuum analyze"):
        vacuum_analyze()
    with phases("search index"):
        try:
            indexed = index_everything(args.workers)
        except Exception:
            say(f"The content of {database!r} is committed, its search index is not complete.")
            raise
    if args.references:
        with phases("reference index"):
            call_command("rebuild_references_index", verbosity=0)
    with phases("vacuum analyze (index)"):
        vacuum_analyze(IndexEntry, ReferenceIndex)
    with phases("smoke check"):
        failures = smoke_check(generator)
    summary(generator, phases, indexed)
    if failures:
        say("\nSmoke check FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
