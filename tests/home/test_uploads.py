"""A file the site can't take is a form error in the editor's language, never a server
error: damaged images, SVG, empty and oversized files, through every way the admin
uploads (the add and edit views, the multiple uploader, the chooser's upload tab), for
staff and for company editors uploading into their own collection."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from companies.editors.access import grant

Image = get_image_model()
Document = get_document_model()

# Django's and Wagtail's own messages, as their Swedish and Finnish catalogues have them.
NOT_AN_IMAGE = {
    "sv": "Ladda upp en giltig bild. Filen du laddade upp var antingen ingen bild eller en "
    "korrupt bild.",
    "fi": "Kuva ei kelpaa. Lähettämäsi tiedosto ei ole kuva, tai tiedosto on vioittunut.",
}
EMPTY = {"sv": "Den skickade filen är tom.", "fi": "Lähetetty tiedosto on tyhjä."}
TOO_BIG = {"sv": "Filen är för stor", "fi": "Tiedosto on liian suuri"}
NOT_SUPPORTED = {"sv": "Bildformatet stöds inte.", "fi": "Kuvan muoto ei ole tuettu."}


def encoded(fmt, width=120, height=90):
    buffer = io.BytesIO()
    PILImage.effect_noise((width, height), 40).convert("RGB").save(buffer, fmt)
    return buffer.getvalue()


def cut(content, keep):
    return content[:keep] if keep > 0 else content[: len(content) // 2]


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)

# Files whose first bytes name an allowed format, but which Pillow can't decode.
DAMAGED_IMAGES = {
    "png-cut-after-signature.png": cut(encoded("PNG"), 8),
    "png-cut-in-header.png": cut(encoded("PNG"), 40),
    "png-cut-in-pixels.png": cut(encoded("PNG"), 0),
    "jpeg-cut-in-pixels.jpg": cut(encoded("JPEG"), 0),
    "gif-cut-in-header.gif": cut(encoded("GIF"), 8),
    "webp-without-data.webp": cut(encoded("WEBP"), 20),
}


def set_language(user, code):
    """The admin's language is the user's preferred language (Account > Preferences)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


def errors(html):
    """The error messages a form shows, as the user reads them."""
    return " ".join(
        " ".join(node.get_text(" ").split())
        for node in BeautifulSoup(html, "html.parser").select(".error-message")
    )


