"""The Company Catalogue: a PDF per language of all companies, a directory
selection or an event's participants, built by a django-tasks task with WeasyPrint, stored
in the media storage and rebuilt only when a company in it changes.

The PDFs are read back as a person would: their text (pypdf), and their pages rendered
(pdfium) with the QR codes decoded by a real decoder (zxing-cpp)."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.helpers import catalogue_url, pdf_pages

pytestmark = pytest.mark.django_db


def test_catalogue_holds_the_selected_companies_in_the_chosen_language(client, two_companies):
    body, pages = pdf_pages(client.get(catalogue_url("sv", "?country=FI")))
    text = "\n".join(pages)

    assert "[sv] Aurora Grid Oy" in text and "[sv] Grid automation for cold climates" in text
    assert "Botnia" not in text
    assert "Företagskatalog" in pages[0]  # the cover, in Swedish
    # Fonts from Debian's fonts-dejavu-core, so å, ä and ö have glyphs everywhere.
    reader = PdfReader(io.BytesIO(body))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("DejaVu" in font for font in fonts)
    # Tagged for assistive technology (PDF/UA): structure tree, marked content, language.
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "sv"


def test_table_of_contents_page_numbers_point_at_the_companies(client, two_companies):
    from companies.factories import CompanyPageFactory

    # A long list of offerings takes two pages and pushes the next companies further.
    offering = {"kind": "product", "title": "Electrolyser", "text": "For the Bothnian Bay. " * 8}
    CompanyPageFactory(
        parent=two_companies["directory"],
        title="Aaland Hydrogen Ab",
        offerings=[{"type": "offering", "value": offering}] * 30,
        description=[
            {"type": "paragraph", "value": "<p>Green hydrogen from <b>Jakobstad</b>.</p>"},
            {
                "type": "case_study",
                "value": {
                    "title": "Port of Vaasa",
                    "client": "Vaasa city",
                    "summary": "<p>2 MW</p>",
                },
            },
        ],
    ).save_revision().publish()

    _, pages = pdf_pages(client.get(catalogue_url("en")))

    contents = pages[1]
    assert contents.startswith("Contents")
    footer = "Cleantech Kvarken · "
    listed = [
        item
        for item in re.findall(r"^(.+?)[ .]*?(\d+)$", contents, re.M)
        if not item[0].startswith(footer)
    ]
    names = [name.strip(" .") for name, _ in listed]
    assert names == [
        "Aaland Hydrogen Ab",
        "Aurora Grid Oy",
        "Botnia Heat AB",
        "Companies by sector",
    ]
    numbers = {name.strip(" ."): int(number) for name, number in listed}
    assert numbers["Botnia Heat AB"] - numbers["Aurora Grid Oy"] == 1
    assert numbers["Aurora Grid Oy"] - numbers["Aaland Hydrogen Ab"] >= 2  # two pages
    for name, number in listed:
        name = name.strip(" .")
        if name == "Companies by sector":
            assert pages[int(number) - 1].startswith("Companies by sector")
        else:
            assert pages[int(number) - 1].startswith(name), (name, number)
    # The description prints as text, references as a list of their own.
    aaland = "\n".join(pages[numbers["Aaland Hydrogen Ab"] - 1 : numbers["Aurora Grid Oy"] - 1])
    assert "Green hydrogen from Jakobstad." in aaland
    assert "References" in aaland and "Port of Vaasa (Vaasa city): 2 MW" in aaland
    # The sector index refers to the same pages.
    index_page = next(p for p in pages if p.startswith("Companies by sector"))
    found = re.search(r"Energy\s+Aurora Grid Oy[ .]*(\d+)", index_page)
    assert int(found.group(1)) == numbers["Aurora Grid Oy"]


def test_qr_code_carries_the_showcase_url_in_the_same_language(client, two_companies, locales):
    import pypdfium2
    import zxingcpp

    body, pages = pdf_pages(client.get(catalogue_url("fi", "?country=FI")))
    company = two_companies["company"].get_translation(locales["fi"])
    number = next(i for i, text in enumerate(pages) if text.startswith("[fi] Aurora Grid Oy"))

    image = pypdfium2.PdfDocument(body)[number].render(scale=150 / 72).to_pil()
    payloads = [code.text for code in zxingcpp.read_barcodes(image)]

    assert payloads == ["http://testserver" + company.url]
    assert payloads[0].startswith("http") and "/fi/" in payloads[0]


def test_stored_catalogue_is_reused_until_a_company_in_it_changes(client, two_companies):
    from companies.catalogue.models import Catalogue

    url = catalogue_url("en")
    pdf_pages(client.get(url))
    stored = Catalogue.objects.get()
    first_file, first_built = stored.file.name, stored.built_at

    pdf_pages(client.get(url))
    stored.refresh_from_db()
    assert (stored.file.name, stored.built_at) == (first_file, first_built)  # not rebuilt

    company = two_companies["company"]
    company.pitch = "Grid automation and storage for cold climates"
    company.save_revision().publish()

    _, pages = pdf_pages(client.get(url))
    stored.refresh_from_db()
    assert stored.built_at > first_built
    assert "Grid automation and storage for cold climates" in "\n".join(pages)
    assert not stored.file.storage.exists(first_file)  # the stale file is gone


def test_a_selection_without_companies_is_a_message_not_an_empty_pdf(client, two_companies):
    response = client.get(catalogue_url("en", "?sector=energy&country=SE"))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "No company matches this selection" in response.content.decode()


def test_unknown_filters_are_refused_with_a_message(client, two_companies):
    response = client.get(catalogue_url("en", "?sector=no-such-sector"))

    assert response.status_code == 400
    assert "no-such-sector" in response.content.decode()
    assert client.get(catalogue_url("en", "?event=abc")).status_code == 400


def test_event_catalogue_holds_its_participants(client, two_companies):
    event = two_companies["event"]
    event.participants.create(company=two_companies["other"])
    event.save_revision().publish()

    _, pages = pdf_pages(client.get(catalogue_url("en", f"?event={event.pk}")))
    text = "\n".join(pages)

    assert "Matchmaking day" in pages[0]
    assert "Botnia Heat AB" in text and "Aurora Grid Oy" not in text
    page = client.get(event.url).content.decode()
    assert f"{catalogue_url('en')}?event={event.pk}" in page


def test_directory_links_the_catalogue_of_its_filters(client, two_companies):
    page = client.get(two_companies["directory"].url + "?country=FI&sort=newest")

    assert f'href="{catalogue_url("en")}?country=FI"' in page.content.decode()


def test_catalogue_is_stored_in_s3_when_configured(client, two_companies, s3_media):
    from companies.catalogue.models import Catalogue

    pdf_pages(client.get(catalogue_url("en")))

    stored = Catalogue.objects.get()
    assert s3_media.keys("catalogues/") == [stored.file.name]


@pytest.fixture
def staff_client(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    user.groups.add(Group.objects.get(name="Communication staff"))
    client.force_login(user)
    return client


def test_staff_build_catalogues_in_the_admin_and_see_when_they_were_built(
    staff_client, two_companies
):
    from companies.catalogue.models import Catalogue

    page = staff_client.get("/admin/catalogues/")
    assert page.status_code == 200 and "No catalogue has been built yet." in page.content.decode()

    response = staff_client.post(
        "/admin/catalogues/", {"languages": ["en", "sv"], "sector": ["energy"]}, follow=True
    )

    assert response.status_code == 200
    built = {c.language: c for c in Catalogue.objects.all()}
    assert set(built) == {"en", "sv"}
    assert all(c.status == "ready" and c.company_count == 1 for c in built.values())
    html = response.content.decode()
    assert html.count("/download/") == 2 and "Sector: Energy" in html
    status = staff_client.get("/admin/catalogues/status/").json()
    assert {c["status"] for c in status["catalogues"]} == {"ready"}

    pdf = staff_client.get(f"/admin/catalogues/{built['sv'].pk}/download/")
    _, pages = pdf_pages(pdf)
    assert "[sv] Aurora Grid Oy" in "\n".join(pages)

    # A visitor asking for the same selection gets the stored file: nothing is rebuilt.
    built_at = built["en"].built_at
    pdf_pages(staff_client.get(catalogue_url("en", "?sector=energy")))
    built["en"].refresh_from_db()
    assert built["en"].built_at == built_at


def test_staff_are_told_when_a_selection_is_empty(staff_client, two_companies):
    from companies.catalogue.models import Catalogue

    response = staff_client.post(
        "/admin/catalogues/",
        {"languages": ["en"], "sector": ["energy"], "country": ["SE"]},
        follow=True,
    )

    assert "No published company matches the selection in en." in response.content.decode()
    assert not Catalogue.objects.exists()
    assert staff_client.post("/admin/catalogues/", {"languages": ["xx"]}).status_code == 400


def test_only_staff_reach_the_catalogue_admin(client, two_companies):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Company editors"))
    client.force_login(user)

    for url in ("/admin/catalogues/", "/admin/catalogues/status/", "/admin/catalogues/1/download/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert "/admin/catalogues/" not in client.get("/admin/").content.decode()
