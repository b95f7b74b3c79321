"""Media on a real S3-protocol server (S3Proxy, started by `make test`): uploads through
Wagtail land in the bucket with the right type and cache headers, come back over HTTP,
and are removed again; bad uploads leave nothing behind; an unreachable store degrades
pages and refuses uploads clearly."""

import io
import re
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

Image = get_image_model()
Document = get_document_model()


def png(width=64, height=48, colour=(11, 93, 122)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def fetch(url):
    """GET over HTTP as a browser would: (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def upload_image(admin_client, name, content, title="Logo"):
    return admin_client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_images_round_trip_through_the_bucket(
    admin_client, s3_media, django_capture_on_commit_callbacks
):
    response = upload_image(admin_client, "aurora-logo.png", png())

    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get(title="Logo")
    original = image.file.name
    assert s3_media.keys("original_images/") == [original]
    assert s3_media.head(original)["ContentType"] == "image/png"
    # Originals are private: anonymous requests are refused, signed links work.
    assert fetch(f"{s3_media.endpoint_url}/{s3_media.name}/{original}")[0] == 403
    assert "X-Amz-Signature=" in image.file.url
    status, _headers, body = fetch(image.file.url)
    assert status == 200 and body == png()

    rendition = image.get_rendition("fill-32x32|format-webp")

    assert s3_media.keys("images/") == [rendition.file.name]
    head = s3_media.head(rendition.file.name)
    assert head["ContentType"] == "image/webp"
    assert head["CacheControl"] == "public, max-age=31536000, immutable"
    assert "X-Amz-Signature" not in rendition.url  # public, cacheable by a CDN
    status, headers, body = fetch(rendition.url)
    assert status == 200 and headers["Content-Type"] == "image/webp"
    assert PILImage.open(io.BytesIO(body)).size == (32, 32)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/images/{image.pk}/delete/")

    assert response.status_code == 302
    assert s3_media.keys() == []


@pytest.mark.django_db
def test_documents_are_private_and_served_through_short_lived_links(admin_client, client, s3_media):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Catalogue",
            "file": SimpleUploadedFile("catalogue.pdf", b"%PDF-1.4 test"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    document = Document.objects.get(title="Catalogue")
    assert s3_media.keys("documents/") == [document.file.name]
    assert s3_media.head(document.file.name)["ContentType"] == "application/pdf"
    assert fetch(f"{s3_media.endpoint_url}/{s3_media.name}/{document.file.name}")[0] == 403

    served = client.get(document.url)

    assert served.status_code == 302
    assert "X-Amz-Expires=300" in served["Location"]
    status, _headers, body = fetch(served["Location"])
    assert status == 200 and body == b"%PDF-1.4 test"


def pixel_bomb():
    """A small PNG that decodes to 100 million pixels."""
    buffer = io.BytesIO()
    PILImage.new("1", (10_000, 10_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


SVG_WITH_SCRIPT = b"""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("notes.png", b"this is not an image", "Upload a valid image"),
        ("drawing.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
        ("program.exe", b"MZ\x90\x00", "Upload a valid image"),
        ("huge.png", pixel_bomb(), "too many pixels"),
        (
            "big.png",
            png(2000, 2000, (1, 2, 3)) + b"\0" * (11 * 1024 * 1024),
            "This file is too big",
        ),
    ],
)
def test_unsafe_images_are_refused_and_nothing_reaches_the_bucket(
    admin_client, s3_media, name, content, message
):
    response = upload_image(admin_client, name, content)

    assert response.status_code == 200
    errors = re.findall(r'class="error-message"[^>]*>(.*?)<', response.content.decode(), re.S)
    assert message in " ".join(errors), errors
    assert not Image.objects.exists()
    assert s3_media.keys() == []


