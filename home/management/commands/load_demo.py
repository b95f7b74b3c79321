"""
Builds the demo site from site/seed/content/*.json: taxonomies, about 30 companies,
news and events in English, translated into Swedish and Finnish through wagtail-localize.

Idempotent: it creates what is missing and leaves existing content as it is (so editors'
changes survive), which also means a second run changes nothing.
"""

import hashlib
import io
import json
import secrets
import uuid
import zoneinfo
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site

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

# The demo fills every app, also those built on home: their models come from the app
# registry by name (a command is loaded once the registry is ready).
CompanyIndexPage, CompanyPage = (
    apps.get_model("companies", name) for name in ("CompanyIndexPage", "CompanyPage")
)
EventIndexPage, EventPage, EventParticipant, EventRelatedNews = (
    apps.get_model("events", name)
    for name in ("EventIndexPage", "EventPage", "EventParticipant", "EventRelatedNews")
)
NewsIndexPage, NewsPage, NewsRelatedCompany = (
    apps.get_model("news", name) for name in ("NewsIndexPage", "NewsPage", "NewsRelatedCompany")
)

CONTENT_DIR = settings.SITE_DIR / "seed" / "content"
SOURCE = "en"
TARGETS = ("sv", "fi")
# The demo gallery photo's alternative text and caption.
GALLERY_TEXTS = {
    "en": ("Wind turbines on the coast near {place}", "Where we work: the Kvarken coast"),
    "sv": ("Vindkraftverk vid kusten nära {place}", "Där vi arbetar: Kvarkens kust"),
    "fi": (
        "Tuulivoimaloita rannikolla ({place})",
        "Missä toimimme: Merenkurkun rannikko",
    ),
}
BLOCK_NAMESPACE = uuid.UUID("6f1d3c0e-3b5e-4a55-9a43-6b8f2f7f0c11")


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


