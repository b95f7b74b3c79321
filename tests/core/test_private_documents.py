"""Documents in a collection restricted to signed-in users are served only by Wagtail's
document view, which checks that restriction: never straight from MEDIA_URL, in the
test (production-like) configuration or in `make run`'s (DEBUG) URLs."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import kvarken.urls

Document = get_document_model()
CONTENT = b"%PDF-1.4 board minutes: not for the public"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def dev_urls(settings, media_root):
    """The URLs `make run` serves (DEBUG on), media folder included."""
    debug = settings.DEBUG
    settings.DEBUG = True
    importlib.reload(kvarken.urls)
    clear_url_caches()
    yield
    settings.DEBUG = debug
    importlib.reload(kvarken.urls)
    clear_url_caches()


@pytest.fixture
def private_document(media_root, db):
    board = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Board minutes", collection=board, file=ContentFile(CONTENT, name="minutes.pdf")
    )
    assert (media_root / document.file.name).read_bytes() == CONTENT
    return document


def downloaded(response):
    return b"".join(response.streaming_content)


def assert_only_through_the_document_view(client, document, django_user_model):
    assert client.get(f"/media/{document.file.name}").status_code != 200
    # A path that climbs out of a folder that is served.
    assert client.get(f"/media/images/../{document.file.name}").status_code != 200
    assert document.url == f"/documents/{document.pk}/minutes.pdf"

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    signed_in = client.get(document.url)
    assert signed_in.status_code == 200
    assert downloaded(signed_in) == CONTENT


@pytest.mark.django_db
def test_a_private_document_is_not_served_from_media(client, private_document, django_user_model):
    assert_only_through_the_document_view(client, private_document, django_user_model)


@pytest.mark.django_db
def test_make_runs_media_serving_skips_documents_but_serves_images(
    client, dev_urls, private_document, media_root, django_user_model
):
    (media_root / "images").mkdir()
    (media_root / "images" / "logo.fill-80x80.png").write_bytes(b"rendition")

    assert downloaded(client.get("/media/images/logo.fill-80x80.png")) == b"rendition"
    assert client.get(f"/media/{private_document.file.name}").status_code == 404
    assert_only_through_the_document_view(client, private_document, django_user_model)
