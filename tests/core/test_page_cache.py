"""Anonymous visitors get pages from the shared cache (the real Redis server `make test`
starts); a publish, unpublish, move, deletion, privacy rule, translation, snippet, image or
site change shows on the very next request, on the page and on the listings that show it;
editors and previews never see or fill the cache; CDNs get ETags and conditional GET."""

import re

import pytest
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction, Site

from companies.directory import facet_index
from companies.factories import CompanyPageFactory
from companies.inquiries.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publishes a page's changes as the admin does: the cache is invalidated once the
    transaction commits."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return _publish


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def in_swedish(page):
    return page.get_translation(Locale.objects.get(language_code="sv")).specific


def text(response):
    return response.content.decode()


def served_from_cache(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        return client.get(url)


@pytest.mark.parametrize(
    "url",
    [
        lambda tree: tree["home"].url,
        lambda tree: tree["directory"].url,
        lambda tree: tree["directory"].url + "?sector=energy&country=FI",
        lambda tree: tree["company"].url,
        lambda tree: tree["news"].url,
        lambda tree: tree["event"].url,
        lambda tree: "/en/search/?q=grid",
        lambda tree: tree["news_index"].url + "rss/",
        lambda tree: tree["event"].url + "ics/",
        lambda tree: in_swedish(tree["directory"]).url,
    ],
    ids=["home", "directory", "facets", "company", "news", "event", "search", "rss", "ics", "sv"],
)
def test_a_second_anonymous_visit_is_served_from_the_cache(
    client, two_companies, page_cache, django_assert_num_queries, url
):
    address = url(two_companies)
    first = client.get(address)
    assert first.status_code == 200
    assert not first.cookies, "a cached page must not set a cookie"
    assert "public" in first["Cache-Control"] and "s-maxage=60" in first["Cache-Control"]

    again = served_from_cache(client, address, django_assert_num_queries)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_the_security_headers(client, site_tree, page_cache):
    client.get(site_tree["company"].url)
    again = client.get(site_tree["company"].url)
    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert again["X-Content-Type-Options"] == "nosniff"


def test_publishing_shows_on_the_page_and_its_listings_at_once(
    client, two_companies, page_cache, publish
):
    tree = two_companies
    company = tree["company"]
    urls = [company.url, tree["directory"].url, "/en/search/?q=aurora"]
    for url in urls:
        assert "Aurora Grid Oy" in text(client.get(url))

    company.title = "Aurora Grid Systems Oy"
    publish(company)

    for url in urls:
        page = text(client.get(url))
        assert "Aurora Grid Systems Oy" in page, url
        assert "Aurora Grid Oy<" not in page, url


def test_publishing_a_translation_shows_in_that_language(
    client, two_companies, page_cache, publish
):
    swedish = in_swedish(two_companies["company"])
    swedish_directory = in_swedish(two_companies["directory"]).url
    assert "[sv] Aurora Grid Oy" in text(client.get(swedish_directory))

    swedish.title = "Aurora Grid Ab"
    publish(swedish)

    listing = text(client.get(swedish_directory))
    assert "Aurora Grid Ab" in listing
    assert "[sv] Aurora Grid Oy" not in listing


def test_a_new_translation_appears_in_the_listing(
    client, two_companies, page_cache, translate_tree, committed
):
    tree = two_companies
    newcomer = CompanyPageFactory(parent=tree["directory"], title="Kvarken Wind Oy")
    swedish_directory = in_swedish(tree["directory"]).url
    # Until it is translated, the Swedish directory lists it in English.
    assert "[sv] Kvarken Wind Oy" not in text(client.get(swedish_directory))

    with committed():
        translate_tree(newcomer)

    assert "[sv] Kvarken Wind Oy" in text(client.get(swedish_directory))


def test_unpublishing_removes_the_page_and_its_listing_entry(
    client, two_companies, page_cache, committed
):
    company, directory = two_companies["company"], two_companies["directory"]
    assert client.get(company.url).status_code == 200
    assert "Aurora Grid Oy" in text(client.get(directory.url))

    with committed():
        company.unpublish()

    assert client.get(company.url).status_code == 404
    assert "Aurora Grid Oy" not in text(client.get(directory.url))


def test_moving_a_page_moves_it_at_once(client, site_tree, page_cache, committed):
    about, news_index = site_tree["standard"], site_tree["news_index"]
    old_url = about.url
    assert client.get(old_url).status_code == 200

    with committed():
        about.move(news_index, pos="last-child")

    about.refresh_from_db()
    moved = client.get(old_url)  # Wagtail leaves a redirect at the old address
    assert (moved.status_code, moved["Location"]) == (301, about.url)
    assert client.get(about.url).status_code == 200


def test_a_deleted_page_is_gone_at_once(client, site_tree, page_cache, committed):
    company, directory = site_tree["company"], site_tree["directory"]
    assert client.get(company.url).status_code == 200
    assert "Aurora Grid Oy" in text(client.get(directory.url))

    with committed():
        company.delete()

    assert client.get(company.url).status_code == 404
    assert "Aurora Grid Oy" not in text(client.get(directory.url))


@pytest.mark.parametrize("private", ["page", "parent"])
def test_a_page_made_private_is_never_served_from_the_cache(
    client, site_tree, page_cache, committed, private
):
    company = site_tree["company"]
    restricted = company if private == "page" else site_tree["directory"]
    assert "Aurora Grid Oy" in text(client.get(company.url))  # cached

    with committed():
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.LOGIN
        )

    for _visit in range(2):
        answer = client.get(company.url)
        assert answer.status_code == 302, "a private page was served to a visitor"
        assert answer["Location"].endswith(f"/login/?next={company.url}")
        assert "Aurora Grid Oy" not in text(answer)


