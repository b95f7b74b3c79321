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
def companies(translated_tree, translate_tree):
    a = CompanyPage.objects.get(pk=translated_tree["company"].pk)
    b = CompanyPageFactory(parent=translated_tree["directory"], title="Botnia Heat Oy")
    b.save_revision().publish()
    translate_tree(b)
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
    "/admin/snippets/home/sitesettings/",
    "/admin/snippets/home/navigation/",
    "/admin/snippets/home/footer/",
    "/admin/translations/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/pages/{b}/edit/preview/",
    "/admin/pages/{b}/revisions/{b_revision}/view/",
    "/admin/pages/{b}/revisions/{b_revision}/revert/",
    "/admin/pages/{b}/workflow_history/",
    "/admin/pages/{b_sv}/edit/",
    "/admin/localize/submit/page/{b}/",
    "/admin/localize/update/{b_source}/",
    "/admin/localize/translate/{b_translation}/pofile/download/",
    "/admin/localize/translate/{b_translation}/preview/",
    "/admin/localize/page/{b_sv}/convert_to_alias/",
    "/admin/localize/reports/translations/",
    "/admin/images/{b_image}/",
    "/admin/images/{b_image}/delete/",
    "/admin/documents/edit/{b_document}/",
    "/admin/documents/delete/{b_document}/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/companies/{a}/editors/",
    "/admin/companies/{b}/editors/",
]

# What A's editor may do on A (and is refused on B above).
ALLOWED_PATHS = [
    "/admin/pages/{a}/edit/",
    "/admin/pages/{a_sv}/edit/",
    "/admin/pages/{a}/edit/preview/",
    "/admin/pages/{a}/history/",
    "/admin/pages/{a}/revisions/{a_revision}/view/",
    "/admin/pages/{a}/revisions/{a_revision}/revert/",
    "/admin/pages/{a}/workflow_history/",
    "/admin/localize/translate/{a_translation}/pofile/download/",
    "/admin/images/{a_image}/",
    "/admin/documents/edit/{a_document}/",
    "/admin/snippets/companies/inquiry/",
]

# Site-wide listings: open to every admin user, filtered to what the user may see.
LISTINGS = [
    "/admin/pages/search/?q=Heat",
    "/admin/pages/{parent}/?q=Heat",
    "/admin/reports/site-history/",
    "/admin/reports/workflow/",
    "/admin/reports/aging-pages/",
]


@pytest.fixture
def targets(companies, locales):
    """The objects the paths above name, for A and B: a revision, the Swedish
    translation and its wagtail-localize records, an image and a document in the
    company's collection."""
    from wagtail.documents import get_document_model
    from wagtail_localize.models import Translation

    from companies.collections import collection_for

    values = {}
    for key, company in zip("ab", companies, strict=True):
        swedish = company.get_translation(locales["sv"])
        translation = Translation.objects.get(
            source__object_id=company.translation_key, target_locale=locales["sv"]
        )
        collection = collection_for(company)
        image = get_image_model().objects.create(
            title=f"{key} logo", file=png("logo.png"), collection=collection
        )
        document = get_document_model().objects.create(
            title=f"{key} brochure",
            file=SimpleUploadedFile("brochure.pdf", b"%PDF-1.4 test"),
            collection=collection,
        )
        values.update(
            {
                key: company.pk,
                f"{key}_sv": swedish.pk,
                f"{key}_revision": company.latest_revision_id,
                f"{key}_source": translation.source_id,
                f"{key}_translation": translation.pk,
                f"{key}_image": image.pk,
                f"{key}_document": document.pk,
            }
        )
    values["parent"] = companies[1].get_parent().pk
    return values


def png(name):
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (1, 2, 3)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_everything_else_is_refused(client, editor, targets, subtests):
    for path in REFUSED_PATHS:
        with subtests.test(path=path):
            response = client.get(path.format(**targets))
            assert refused(response), (path, response.status_code)


@pytest.mark.django_db
def test_the_same_views_work_on_the_editors_own_company(client, editor, targets, subtests):
    for path in ALLOWED_PATHS:
        with subtests.test(path=path):
            response = client.get(path.format(**targets))
            assert response.status_code == 200, (path, response.status_code)


@pytest.mark.django_db
def test_site_wide_listings_do_not_show_another_company(client, editor, targets, subtests):
    for path in LISTINGS:
        with subtests.test(path=path):
            response = client.get(path.format(**targets))
            assert response.status_code == 200
            assert "Botnia Heat" not in response.content.decode()


@pytest.mark.django_db
def test_media_of_another_company_is_invisible(client, editor, targets):
    images = client.get("/admin/images/").content.decode()
    documents = client.get("/admin/documents/").content.decode()
    chooser = client.get("/admin/images/chooser/").content.decode()

    assert "a logo" in images and "b logo" not in images
    assert "a brochure" in documents and "b brochure" not in documents
    assert "b logo" not in chooser


@pytest.mark.django_db
def test_actions_on_another_companys_translation_and_review_are_refused(
    client, editor, companies, targets, locales
):
    from django.contrib.auth.models import Group
    from wagtail_localize.models import StringTranslation, Translation

    _a, b = companies
    translation = Translation.objects.get(pk=targets["b_translation"])
    segment = translation.source.stringsegment_set.first()
    before = StringTranslation.objects.get(
        translation_of=segment.string, locale=locales["sv"], context=segment.context
    ).data

    client.post(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        {"value": "Hijacked"},
    )
    client.post(f"/admin/localize/update/{translation.source_id}/", {"publish_translations": "on"})
    client.post(
        f"/admin/pages/{b.pk}/revisions/{targets['b_revision']}/revert/", {"title": "Reverted"}
    )
    client.post(f"/admin/companies/{b.pk}/submit-for-review/")

    assert (
        StringTranslation.objects.get(
            translation_of=segment.string, locale=locales["sv"], context=segment.context
        ).data
        == before
    )
    b.refresh_from_db()
    assert b.title == "Botnia Heat Oy" and not b.workflow_in_progress

    # B's own editor submits; A's editor can neither approve nor reject it.
    other = get_user_model().objects.create_user("editor-b", "editor@b.example", "pw")
    grant(other, b)
    b.save_revision(user=other)
    b.get_workflow().start(b, other)
    task_state = b.current_workflow_task_state
    for action in ("approve", "reject"):
        client.post(
            f"/admin/pages/workflow/action/{b.pk}/{action}/{task_state.pk}/", {"comment": "x"}
        )
    b.refresh_from_db()
    assert b.workflow_in_progress and b.current_workflow_task_state == task_state
    assert (
        not Group.objects.get(name="Company editors")
        .permissions.filter(codename__in=["publish_page", "change_inquiry", "delete_inquiry"])
        .exists()
    )


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
