"""Editors can only build sensible trees: each page type lives where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from companies.models import CompanyIndexPage, CompanyPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_holds_the_sections_and_standard_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage, {CompanyIndexPage, NewsIndexPage, EventIndexPage, StandardPage}
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_companies_live_only_in_the_directory(self):
        self.assertAllowedParentPageTypes(CompanyPage, {CompanyIndexPage})
        self.assertAllowedSubpageTypes(CompanyIndexPage, {CompanyPage})
        self.assertAllowedSubpageTypes(CompanyPage, set())

    def test_news_live_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_events_live_only_in_the_event_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_sections_are_single_per_home_page(self):
        for model in (CompanyIndexPage, NewsIndexPage, EventIndexPage):
            with self.subTest(model=model.__name__):
                self.assertEqual(model.max_count_per_parent, 1)