def test_a_changed_image_shows_at_once(client, site_tree, page_cache, committed):
    logo = get_image_model().objects.create(
        title="Aurora logo", file=get_test_image_file(size=(600, 400))
    )
    company = site_tree["company"]
    company.logo = logo
    company.save_revision().publish()

    def logo_address():
        page = text(client.get(company.url))
        return re.search(r'<img [^>]*class="company__logo"[^>]*src="([^"]+)"', page).group(1)

    before = logo_address()
    assert logo_address() == before  # from the cache

    # The editor moves the logo's focal point: its crop (and rendition) changes.
    logo.focal_point_x, logo.focal_point_y = 550, 200
    logo.focal_point_width, logo.focal_point_height = 50, 50
    with committed():
        logo.save()

    assert logo_address() != before


def test_a_site_given_another_root_page_serves_it_at_once(client, site_tree, page_cache, committed):
    """The Site decides which page a language's address opens (canonical links come from
    the configured base URL, not from the Site): a change reaches visitors at once."""
    front = site_tree["home"].url
    heading = re.compile(r"<h1[^>]*>\s*About the cluster\s*</h1>")
    assert not heading.search(text(client.get(front)))
    site = Site.objects.get(is_default_site=True)
    site.root_page = site_tree["standard"]
    with committed():
        site.save()

    assert heading.search(text(client.get(front)))


def test_a_renamed_sector_shows_in_the_directory_filters(
    client, two_companies, page_cache, committed
):
    directory = two_companies["directory"].url
    assert "Renewable energy" not in text(client.get(directory))

    sector = two_companies["sector"]
    sector.name = "Renewable energy"
    with committed():
        sector.save()

    assert "Renewable energy" in text(client.get(directory))


def test_a_draft_stays_out_of_public_pages(client, site_tree, page_cache, committed):
    company = site_tree["company"]
    client.get(company.url)
    company.title = "Draft title"
    with committed():
        company.save_revision()
    assert "Draft title" not in text(client.get(company.url))


def test_editors_never_see_or_fill_the_cache(client, admin_user, site_tree, page_cache):
    company = site_tree["company"]
    editor = Client()
    editor.force_login(admin_user)

    seen_by_editor = editor.get(company.url)
    assert "wagtail-userbar" in text(seen_by_editor)
    assert "no-store" in seen_by_editor["Cache-Control"]
    assert "private" in seen_by_editor["Cache-Control"]

    # The visitor after the editor: no editor's user bar, and now a cached copy...
    visitor_view = client.get(company.url)
    assert "wagtail-userbar" not in text(visitor_view)
    assert "public" in visitor_view["Cache-Control"]
    # ...which the editor still doesn't get.
    assert "wagtail-userbar" in text(editor.get(company.url))