def field_values(html, prefix=""):
    """What the re-shown form still holds: title, tags and the chosen collection."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.find("input", attrs={"name": f"{prefix}title"})
    tags = soup.find("input", attrs={"name": f"{prefix}tags"})
    collection = soup.find(attrs={"name": f"{prefix}collection"})
    if collection is not None and collection.name == "select":
        chosen = collection.find("option", selected=True)
        collection_value = chosen["value"] if chosen else None
    else:
        collection_value = collection.get("value") if collection is not None else None
    return {
        "title": title.get("value") if title else None,
        "tags": tags.get("value") if tags else None,
        "collection": collection_value,
    }


@pytest.fixture
def staff_in_swedish(admin_user, client):
    set_language(admin_user, "sv")
    client.force_login(admin_user)
    return admin_user


@pytest.fixture
def press(db):
    """A second collection, so the form offers a choice it must remember."""
    return Collection.get_first_root_node().add_child(name="Press")


@pytest.fixture
def company_editor(site_tree, client):
    """A company editor working in Finnish, allowed to upload into their company's
    collection only (the gallery's images come from there)."""
    company = site_tree["company"]
    user = get_user_model().objects.create_user("editor", "editor@aurora.example", "pw")
    grant(user, company)
    set_language(user, "fi")
    client.force_login(user)
    company.refresh_from_db()
    return company.collection


@pytest.mark.django_db
@pytest.mark.parametrize("name", DAMAGED_IMAGES)
def test_a_damaged_image_is_a_form_error_that_keeps_what_was_typed(
    client, staff_in_swedish, press, name
):
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Wind farm at dusk",
            "file": SimpleUploadedFile(name, DAMAGED_IMAGES[name]),
            "collection": press.pk,
            "tags": "wind, offshore",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_AN_IMAGE["sv"] in errors(html)
    assert field_values(html) == {
        "title": "Wind farm at dusk",
        "tags": "wind, offshore",
        "collection": str(press.pk),
    }
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_replacing_an_image_with_a_damaged_file_keeps_the_old_one(client, staff_in_swedish):
    image = Image.objects.create(title="Logo", file=SimpleUploadedFile("logo.png", encoded("PNG")))
    original = image.file.name

    response = client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "New logo",
            "file": SimpleUploadedFile("logo.png", DAMAGED_IMAGES["png-cut-in-header.png"]),
            "collection": image.collection_id,
            "tags": "brand",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert NOT_AN_IMAGE["sv"] in errors(html)
    assert field_values(html)["title"] == "New logo"
    image.refresh_from_db()
    assert (image.title, image.file.name) == ("Logo", original)


MULTIPLE_UPLOAD_REFUSALS = [
    *((name, content, NOT_AN_IMAGE) for name, content in DAMAGED_IMAGES.items()),
    ("empty.png", b"", EMPTY),
    ("oversized.png", encoded("PNG") + b"\0" * (10 * 1024 * 1024), TOO_BIG),
    ("drawing.svg", SVG_WITH_SCRIPT, NOT_SUPPORTED),
    ("malformed.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><g><rect", NOT_AN_IMAGE),
    ("disguised-svg.png", SVG_WITH_SCRIPT, {"sv": "Inte en giltig .png bild"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name, content, message", MULTIPLE_UPLOAD_REFUSALS)
def test_the_multiple_uploader_refuses_each_bad_file_with_a_message(
    client, staff_in_swedish, name, content, message
):
    # The uploader's page posts each file on its own and shows the error next to it.
    response = client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert message["sv"] in answer["error_message"]
    assert not Image.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["png-cut-after-signature.png", "jpeg-cut-in-pixels.jpg"])
def test_a_company_editor_uploading_a_damaged_gallery_image_gets_a_finnish_form_error(
    client, company_editor, name
):
    # The gallery's image chooser has an upload tab; its form comes back inside JSON.
    prefix = "image-chooser-upload-"
    response = client.post(
        "/admin/images/chooser/create/",
        {
            f"{prefix}title": "Tehdashalli",
            f"{prefix}file": SimpleUploadedFile(name, DAMAGED_IMAGES[name]),
            f"{prefix}collection": company_editor.pk,
            f"{prefix}tags": "tuotanto",
        },
    )

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["step"] == "reshow_creation_form"
    html = answer["htmlFragment"]
    assert NOT_AN_IMAGE["fi"] in errors(html)
    assert field_values(html, prefix)["title"] == "Tehdashalli"
    assert field_values(html, prefix)["tags"] == "tuotanto"
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_company_editor_using_the_multiple_uploader_gets_a_finnish_error(client, company_editor):
    response = client.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile("hall.png", DAMAGED_IMAGES["png-cut-in-pixels.png"]),
            "collection": company_editor.pk,
        },
    )

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert answer["error_message"] == NOT_AN_IMAGE["fi"]
    assert not Image.objects.exists()


def oversized_document():
    # Just over the 20 MB limit the README promises (WAGTAILDOCS_MAX_UPLOAD_SIZE).
    return SimpleUploadedFile("annual-report.pdf", b"%PDF-1.7\n" + b"0" * (21 * 1024 * 1024))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "upload, message",
    [
        (oversized_document, TOO_BIG),
        (lambda: SimpleUploadedFile("empty.pdf", b""), EMPTY),
    ],
    ids=["oversized", "empty"],
)
def test_documents_over_the_size_limit_or_empty_are_refused_with_only_the_reason(
    client, staff_in_swedish, press, upload, message
):
    response = client.post(
        "/admin/documents/add/",
        {"title": "Annual report", "file": upload(), "collection": press.pk, "tags": "2026"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    shown = errors(html)
    assert message["sv"] in shown
    # The reason alone: not also "the file extension “” is not valid" for a .pdf.
    assert "Filändelsen" not in shown
    assert field_values(html) == {
        "title": "Annual report",
        "tags": "2026",
        "collection": str(press.pk),
    }
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_document_uploaders_refuse_an_oversized_document(client, company_editor):
    multiple = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": oversized_document(), "collection": company_editor.pk},
    )
    prefix = "document-chooser-upload-"
    chooser = client.post(
        "/admin/documents/chooser/create/",
        {
            f"{prefix}title": "Vuosikertomus",
            f"{prefix}file": oversized_document(),
            f"{prefix}collection": company_editor.pk,
        },
    )

    answer = json.loads(multiple.content)
    assert answer["success"] is False
    assert answer["error_message"].startswith(TOO_BIG["fi"])
    assert "ei ole sallittu" not in answer["error_message"]  # "extension not allowed"
    html = json.loads(chooser.content)["htmlFragment"]
    assert TOO_BIG["fi"] in errors(html)
    assert field_values(html, prefix)["title"] == "Vuosikertomus"
    assert not Document.objects.exists()
