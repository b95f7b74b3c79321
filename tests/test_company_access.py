"""A company editor edits their own company's showcase, in every language, and nothing
else: every admin URL for another company is refused (first slice of issue 5)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from companies.access import grant, revoke
from companies.factories import CompanyPageFactory
from companies.models import CompanyPage


@pytest.fixture
def companies(translated_tree):
    a = CompanyPage.objects.get(pk=translated_tree["company"].pk)
    b = CompanyPageFactory(parent=translated_tree["directory"], title="Botnia Heat Oy")
    b.save_revision().publish()
    b.refresh_from_db()
    a.refresh_from_db()
    return a, b


@pytest.fixture
def editor(companies, client):
    a, _b = companies
    user = get_user_model().objects.create_user("editor-a", "editor@a.example", "pw")
    grant(user, a)
    client.force_login(user)
    return user


def refused(response):
    return response.status_code in (302, 403) and "/login/" not in response.get("Location", "")


@pytest.mark.django_db
def test_the_editor_edits_their_company_in_every_language(client, editor, companies, locales):
    a, _b = companies

    assert client.get("/admin/").status_code == 200
    for code in ("en", "sv", "fi"):
        page = a.get_translation(locales[code])
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, code


REFUSED_PATHS = [
    "/admin/pages/{b}/edit/",
    "/admin/pages/{b}/delete/",
    "/admin/pages/{b}/unpublish/",
    "/admin/pages/{b}/move/",
    "/admin/pages/{b}/copy/",
    "/admin/pages/{b}/revisions/",
    "/admin/pages/{b}/history/",
    "/admin/pages/{parent}/add_subpage/",
    "/admin/snippets/home/sector/",
    "/admin/snippets/search/glossaryentry/",
    "/admin/snippets/companies/inquiry/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
]


@pytest.mark.django_db
def test_everything_else_is_refused(client, editor, companies, subtests):
    _a, b = companies

    for path in REFUSED_PATHS:
        with subtests.test(path=path):
            response = client.get(path.format(b=b.pk, parent=b.get_parent().pk))
            assert refused(response), (path, response.status_code)


@pytest.mark.django_db
def test_the_editor_cannot_change_or_publish_another_company(client, editor, companies):
    _a, b = companies

    client.post(f"/admin/pages/{b.pk}/edit/", {"title": "Hijacked", "action-publish": "1"})
    client.post(f"/admin/pages/{b.pk}/delete/")
    client.post(f"/admin/pages/{b.pk}/lock/")
    client.post(f"/admin/pages/{b.pk}/unpublish/")

    b.refresh_from_db()
    assert b.title == "Botnia Heat Oy" and b.live and not b.locked


@pytest.mark.django_db
def test_uploads_go_to_the_company_collection_only(client, editor, companies, settings):
    import io

    from PIL import Image as PILImage

    a, b = companies
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (1, 2, 3)).save(buffer, "PNG")

    def upload(collection):
        return client.post(
            "/admin/images/add/",
            {
                "title": "Logo",
                "file": SimpleUploadedFile("logo.png", buffer.getvalue()),
                "collection": collection.pk,
            },
        )

    assert upload(a.collection).status_code == 302
    upload(b.collection)  # the editor has one collection: Wagtail puts it there

    images = get_image_model().objects.all()
    assert images and {image.collection for image in images} == {a.collection}


@pytest.mark.django_db
def test_one_editor_for_several_companies_and_revoking(client, editor, companies):
    a, b = companies
    grant(editor, b)
    assert client.get(f"/admin/pages/{b.pk}/edit/").status_code == 200

    revoke(editor, b)
    assert refused(client.get(f"/admin/pages/{b.pk}/edit/"))
    assert client.get(f"/admin/pages/{a.pk}/edit/").status_code == 200

    revoke(editor, a)
    assert "/login/" in client.get("/admin/").get("Location", "")


@pytest.mark.django_db
def test_communication_staff_edit_publish_and_manage_taxonomies(client, companies):
    from django.contrib.auth.models import Group

    _a, b = companies
    staff = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    staff.groups.add(Group.objects.get(name="Communication staff"))
    client.force_login(staff)

    for path in [
        f"/admin/pages/{b.pk}/edit/",
        "/admin/snippets/home/sector/",
        "/admin/snippets/search/glossaryentry/",
        "/admin/snippets/companies/inquiry/",
    ]:
        assert client.get(path).status_code == 200, path
    assert refused(client.get("/admin/users/"))

    b.save_revision(user=staff)
    client.post(f"/admin/pages/{b.pk}/unpublish/", {"include_descendants": ""})
    b.refresh_from_db()
    assert not b.live


@pytest.mark.django_db
def test_a_translation_made_after_the_grant_is_editable_too(client, site_tree, translate_tree):
    company = site_tree["company"]
    user = get_user_model().objects.create_user("late", "late@a.example", "pw")
    grant(user, company)
    client.force_login(user)

    translate_tree(site_tree["home"], site_tree["directory"], company)

    for translation in company.get_translations():
        assert client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200
