"""
Loading the seed content (site/seed/): the demo's texts, taxonomies and pages, written
through Wagtail and wagtail-localize as an editor's would be.

Shared by `manage.py load_demo`, which builds the whole demo site with it, and by
bench/generate.py, which builds the fixed structure with it and reuses its block builders,
term fields and identifiers for the thousands of pages it writes in bulk. Everything here
creates what is missing and leaves what exists alone, so a second run changes nothing.
"""

import hashlib
import io
import json
import secrets
import uuid
import zoneinfo
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from companies import identifiers
from home.demo.images import hero_png, logo_png
from home.models import (
    Certification,
    Footer,
    HomePage,
    Municipality,
    Navigation,
    Sector,
    SiteSettings,
    StandardPage,
    Topic,
)
from home.translation.from_texts import translate
from search.models import GlossaryEntry

CONTENT_DIR = settings.SITE_DIR / "seed" / "content"
BENCH_DIR = settings.SITE_DIR / "seed" / "bench"
CONTENT_FILES = (
    "taxonomy",
    "glossary",
    "pages",
    "companies",
    "news",
    "events",
    "site",
    "images",
)
BENCH_FILES = ("words", "weights", "texts")
SOURCE = "en"
TARGETS = ("sv", "fi")
LANGUAGES = (SOURCE, *TARGETS)
BLOCK_NAMESPACE = uuid.UUID("6f1d3c0e-3b5e-4a55-9a43-6b8f2f7f0c11")


class SeedDataError(Exception):
    """A seed file that cannot be read, or content it describes that cannot be built."""


# Reading -------------------------------------------------------------------------------------


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SeedDataError(f"Cannot read seed content {path}: {error}") from error


def read_content():
    """The demo's content files (site/seed/content/SCHEMA.md), by name."""
    return {name: read_json(CONTENT_DIR / f"{name}.json") for name in CONTENT_FILES}


def read_bench():
    """The benchmark generator's word lists, weights and text templates."""
    return {name: read_json(BENCH_DIR / f"{name}.json") for name in BENCH_FILES}


# Values --------------------------------------------------------------------------------------