class Command(BaseCommand):
    help = "Load the demo content (idempotent): companies, news and events in en, sv and fi."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has companies (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and CompanyPage.objects.exists():
            self.stdout.write("Demo content already loaded; nothing to do.")
            self.print_admin_login(created_password=None)
            return
        self.data = {
            name: self.read(name)
            for name in ("taxonomy", "glossary", "pages", "companies", "news", "events", "site")
        }
        self.locales = {code: Locale.objects.get(language_code=code) for code in (SOURCE, *TARGETS)}
        self.created = 0
        self.progress = options.get("verbosity", 1) > 0
        with transaction.atomic():
            redirects_before = Redirect.objects.order_by("-pk").values_list("pk", flat=True).first()
            self.load_taxonomy()
            self.load_glossary()
            self.collection = self.demo_collection()
            home = self.load_home()
            indexes = self.load_indexes(home)
            standard = self.load_standard_pages(home)
            self.load_site_content({**indexes, **standard})
            companies = self.load_companies(indexes["companies"])
            news = self.load_news(indexes["news"], companies)
            self.load_events(indexes["events"], companies, news)
            transaction.on_commit(lambda: self.drop_redirects_after(redirects_before or 0))
        if self.created:
            self.stdout.write("Updating the search and reference indexes…")
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} objects created).")
        )
        password = self.ensure_admin()
        self.print_admin_login(created_password=password)

    @staticmethod
    def drop_redirects_after(pk):
        """Wagtail redirects a page's old address when its slug changes, for the page and
        every descendant, once the transaction commits. Each translation starts as an alias
        with the English slug, so by the commit of this one transaction the Swedish and
        Finnish indexes "moved" with all their children: about a hundred redirects from
        addresses that never served anything outside it. Registered last, this runs after
        Wagtail's handlers."""
        Redirect.objects.filter(pk__gt=pk, automatically_created=True).delete()

    # Reading -----------------------------------------------------------------------------

    def read(self, name):
        path = Path(CONTENT_DIR) / f"{name}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read demo content {path}: {error}") from error

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
        for item in taxonomy["sectors"]:
            self.term(
                Sector,
                item["key"],
                lambda lang, item=item: {
                    "name": item["name"][lang],
                    "description": item["description"][lang],
                },
            )
        for item in taxonomy["municipalities"]:
            self.term(
                Municipality,
                item["key"],
                lambda lang, item=item: {
                    "name": item["name"][lang],
                    "country": item["country"],
                    "latitude": decimal(item.get("latitude")),
                    "longitude": decimal(item.get("longitude")),
                },
            )
        for item in taxonomy.get("certifications", []):
            self.term(
                Certification, item["key"], lambda lang, item=item: {"name": item["name"][lang]}
            )
        known = {c.key for c in Certification.objects.filter(locale=self.locales[SOURCE])}
        for company in self.data["companies"]:
            for name in company.get("certifications", []):
                key = self.slug(name)
                if key not in known:
                    self.term(Certification, key, lambda lang, name=name: {"name": name})
                    known.add(key)
        for news in self.data["news"]:
            for index, name in enumerate(news["tags"][SOURCE]):
                tags = news["tags"]
                self.term(
                    Topic,
                    self.slug(name),
                    lambda lang, tags=tags, index=index: {"name": tags[lang][index]},
                )

    @staticmethod
    def slug(text):
        return slugify(text) or hashlib.sha1(text.encode()).hexdigest()[:12]

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
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name="Demo content").first()
        return existing or root.add_child(name="Demo content")

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
            raise CommandError("The default site's root page is not a HomePage.")
        data = self.data["pages"]["home"]
        hero = self.image(
            "Kvarken coast",
            "kvarken-coast.png",
            hero_png("kvarken-home", "#0b5d7a"),
            "Wind turbines on a forested shore by the sea",
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
        models = {"companies": CompanyIndexPage, "news": NewsIndexPage, "events": EventIndexPage}
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
            page = self.child(home, StandardPage, data["slug"][SOURCE])
            slug = data["slug"][SOURCE]
            if page is None:
                page = self.publish_new(
                    home,
                    StandardPage(
                        title=data["title"][SOURCE],
                        slug=slug,
                        intro=data["intro"][SOURCE],
                        body=self.body(slug, data["body"], SOURCE),
                        show_in_menus=True,
                    ),
                )
            self.translate_all(
                page,
                lambda lang, data=data, slug=slug: StandardPage(
                    title=data["title"][lang],
                    slug=data["slug"][lang],
                    intro=data["intro"][lang],
                    body=self.body(slug, data["body"], lang),
                ),
            )
            pages[slug] = page
        return pages

    # Site content --------------------------------------------------------------------------

    def links(self, owner, pages, keys, lang):
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
        settings = data["settings"]
        builders = [
            (
                Navigation,
                lambda lang: {"links": self.links("nav", pages, data["navigation"], lang)},
            ),
            (
                Footer,
                lambda lang: {
                    "about": footer["about"][lang],
                    "contact_email": footer["contact_email"],
                    "links": self.links("footer", pages, footer["links"], lang),
                },
            ),
            (
                SiteSettings,
                lambda lang: {
                    key: settings[key][lang] for key in ("tagline", "organisation", "address")
                },
            ),
        ]
        for model, fields in builders:
            obj = model.objects.filter(locale=source).first()
            if obj is None:
                obj = model.objects.create(locale=source, **fields(SOURCE))
                self.created += 1
            self.translate_all(obj, lambda lang, model=model, fields=fields: model(**fields(lang)))

    def body(self, owner, rich_text, lang):
        return [{"type": "paragraph", "value": rich_text[lang], "id": block_id(owner, "body")}]

    # Companies ---------------------------------------------------------------------------

    def description(self, company, lang):
        blocks = []
        for index, block in enumerate(company["description"]):
            kind = block["type"]
            if kind == "paragraph":
                value = block["text"][lang]
            elif kind == "quote":
                value = {"text": block["text"][lang], "attribution": block.get("attribution", "")}
            elif kind == "case_study":
                value = {
                    "title": block["title"][lang],
                    "client": block.get("client", ""),
                    "summary": block["summary"][lang],
                    "image": None,
                }
            else:
                raise CommandError(f"{company['slug']}: unknown block type {kind!r}")
            blocks.append(
                {
                    "type": kind,
                    "value": value,
                    "id": block_id(company["slug"], "description", index),
                }
            )
        return blocks

    def offerings(self, company, lang):
        return [
            {
                "type": "offering",
                "id": block_id(company["slug"], "offering", index),
                "value": {
                    "kind": item["kind"],
                    "title": item["title"][lang],
                    "text": item["text"][lang],
                },
            }
            for index, item in enumerate(company["offerings"])
        ]

    def gallery(self, company, lang):
        """One photo of the coast in the company's colours, described in each language."""
        slug = company["slug"]
        colour = company.get("brand_color", "#0b5d7a")
        photo = self.image(
            f"{company['name']} coast",
            f"{slug}-coast.png",
            lambda: hero_png(f"{slug}-coast", colour, width=1200, height=800),
            "",
        )
        alt, caption = GALLERY_TEXTS[lang]
        value = {
            "image": {
                "image": photo.pk,
                "alt_text": alt.format(place=company["city"]),
                "decorative": False,
            },
            "caption": caption,
        }
        return [{"type": "image", "value": value, "id": block_id(slug, "gallery", 0)}]

    def company_texts(self, company, lang):
        return {
            "title": company["name"],
            "slug": company["slug"],
            "pitch": company["pitch"][lang],
            "description": self.description(company, lang),
            "offerings": self.offerings(company, lang),
            "gallery": self.gallery(company, lang),
        }

    def load_companies(self, index):
        municipalities = {
            m.key: m for m in Municipality.objects.filter(locale=self.locales[SOURCE])
        }
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
        ids = {}
        if municipality.country == "FI":
            ids["business_id_fi"] = demo_y_tunnus(slug)
            ids["vat_number"] = identifiers.vat_for_y_tunnus(ids["business_id_fi"])
        else:
            ids["org_number_se"] = demo_org_number(slug)
            ids["vat_number"] = identifiers.vat_for_org_number(ids["org_number_se"])
        colour = company.get("brand_color", "#0b5d7a")
        logo = self.image(
            f"{company['name']} logo",
            f"{slug}-logo.png",
            logo_png(company["name"], colour),
            f"{company['name']} logo",
        )
        hero = self.image(f"{company['name']} hero", f"{slug}-hero.png", hero_png(slug, colour), "")
        page = CompanyPage(
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
            social_links=[
                {"type": "link", "value": link, "id": block_id(slug, "social", i)}
                for i, link in enumerate(company.get("social", []))
            ],
            **ids,
        )
        page.full_clean(exclude=["path", "depth", "url_path"])
        index.add_child(instance=page)
        page.sectors.set(self.terms(Sector, company["sectors"]))
        page.certifications.set(
            self.terms(Certification, [self.slug(c) for c in company.get("certifications", [])])
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
                    body=self.body(slug, item["body"], SOURCE),
                )
                index.add_child(instance=page)
                page.tags.set(self.terms(Topic, [self.slug(t) for t in item["tags"][SOURCE]]))
                for company in self.matching_companies(companies, item.get("related", {}), 4):
                    page.related_companies.add(NewsRelatedCompany(company=company))
                page.save_revision().publish()
                self.created += 1
            self.translate_all(
                page,
                lambda lang, item=item, slug=slug: NewsPage(
                    title=item["title"][lang],
                    slug=slug,
                    intro=item["intro"][lang],
                    body=self.body(slug, item["body"], lang),
                ),
            )
            pages[slug] = page
        return pages

    def load_events(self, index, companies, news):
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
                    body=self.body(slug, item["body"], SOURCE),
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
                    page.participants.add(EventParticipant(company=company))
                for news_slug in item.get("related_news", []):
                    if news_slug in news:
                        page.related_news.add(EventRelatedNews(news=news[news_slug]))
                page.save_revision().publish()
                self.created += 1
            self.translate_all(
                page,
                lambda lang, item=item, slug=slug: EventPage(
                    title=item["title"][lang],
                    slug=slug,
                    intro=item["intro"][lang],
                    venue=(item.get("venue") or {}).get(lang, ""),
                    body=self.body(slug, item["body"], lang),
                ),
            )

    # Admin login -------------------------------------------------------------------------

    def ensure_admin(self):
        """Creates the demo superuser once, with a random password shown only then."""
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return None
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@kvarken-cleantech.example", password)
        return password

    def print_admin_login(self, created_password):
        url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if created_password:
            self.stdout.write(
                self.style.WARNING(
                    f"Admin: {url}  user: admin  password: {created_password}  "
                    "(shown once; change it with `manage.py changepassword admin`)"
                )
            )
        else:
            self.stdout.write(
                f"Admin: {url}  user: admin  (password shown when it was "
                "created; reset with `.venv/bin/python manage.py changepassword admin`)"
            )