def test_previews_are_never_cached(client, admin_user, site_tree, page_cache, committed):
    company = site_tree["company"]
    company.title = "Unpublished new name"
    with committed():
        company.save_revision()
    editor = Client()
    editor.force_login(admin_user)

    draft = editor.get(f"/admin/pages/{company.pk}/view_draft/")
    assert "Unpublished new name" in text(draft)
    assert "Unpublished new name" not in text(client.get(company.url))
    assert "Unpublished new name" in text(editor.get(f"/admin/pages/{company.pk}/view_draft/"))


def test_a_cdn_revalidates_with_the_etag(client, site_tree, page_cache, publish):
    company = site_tree["company"]
    first = client.get(company.url)

    unchanged = client.get(company.url, headers={"If-None-Match": first["ETag"]})
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    company.pitch = "Grid automation for the Arctic"
    publish(company)

    changed = client.get(company.url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "Grid automation for the Arctic" in text(changed)


def test_head_requests_are_answered_from_the_cache(
    client, site_tree, page_cache, django_assert_num_queries
):
    url = site_tree["news"].url
    client.get(url)
    with django_assert_num_queries(0):
        head = client.head(url)
    assert head.status_code == 200


def test_a_visitor_sends_an_inquiry_from_a_cached_page_without_cookies(
    site_tree, page_cache, django_capture_on_commit_callbacks, inquiry_form
):
    company = site_tree["company"]
    # A browser that refuses cookies, against a server that checks CSRF tokens.
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(company.url)
    page = text(visitor.get(company.url))
    assert "csrfmiddlewaretoken" not in page
    action = re.search(r'<form method="post" action="([^"#]+)#contact" class="inquiry-form"', page)
    visitor.cookies.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sent = visitor.post(action.group(1), inquiry_form())

    assert sent.status_code == 302
    assert sent["Location"] == f"{company.url}?sent=1#contact"
    assert Inquiry.objects.get().organisation == "Stadtwerke Nord"
    assert "no-store" not in visitor.get(f"{company.url}?sent=1").get("Cache-Control", "")


def test_an_inquiry_with_errors_is_shown_again_with_what_was_written(
    client, site_tree, inquiry_form
):
    company = site_tree["company"]
    page = text(client.get(company.url))
    action = re.search(r'action="([^"#]+)#contact" class="inquiry-form"', page).group(1)

    answer = client.post(action, inquiry_form(email="not an address"))

    assert answer.status_code == 400
    assert "We need grid automation for 40 substations" in text(answer)
    assert not Inquiry.objects.exists()


def test_an_inquiry_to_a_page_that_is_not_a_company_is_a_404(client, site_tree, inquiry_form):
    news = site_tree["news"]
    assert client.post(f"/en/inquiry/{news.pk}/", inquiry_form()).status_code == 404
    assert client.get(f"/en/inquiry/{site_tree['company'].pk}/").status_code == 405


def test_directory_counts_follow_a_publish_while_pages_are_not_cached(
    client, two_companies, page_cache, settings, publish, committed, monkeypatch
):
    """The directory's facet index is kept in Redis under the same generation as pages,
    also with page caching off: a publish or unpublish shows in the counts and the list on
    the next request, and in between it is built once, not for every view."""
    settings.PAGE_CACHE_SECONDS = 0
    builds = []
    build = facet_index.build

    def counted_build(companies):
        builds.append(companies)
        return build(companies)

    monkeypatch.setattr(facet_index, "build", counted_build)
    tree = two_companies
    heating = tree["directory"].url + "?sector=heating"

    def view():
        page = text(client.get(heating))
        found = re.search(r'value="heating"[^>]*>[^<]*<span class="facet__count">\((\d+)', page)
        return int(found.group(1)), page

    number, page = view()
    assert number == 1 and "Botnia Heat AB" in page
    assert view()[0] == 1
    assert len(builds) == 1  # the second view read the index, it didn't build it again

    newcomer = CompanyPageFactory(parent=tree["directory"], title="Kvarken Heat Oy")
    newcomer.sectors.set([tree["heat"]])
    publish(newcomer)
    number, page = view()
    assert number == 2 and "Kvarken Heat Oy" in page
    view()
    assert len(builds) == 2

    with committed():
        newcomer.unpublish()
    number, page = view()
    assert number == 1 and "Kvarken Heat Oy" not in page
    assert len(builds) == 3