@pytest.mark.django_db
def test_documents_outside_the_allow_list_are_refused(admin_client, s3_media):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Script",
            "file": SimpleUploadedFile("invoice.html", b"<script>alert(1)</script>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    errors = re.findall(r'class="error-message"[^>]*>(.*?)<', response.content.decode(), re.S)
    assert "html" in " ".join(errors), errors
    assert s3_media.keys() == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../../etc/logo.png", "..\\..\\logo.png", "lo go ä?.png"])
def test_file_names_are_sanitised(admin_client, s3_media, name):
    response = upload_image(admin_client, name, png())

    assert response.status_code == 302
    key = Image.objects.get().file.name
    assert key.startswith("original_images/") and ".." not in key and "\\" not in key
    assert s3_media.keys() == [key]


@pytest.fixture
def store_down(settings, s3_media):
    """The S3 endpoint stops answering (nothing listens on port 9)."""
    from kvarken.settings.base import s3_storages

    down = s3_storages(s3_media.name, endpoint_url="http://127.0.0.1:9")
    settings.STORAGES = {**settings.STORAGES, **down}


@pytest.mark.django_db
def test_pages_render_while_the_store_is_down(client, site_tree, s3_media, settings):
    company = site_tree["company"]
    logo = Image.objects.create(title="Logo", file=SimpleUploadedFile("logo.png", png()))
    company.logo = logo
    company.save_revision().publish()
    shown = logo.get_rendition("fill-160x160|format-webp")  # made while the store was up
    from kvarken.settings.base import s3_storages

    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(s3_media.name, endpoint_url="http://127.0.0.1:9"),
    }

    page = client.get(company.url)
    directory = client.get(site_tree["directory"].url)

    assert page.status_code == 200 and directory.status_code == 200
    assert shown.file.name in directory.content.decode()  # existing renditions still link
    # The showcase's 200x200 logo was never made: an empty placeholder instead of a 500.
    assert 'class="company__logo"' in page.content.decode()
    assert not logo.renditions.filter(filter_spec__startswith="fill-200x200").exists()


@pytest.mark.django_db
def test_an_upload_while_the_store_is_down_gets_a_clear_error(admin_client, store_down):
    response = upload_image(admin_client, "logo.png", png())

    assert response.status_code == 503
    assert "The file store can&#x27;t be reached right now" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_check_media_reports_and_repairs_missing_files(s3_media, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    image = Image.objects.create(title="Logo", file=SimpleUploadedFile("logo.png", png()))
    rendition = image.get_rendition("fill-32x32")
    original = image.file.name
    # A bucket restore lost both files.
    s3_media.client.delete_object(Bucket=s3_media.name, Key=original)
    s3_media.client.delete_object(Bucket=s3_media.name, Key=rendition.file.name)

    with pytest.raises(CommandError, match="missing"):
        call_command("check_media")
    report = capsys.readouterr().out
    assert f"missing   image {image.pk} (Logo): {original}" in report
    assert f"missing   rendition fill-32x32 of image {image.pk}" in report

    backup = tmp_path / original
    backup.parent.mkdir(parents=True)
    backup.write_bytes(png())
    call_command("check_media", "--repair", "--restore-from", str(tmp_path))

    assert "2 repaired, 0 still missing." in capsys.readouterr().out
    assert original in s3_media.keys("original_images/")
    regenerated = image.renditions.get(filter_spec="fill-32x32")
    assert s3_media.keys("images/") == [regenerated.file.name]
    call_command("check_media")  # nothing missing any more: no error


@pytest.mark.django_db
def test_a_background_upload_while_the_store_is_down_gets_a_json_error(admin_client, store_down):
    # The editor's multiple-upload and chooser uploads talk JSON to the page in the browser,
    # which keeps its form: the answer says what happened instead of a server error page.
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("logo.png", png())},
        headers={"X-Requested-With": "XMLHttpRequest", "Accept": "application/json"},
    )

    assert response.status_code == 503
    assert response.json()["success"] is False
    assert "the file was not saved" in response.json()["error_message"]
    assert not Image.objects.exists()
