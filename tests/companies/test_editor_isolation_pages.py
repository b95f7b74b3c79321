"""A company editor sees no trace of another company's draft in any admin page view:
explorer, page chooser, bulk actions, reports. Staff still see every page."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from companies.editors.access import grant
from companies.factories import CompanyPageFactory
from companies.models import CompanyPage
from home.translation.from_texts import translate_strings

# Company B's unpublished draft title, in every language: nothing else on the site has it.
SECRET = "Quillwort Stealth"
LANGUAGES = ("en", "sv", "fi")


def draft_text(code):
    def text_for(path, position, segments):
        source = segments[position].string.data
        return f"{source}-{code}" if path == "slug" else f"{source} {code.upper()}"

    return text_for


@pytest.fixture
def pages(translated_tree, locales):
    """A (Aurora Grid Oy, published in en/sv/fi) and B: published in English as "Botnia
    Heat Oy" with a pending draft titled SECRET, and Swedish and Finnish translations
    that were never published (SECRET SV, SECRET FI). By language: a, b, directory."""
    a = CompanyPage.objects.get(pk=translated_tree["company"].pk)
    b = CompanyPageFactory(parent=translated_tree["directory"], title="Botnia Heat Oy")
    b.save_revision().publish()
    b.title = f"{SECRET} Oy"
    b.save_revision()
    for code in ("sv", "fi"):
        translate_strings(b, locales[code], draft_text(code), publish=False)
    return {
        code: {
            "a": a.get_translation(locales[code]),
            "b": b.get_translation(locales[code]),
            "directory": translated_tree["directory"].get_translation(locales[code]),
        }
        for code in LANGUAGES
    }


@pytest.fixture
def editor(pages, client):
    user = get_user_model().objects.create_user("editor-a", "editor@a.example", "pw")
    grant(user, pages["en"]["a"])
    client.force_login(user)
    return user


@pytest.fixture
def staff(pages):
    """A client logged in as communication staff: the positive control."""
    user = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    user.groups.add(Group.objects.get(name="Communication staff"))
    staff_client = Client()
    staff_client.force_login(user)
    return staff_client


def text(response):
    """What the user gets: the page, fragment or export (an XLSX as its cell values)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        return repr(list(sheet.iter_rows(values_only=True)))
    return body.decode()


def refused(response):
    """Wagtail's "no permission" answer: back to the dashboard (or 403/404), not a login."""
    return response.status_code in (302, 403, 404) and "/login/" not in response.get("Location", "")


def no_trace(client, path):
    """Requests ``path`` (following redirects) and returns the first response, having
    checked that nothing the user ends up on names B's draft."""
    response = client.get(path)
    final = client.get(path, follow=True)
    assert SECRET not in text(final), path
    return response


@pytest.mark.django_db
def test_the_explorer_neither_opens_nor_lists_another_companys_page(client, editor, staff, pages):
    for code in LANGUAGES:
        b, directory = pages[code]["b"], pages[code]["directory"]
        assert refused(no_trace(client, f"/admin/pages/{b.pk}/")), code
        assert refused(no_trace(client, f"/admin/pages/{b.pk}/results/")), code
        listing = no_trace(client, f"/admin/pages/{directory.pk}/")
        assert listing.status_code == 200
        assert pages[code]["a"].title in text(listing), code
        no_trace(client, f"/admin/pages/{directory.pk}/results/?q=Quillwort")

        assert SECRET in text(staff.get(f"/admin/pages/{directory.pk}/")), code
        assert SECRET in text(staff.get(f"/admin/pages/{b.pk}/")), code


@pytest.mark.django_db
def test_the_page_chooser_offers_no_draft_of_another_company(client, editor, staff, pages):
    for code in LANGUAGES:
        b, directory = pages[code]["b"], pages[code]["directory"]
        browse = no_trace(client, f"/admin/choose-page/{directory.pk}/")
        assert browse.status_code == 200
        assert pages[code]["a"].title in text(browse), code
        assert refused(no_trace(client, f"/admin/choose-page/{b.pk}/")), code
        assert refused(no_trace(client, f"/admin/choose-page/chosen-multiple/?id={b.pk}"))
        assert SECRET in text(staff.get(f"/admin/choose-page/{directory.pk}/")), code
    search = no_trace(client, "/admin/choose-page/search/?q=Quillwort")
    assert search.status_code == 200
    own = client.get("/admin/choose-page/search/?q=Aurora")
    assert all(pages[code]["a"].title in text(own) for code in LANGUAGES)
    assert SECRET in text(staff.get("/admin/choose-page/search/?q=Quillwort"))


@pytest.mark.django_db
def test_bulk_delete_confirmation_names_no_page_of_another_company(client, editor, staff, pages):
    b_ids = "&".join(f"id={pages[code]['b'].pk}" for code in LANGUAGES)
    assert refused(no_trace(client, f"/admin/bulk/wagtailcore/page/delete/?{b_ids}"))

    a = pages["en"]["a"]
    mixed = no_trace(client, f"/admin/bulk/wagtailcore/page/delete/?id={a.pk}&{b_ids}")
    assert mixed.status_code == 200 and a.title in text(mixed)

    response = staff.get(f"/admin/bulk/wagtailcore/page/delete/?{b_ids}")
    assert response.status_code == 200
    assert all(f"{SECRET} Oy{suffix}" in text(response) for suffix in ("", " SV", " FI"))


REPORTS = {
    "/admin/reports/page-types-usage/": ["", "results/"],
    "/admin/reports/aging-pages/": ["", "results/", "?export=csv", "?export=xlsx"],
}


@pytest.mark.django_db
def test_page_reports_are_closed_to_company_editors(client, editor, staff, pages):
    for report, variants in REPORTS.items():
        for variant in variants:
            assert refused(no_trace(client, report + variant)), report + variant
        assert report not in text(client.get("/admin/")), report

    staff_home = text(staff.get("/admin/"))
    for report, variants in REPORTS.items():
        assert report in staff_home, report
        for variant in variants:
            assert staff.get(report + variant).status_code == 200, report + variant
    assert SECRET in text(staff.get("/admin/reports/page-types-usage/"))
    assert "Botnia Heat Oy" in text(staff.get("/admin/reports/aging-pages/?export=xlsx"))