def block_id(*parts):
    """Stable StreamField block ids, so every language's copy has the same structure."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(str(p) for p in parts)))


def digits_from(seed, count):
    number = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(number)[:count].rjust(count, "0")


def decimal(value):
    """JSON numbers as exact decimals (63.8258, not the float's 63.82579999...)."""
    return None if value is None else Decimal(str(value))


def demo_y_tunnus(seed):
    base = int(digits_from(seed, 7))
    while identifiers.y_tunnus_check_digit(f"{base:07d}") is None:
        base = (base + 1) % 10_000_000
    return f"{base:07d}-{identifiers.y_tunnus_check_digit(f'{base:07d}')}"


def demo_org_number(seed):
    payload = "556" + digits_from(seed, 6)
    return f"{payload[:6]}-{payload[6:]}{identifiers.luhn_check_digit(payload)}"


def business_identifiers(slug, country):
    """Valid, made-up identifiers (check digits right) for a company in ``country``."""
    if country == "FI":
        business_id = demo_y_tunnus(slug)
        return {
            "business_id_fi": business_id,
            "vat_number": identifiers.vat_for_y_tunnus(business_id),
        }
    org_number = demo_org_number(slug)
    return {"org_number_se": org_number, "vat_number": identifiers.vat_for_org_number(org_number)}


def term_key(text):
    """A taxonomy key from a name (certifications and topics are named, not keyed, in the
    content files)."""
    return slugify(text) or hashlib.sha1(text.encode()).hexdigest()[:12]


# Taxonomy fields: one term's model fields in one language, from its taxonomy.json item.
TERM_FIELDS = {
    Sector: lambda item, lang: {
        "name": item["name"][lang],
        "description": item["description"][lang],
    },
    Municipality: lambda item, lang: {
        "name": item["name"][lang],
        "country": item["country"],
        "latitude": decimal(item.get("latitude")),
        "longitude": decimal(item.get("longitude")),
    },
    Certification: lambda item, lang: {"name": item["name"][lang]},
    Topic: lambda item, lang: {"name": item["name"][lang]},
}


def news_topics(news):
    """The topics the news items are tagged with, as taxonomy items ({"key", "name": T}),
    each named as the first item tagged with it names it."""
    topics = {}
    for item in news:
        tags = item["tags"]
        for position, name in enumerate(tags[SOURCE]):
            key = term_key(name)
            topics.setdefault(key, {"key": key, "name": {c: tags[c][position] for c in tags}})
    return list(topics.values())


# StreamField blocks ----------------------------------------------------------------------------


def unchanged(text):
    return text


def rich_text_body(owner, rich_text, lang):
    return [{"type": "paragraph", "value": rich_text[lang], "id": block_id(owner, "body")}]


def description_blocks(slug, blocks, lang, rewrite=unchanged):
    """A company's description in ``lang``; ``rewrite`` changes each text (the benchmark
    tells another company's story with it)."""
    result = []
    for index, block in enumerate(blocks):
        kind = block["type"]
        if kind == "paragraph":
            value = rewrite(block["text"][lang])
        elif kind == "quote":
            value = {
                "text": rewrite(block["text"][lang]),
                "attribution": block.get("attribution", ""),
            }
        elif kind == "case_study":
            value = {
                "title": rewrite(block["title"][lang]),
                "client": block.get("client", ""),
                "summary": rewrite(block["summary"][lang]),
                "image": None,
            }
        else:
            raise SeedDataError(f"{slug}: unknown block type {kind!r}")
        result.append({"type": kind, "value": value, "id": block_id(slug, "description", index)})
    return result


def offering_blocks(slug, offerings, lang, rewrite=unchanged):
    return [
        {
            "type": "offering",
            "id": block_id(slug, "offering", index),
            "value": {
                "kind": item["kind"],
                "title": rewrite(item["title"][lang]),
                "text": rewrite(item["text"][lang]),
            },
        }
        for index, item in enumerate(offerings)
    ]


def gallery_blocks(slug, image_id, place, lang, texts):
    """One photo of the coast near ``place``, described in ``lang`` (``texts``: the
    "gallery" of images.json)."""
    value = {
        "image": {
            "image": image_id,
            "alt_text": texts["alt_text"][lang].format(place=place),
            "decorative": False,
        },
        "caption": texts["caption"][lang],
    }
    return [{"type": "image", "value": value, "id": block_id(slug, "gallery", 0)}]


def social_blocks(slug, links):
    return [
        {"type": "link", "value": link, "id": block_id(slug, "social", i)}
        for i, link in enumerate(links)
    ]


# Loading ---------------------------------------------------------------------------------------


class Seeder:
    """Creates what is missing of the content in ``data`` (read_content()), in the source
    language and as wagtail-localize translations; ``created`` counts what it made."""

    def __init__(self, data, locales, progress=False):
        self.data = data
        self.locales = locales
        self.progress = progress
        self.created = 0
        self.collection = None
        # The demo fills every app, also those built on home: their models come from the
        # app registry by name.
        self.CompanyIndexPage, self.CompanyPage = (
            apps.get_model("companies", name) for name in ("CompanyIndexPage", "CompanyPage")
        )
        self.NewsIndexPage, self.NewsPage, self.NewsRelatedCompany = (
            apps.get_model("news", name)
            for name in ("NewsIndexPage", "NewsPage", "NewsRelatedCompany")
        )
        self.EventIndexPage, self.EventPage, self.EventParticipant, self.EventRelatedNews = (
            apps.get_model("events", name)
            for name in ("EventIndexPage", "EventPage", "EventParticipant", "EventRelatedNews")
        )

    def load_all(self):
        """The whole demo site, in the order its parts refer to each other."""
        self.load_taxonomy()
        self.load_glossary()
        indexes = self.load_structure()
        companies = self.load_companies(indexes["companies"])
        news = self.load_news(indexes["news"], companies)
        self.load_events(indexes["events"], companies, news)

    def load_structure(self):
        """Home, index and standard pages, navigation, footer and site settings. Returns
        the index pages by key (companies, news, events)."""
        self.collection = self.demo_collection()
        home = self.load_home()
        indexes = self.load_indexes(home)
        standard = self.load_standard_pages(home)
        self.load_site_content({**indexes, **standard})
        return indexes

    def bar(self, items, description):
        return tqdm(items, desc=description, unit="item", disable=not self.progress)

    # Translation -------------------------------------------------------------------------

    def translate_all(self, source, build):
        """Create each missing sv/fi translation from ``build(lang)``, an unsaved model of
        the object in that language."""
        for code in TARGETS:
            locale = self.locales[code]
            existing = source.get_translation_or_none(locale)
            if existing is not None and not getattr(existing, "alias_of_id", None):
                continue
            translate(source, build(code), locale)
            self.created += 1

    # Taxonomy ----------------------------------------------------------------------------

    def load_glossary(self):
        """The search glossary (search.models.GlossaryEntry): one row per concept."""
        for item in self.data["glossary"]:
            _entry, created = GlossaryEntry.objects.get_or_create(
                english=item["en"], defaults={"swedish": item["sv"], "finnish": item["fi"]}
            )
            self.created += created

    def load_taxonomy(self):
        taxonomy = self.data["taxonomy"]
        for model, items in (
            (Sector, taxonomy["sectors"]),
            (Municipality, taxonomy["municipalities"]),
            (Certification, taxonomy.get("certifications", [])),
        ):
            for item in items:
                self.term(
                    model,
                    item["key"],
                    lambda lang, model=model, item=item: TERM_FIELDS[model](item, lang),
                )
        # Certifications a company names that the taxonomy lacks: the name in every language.
        known = {c.key for c in Certification.objects.filter(locale=self.locales[SOURCE])}
        for company in self.data["companies"]:
            for name in company.get("certifications", []):
                key = term_key(name)
                if key not in known:
                    self.term(Certification, key, lambda lang, name=name: {"name": name})
                    known.add(key)
        for item in news_topics(self.data["news"]):
            self.term(Topic, item["key"], lambda lang, item=item: TERM_FIELDS[Topic](item, lang))

    def term(self, model, key, fields):
        source = model.objects.filter(locale=self.locales[SOURCE], key=key).first()
        if source is None:
            source = model.objects.create(locale=self.locales[SOURCE], key=key, **fields(SOURCE))
            self.created += 1
        self.translate_all(source, lambda lang: model(key=key, **fields(lang)))
        return source

    def terms(self, model, keys):
        return list(model.objects.filter(locale=self.locales[SOURCE], key__in=keys))

    # Images ------------------------------------------------------------------------------

    def demo_collection(self):
        name = self.data["images"]["collection"]
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def image(self, title, filename, png, alt):
        """The demo image with this title, made from ``png`` (bytes, or a function that
        draws them, called only when the image is missing)."""
        Image = get_image_model()
        image = Image.objects.filter(title=title, collection=self.collection).first()
        if image:
            return image
        if callable(png):
            png = png()
        # Saved through the storage API, so demo media land on S3 too when it is configured.
        image = Image(
            title=title,
            collection=self.collection,
            description=alt,
            file=ImageFile(io.BytesIO(png), name=filename),
        )
        image._set_image_file_metadata()
        image.save()
        self.created += 1
        return image

    def company_image(self, kind, company, draw):
        """A company's logo, hero or coast image, named as images.json says."""
        spec = self.data["images"]["company"][kind]
        names = {"name": company["name"], "slug": company["slug"]}
        return self.image(
            spec["title"].format(**names),
            spec["filename"].format(**names),
            draw,
            spec["alt"].format(**names),
        )

    # Pages -------------------------------------------------------------------------------

    def publish_new(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def child(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def load_home(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SeedDataError("The default site's root page is not a HomePage.")
        data = self.data["pages"]["home"]
        spec = self.data["images"]["home_hero"]
        hero = self.image(
            spec["title"], spec["filename"], hero_png(spec["seed"], spec["colour"]), spec["alt"]
        )
        if home.pitch == "":
            home.title = data["title"][SOURCE]
            home.pitch = data["pitch"][SOURCE]
            home.body = data["intro"][SOURCE]
            home.hero_image = hero
            home.save_revision().publish()
            self.created += 1
        self.translate_all(
            home,
            lambda lang: HomePage(
                title=data["title"][lang],
                slug=home.slug,
                pitch=data["pitch"][lang],
                body=data["intro"][lang],
            ),
        )
        return home

    def load_indexes(self, home):
        models = {
            "companies": self.CompanyIndexPage,
            "news": self.NewsIndexPage,
            "events": self.EventIndexPage,
        }
        pages = {}
        for key, model in models.items():
            data = self.data["pages"]["indexes"][key]
            page = self.child(home, model, data["slug"][SOURCE])
            if page is None:
                page = self.publish_new(
                    home,
                    model(
                        title=data["title"][SOURCE],
                        slug=data["slug"][SOURCE],
                        intro=data["intro"][SOURCE],
                        show_in_menus=True,
                    ),
                )
            self.translate_all(
                page,
                lambda lang, data=data, model=model: model(
                    title=data["title"][lang], slug=data["slug"][lang], intro=data["intro"][lang]
                ),
            )
            pages[key] = page
        return pages

    def load_standard_pages(self, home):
        pages = {}
        for data in self.data["pages"]["standard"]:
            slug = data["slug"][SOURCE]
            page = self.child(home, StandardPage, slug)
            if page is None:
                page = self.publish_new(
                    home,
                    StandardPage(
                        title=data["title"][SOURCE],
                        slug=slug,
                        intro=data["intro"][SOURCE],
                        body=rich_text_body(slug, data["body"], SOURCE),
                        show_in_menus=True,
                    ),
                )
            self.translate_all(
                page,
                lambda lang, data=data, slug=slug: StandardPage(
                    title=data["title"][lang],
                    slug=data["slug"][lang],
                    intro=data["intro"][lang],
                    body=rich_text_body(slug, data["body"], lang),
                ),
            )
            pages[slug] = page
        return pages

    # Site content --------------------------------------------------------------------------

    @staticmethod
    def links(owner, pages, keys):
        return [
            {
                "type": "link",
                "id": block_id(owner, key),
                "value": {"page": pages[key].pk, "url": "", "label": ""},
            }
            for key in keys
        ]

    def load_site_content(self, pages):
        """Main navigation, footer and site settings (home/site_content.py), per language."""
        data = self.data["site"]
        source = self.locales[SOURCE]
        footer = data["footer"]
        site_settings = data["settings"]
        builders = [
            (Navigation, lambda lang: {"links": self.links("nav", pages, data["navigation"])}),
            (
                Footer,
                lambda lang: {
                    "about": footer["about"][lang],
                    "contact_email": footer["contact_email"],
                    "links": self.links("footer", pages, footer["links"]),
                },
            ),
            (
                SiteSettings,
                lambda lang: {
                    key: site_settings[key][lang] for key in ("tagline", "organisation", "address")
                },
            ),
        ]
        for model, fields in builders:
            obj = model.objects.filter(locale=source).first()
            if obj is None:
                obj = model.objects.create(locale=source, **fields(SOURCE))
                self.created += 1
            self.translate_all(obj, lambda lang, model=model, fields=fields: model(**fields(lang)))

    # Companies ---------------------------------------------------------------------------

    def gallery(self, company, lang):
        """One photo of the coast in the company's colours, described in each language."""
        spec = self.data["images"]["company"]
        colour = company.get("brand_color", spec["default_colour"])
        photo = self.company_image(
            "coast",
            company,
            lambda: hero_png(
                spec["coast"]["seed"].format(slug=company["slug"]),
                colour,
                width=spec["coast"]["width"],
                height=spec["coast"]["height"],
            ),
        )
        return gallery_blocks(
            company["slug"], photo.pk, company["city"], lang, self.data["images"]["gallery"]
        )

    def company_texts(self, company, lang):
        slug = company["slug"]
        return {
            "title": company["name"],
            "slug": slug,
            "pitch": company["pitch"][lang],
            "description": description_blocks(slug, company["description"], lang),
            "offerings": offering_blocks(slug, company["offerings"], lang),
            "gallery": self.gallery(company, lang),
        }

    def load_companies(self, index):
        municipalities = {
            m.key: m for m in Municipality.objects.filter(locale=self.locales[SOURCE])
        }
        CompanyPage = self.CompanyPage
        pages = {}
        for company in self.bar(self.data["companies"], "Companies"):
            page = self.child(index, CompanyPage, company["slug"])
            if page is None:
                page = self.new_company(index, company, municipalities)
            self.translate_all(
                page, lambda lang, company=company: CompanyPage(**self.company_texts(company, lang))
            )
            pages[company["slug"]] = page
        return pages

    def new_company(self, index, company, municipalities):
        slug = company["slug"]
        municipality = municipalities[company["municipality"]]
        colour = company.get("brand_color", self.data["images"]["company"]["default_colour"])
        logo = self.company_image("logo", company, logo_png(company["name"], colour))
        hero = self.company_image("hero", company, hero_png(slug, colour))
        page = self.CompanyPage(
            **self.company_texts(company, SOURCE),
            logo=logo,
            hero_image=hero,
            municipality=municipality,
            street_address=company.get("street_address", ""),
            postal_code=company.get("postal_code", ""),
            city=company.get("city", ""),
            latitude=decimal(company.get("latitude")) or municipality.latitude,
            longitude=decimal(company.get("longitude")) or municipality.longitude,
            website=company.get("website", ""),
            contact_email=company.get("email", ""),
            contact_phone=company.get("phone", ""),
            founded=company.get("founded"),
            size_band=company.get("size_band", ""),
            export_markets=company.get("export_markets", []),
            languages=company.get("languages", []),
            social_links=social_blocks(slug, company.get("social", [])),
            **business_identifiers(slug, municipality.country),
        )
        page.full_clean(exclude=["path", "depth", "url_path"])
        index.add_child(instance=page)
        page.sectors.set(self.terms(Sector, company["sectors"]))
        page.certifications.set(
            self.terms(Certification, [term_key(c) for c in company.get("certifications", [])])
        )
        page.save_revision().publish()
        self.created += 1
        return page

    def matching_companies(self, companies, criteria, limit):
        sectors = set(criteria.get("sectors") or [])
        places = set(criteria.get("municipalities") or [])
        chosen = [
            companies[c["slug"]]
            for c in self.data["companies"]
            if sectors & set(c["sectors"]) or c["municipality"] in places
        ]
        return chosen[:limit]

    # News and events ---------------------------------------------------------------------

    def load_news(self, index, companies):
        NewsPage = self.NewsPage
        pages = {}
        for item in self.bar(self.data["news"], "News"):
            slug = item["slug"]
            page = self.child(index, NewsPage, slug)
            if page is None:
                page = NewsPage(
                    title=item["title"][SOURCE],
                    slug=slug,
                    intro=item["intro"][SOURCE],
                    date=date.fromisoformat(item["date"]),
                    body=rich_text_body(slug, item["body"], SOURCE),
                )
                index.add_child(instance=page)
                page.tags.set(self.terms(Topic, [term_key(t) for t in item["tags"][SOURCE]]))
                for company in self.matching_companies(companies, item.get("related", {}), 4):
                    page.related_companies.add(self.NewsRelatedCompany(company=company))
                page.save_revision().publish()
                self.created += 1
            self.translate_all(
                page,
                lambda lang, item=item, slug=slug: NewsPage(
                    title=item["title"][lang],
                    slug=slug,
                    intro=item["intro"][lang],
                    body=rich_text_body(slug, item["body"], lang),
                ),
            )
            pages[slug] = page
        return pages

    def load_events(self, index, companies, news):
        EventPage = self.EventPage
        municipalities = {
            m.key: m for m in Municipality.objects.filter(locale=self.locales[SOURCE])
        }
        for item in self.bar(self.data["events"], "Events"):
            slug = item["slug"]
            page = self.child(index, EventPage, slug)
            if page is None:
                zone = zoneinfo.ZoneInfo(item["time_zone"])
                deadline = item.get("registration_deadline")
                page = EventPage(
                    title=item["title"][SOURCE],
                    slug=slug,
                    intro=item["intro"][SOURCE],
                    body=rich_text_body(slug, item["body"], SOURCE),
                    event_type=item["event_type"],
                    time_zone=item["time_zone"],
                    start=datetime.fromisoformat(item["start"]).replace(tzinfo=zone),
                    end=datetime.fromisoformat(item["end"]).replace(tzinfo=zone),
                    municipality=municipalities.get(item.get("municipality") or ""),
                    venue=(item.get("venue") or {}).get(SOURCE, ""),
                    online_url=item.get("online_url") or "",
                    registration_url=item.get("registration_url") or "",
                    registration_deadline=date.fromisoformat(deadline) if deadline else None,
                )
                index.add_child(instance=page)
                for company in self.matching_companies(companies, item.get("participants", {}), 8):
                    page.participants.add(self.EventParticipant(company=company))
                for news_slug in item.get("related_news", []):
                    if news_slug in news:
                        page.related_news.add(self.EventRelatedNews(news=news[news_slug]))
                page.save_revision().publish()
                self.created += 1
            self.translate_all(
                page,
                lambda lang, item=item, slug=slug: EventPage(
                    title=item["title"][lang],
                    slug=slug,
                    intro=item["intro"][lang],
                    venue=(item.get("venue") or {}).get(lang, ""),
                    body=rich_text_body(slug, item["body"], lang),
                ),
            )

    # Admin login -------------------------------------------------------------------------

    def ensure_admin(self):
        """Creates the demo superuser once, with a random password shown only then; returns
        the password, or None when the user exists."""
        admin = self.data["site"]["admin"]
        User = get_user_model()
        if User.objects.filter(username=admin["username"]).exists():
            return None
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(admin["username"], admin["email"], password)
        return password
