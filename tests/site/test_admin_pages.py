"""Editors create and publish every page type through the Wagtail admin."""

import datetime

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from companies.factories import CompanyIndexPageFactory
from companies.models import CompanyIndexPage, CompanyPage
from events.factories import EventIndexPageFactory
from events.models import EventIndexPage, EventPage
from home.factories import MunicipalityFactory, SectorFactory
from home.models import HomePage, StandardPage
from news.factories import NewsIndexPageFactory
from news.models import NewsIndexPage, NewsPage


class AdminPageCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific

    def setUp(self):
        # force_login: django-axes refuses client.login(), which authenticates without a request.
        self.user = self.create_test_user()
        self.client.force_login(self.user)

    def create(self, parent, model, data, multiple=None, routable=True):
        """``multiple`` holds multi-valued fields, which nested_form_data would flatten."""
        self.assertCanCreate(parent, model, {**nested_form_data(data), **(multiple or {})})
        page = model.objects.child_of(parent).get(slug=data["slug"])
        self.assertTrue(page.live, f"{model.__name__} was not published")
        if routable:
            self.assertPageIsRenderable(page)
        return page

    def test_home_page(self):
        page = self.create(
            Page.get_first_root_node(),
            HomePage,
            {
                "title": "Second site",
                "slug": "second-site",
                "pitch": "Cleantech by the sea",
                "body": rich_text("<p>Welcome</p>"),
                "featured_companies": inline_formset([]),
                "featured_news": inline_formset([]),
                "featured_events": inline_formset([]),
            },
            routable=False,
        )  # a new root page has no site until one is set up for it
        self.assertEqual(page.pitch, "Cleantech by the sea")

    def test_sections_and_standard_page(self):
        for model, slug in [
            (CompanyIndexPage, "companies"),
            (NewsIndexPage, "news"),
            (EventIndexPage, "events"),
            (StandardPage, "about"),
        ]:
            with self.subTest(model=model.__name__):
                data = {"title": slug.title(), "slug": slug, "intro": "Intro"}
                if model is StandardPage:
                    data["body"] = streamfield([("paragraph", rich_text("<p>About us</p>"))])
                self.create(self.home, model, data)

    def test_company_page(self):
        directory = CompanyIndexPageFactory(parent=self.home)
        sector = SectorFactory(name="Energy")
        municipality = MunicipalityFactory(name="Vaasa", country="FI")

        page = self.create(
            directory,
            CompanyPage,
            {
                "title": "Aurora Grid Oy",
                "slug": "aurora-grid",
                "pitch": "Grid automation",
                "intro": "",
                "description": streamfield(
                    [
                        ("paragraph", rich_text("<p>We automate grids.</p>")),
                        ("quote", {"text": "Reliable partner", "attribution": "A utility"}),
                    ]
                ),
                "offerings": streamfield(
                    [
                        (
                            "offering",
                            {"kind": "test_facility", "title": "Cold lab", "text": "−40 °C"},
                        ),
                    ]
                ),
                "gallery": streamfield([]),
                "social_links": streamfield([]),
                "municipality": municipality.pk,
                "size_band": "10-49",
                "founded": "2012",
                "website": "https://aurora.example",
                "contact_email": "sales@aurora.example",
                "contact_phone": "+358 40 174 0600",
                "business_id_fi": "1572860-0",
                "vat_number": "FI15728600",
            },
            multiple={
                "sectors": [sector.pk],
                "export_markets": ["NO", "DE"],
                "languages": ["fi", "sv", "en"],
            },
        )

        self.assertEqual(list(page.sectors.all()), [sector])
        self.assertEqual(page.offering_kinds, ",test_facility,")  # the directory's facet
        self.assertEqual(sorted(c.code for c in page.export_markets), ["DE", "NO"])
        self.assertEqual(sorted(page.languages), ["en", "fi", "sv"])

    def test_company_with_bad_identifier_is_refused_with_a_message(self):
        directory = CompanyIndexPageFactory(parent=self.home)
        response = self.client.post(
            f"/admin/pages/add/companies/companypage/{directory.pk}/",
            nested_form_data(
                {
                    "title": "Bad Id AB",
                    "slug": "bad-id",
                    "pitch": "x",
                    "description": streamfield([]),
                    "offerings": streamfield([]),
                    "gallery": streamfield([]),
                    "social_links": streamfield([]),
                    "org_number_se": "556036-0794",
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "check digit is wrong")
        self.assertFalse(CompanyPage.objects.filter(slug="bad-id").exists())

    def test_news_page(self):
        index = NewsIndexPageFactory(parent=self.home)
        page = self.create(
            index,
            NewsPage,
            {
                "title": "Hydrogen valley",
                "slug": "hydrogen-valley",
                "intro": "Big news",
                "date": "2026-11-20",
                "body": streamfield([("paragraph", rich_text("<p>Story</p>"))]),
                "related_companies": inline_formset([]),
            },
        )
        self.assertEqual(page.date, datetime.date(2026, 11, 20))

    def test_event_times_are_entered_in_the_event_time_zone(self):
        index = EventIndexPageFactory(parent=self.home)
        page = self.create(
            index,
            EventPage,
            {
                "title": "Matchmaking in Vaasa",
                "slug": "matchmaking-vaasa",
                "intro": "",
                "event_type": "matchmaking",
                "time_zone": "Europe/Helsinki",
                "start": "2027-01-20 10:00",
                "end": "2027-01-20 16:00",
                "venue": "Vaasa Science Park",
                "body": streamfield([]),
                "participants": inline_formset([]),
                "related_news": inline_formset([]),
            },
        )
        self.assertEqual(page.start, datetime.datetime(2027, 1, 20, 8, 0, tzinfo=datetime.UTC))
        self.assertEqual(page.end, datetime.datetime(2027, 1, 20, 14, 0, tzinfo=datetime.UTC))

        # And the editor sees the same wall-clock time when editing again.
        edit = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(edit, "2027-01-20 10:00")

    def test_event_ending_before_it_starts_is_refused(self):
        index = EventIndexPageFactory(parent=self.home)
        response = self.client.post(
            f"/admin/pages/add/events/eventpage/{index.pk}/",
            nested_form_data(
                {
                    "title": "Backwards",
                    "slug": "backwards",
                    "event_type": "webinar",
                    "time_zone": "UTC",
                    "start": "2027-01-20 10:00",
                    "end": "2027-01-20 09:00",
                    "body": streamfield([]),
                    "participants": inline_formset([]),
                    "related_news": inline_formset([]),
                    "action-publish": "action-publish",
                }
            ),
        )
        self.assertContains(response, "cannot end before it starts")
        self.assertFalse(EventPage.objects.filter(slug="backwards").exists())
