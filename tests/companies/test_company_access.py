"""A company editor edits their own company's showcase, in every language, and nothing
else: every admin URL for another company is refused."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail_localize.models import StringTranslation, Translation

from companies.editors.access import grant, revoke
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
    """Wagtail's refusals: a 403, or its "no permission" redirect to the admin home. Not
    any redirect: a path that matches nothing is redirected too (to /en/admin/...)."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code == 403


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
    "/admin/images/chooser/chosen/{b_image}/",
    "/admin/documents/chooser/chosen/{b_document}/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
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
    "/admin/images/chooser/chosen/{a_image}/",
    "/admin/documents/chooser/chosen/{a_document}/",
    "/admin/snippets/companies/inquiry/",
]

# Site-wide listings: open to every admin user, filtered to what the user may see.
LISTINGS = [
    "/admin/pages/search/?q=Heat",
    "/admin/pages/{parent}/?q=Heat",
    "/admin/reports/site-history/",
    "/admin/reports/workflow/",
]


@pytest.fixture
def targets(companies, locales):
    """The objects the paths above name, for A and B: a revision, the Swedish
    translation and its wagtail-localize records, an image and a document in the
    company's collection."""
    from wagtail.documents import get_document_model
    from wagtail_localize.models import Translation

    from companies.editors.collections import collection_for

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


def put_string(client, translation, segment, value):
    """What the translation editor sends when a translator saves one string."""
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def string_in(translation, segment):
    return (
        StringTranslation.objects.filter(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
        )
        .values_list("data", flat=True)
        .first()
    )


def translation_of(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


@pytest.mark.django_db
def test_another_companys_translation_strings_cannot_be_edited(
    client, editor, companies, locales, subtests
):
    a, b = companies
    for code in ("sv", "fi"):
        with subtests.test(language=code):
            other = translation_of(b, locales[code])
            segment = other.source.stringsegment_set.first()
            before = string_in(other, segment)

            assert put_string(client, other, segment, "Hijacked").status_code == 403
            assert string_in(other, segment) == before

            # The same request on the editor's own company is saved.
            own = translation_of(a, locales[code])
            own_segment = own.source.stringsegment_set.first()
            assert put_string(client, own, own_segment, "Our own words").status_code in (200, 201)
            assert string_in(own, own_segment) == "Our own words"


@pytest.mark.django_db
def test_another_companys_changed_source_cannot_be_synced(client, editor, companies, staff):
    _a, b = companies
    b.pitch = "Heat pumps for the whole of Ostrobothnia"
    b.save_revision().publish()
    source = Translation.objects.filter(source__object_id=b.translation_key).first().source
    url = f"/admin/localize/update/{source.pk}/"

    assert refused(client.post(url, {"publish_translations": "on"}))
    source.refresh_from_db()
    assert "Ostrobothnia" not in source.content_json

    client.force_login(staff)
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    source.refresh_from_db()
    assert "Ostrobothnia" in source.content_json


@pytest.mark.django_db
def test_another_company_cannot_be_reverted_to_an_older_revision(
    client, editor, companies, company_form
):
    a, b = companies
    # Each company gets a second revision, so that a revert would change something.
    older = {}
    for company, renamed in ((a, "Aurora Grid Ab"), (b, "Botnia Heat Ab")):
        older[company.pk] = company.latest_revision
        company.title = renamed
        company.save_revision().publish()

    def revert(company):
        revision = older[company.pk]
        return client.post(
            f"/admin/pages/{company.pk}/revisions/{revision.pk}/revert/",
            company_form(revision.as_object()),
        )

    assert refused(revert(b))
    b.refresh_from_db()
    assert b.title == "Botnia Heat Ab" and b.latest_revision.as_object().title == "Botnia Heat Ab"

    # On their own company the revert is saved as a draft (publishing goes through review).
    assert revert(a).status_code == 302
    a.refresh_from_db()
    assert a.latest_revision.as_object().title == "Aurora Grid Oy"


@pytest.mark.django_db
def test_another_companys_draft_cannot_be_sent_to_review(client, editor, companies):
    _a, b = companies
    other = get_user_model().objects.create_user("editor-b", "editor@b.example", "pw")
    grant(other, b)
    b.pitch = "A draft waiting for review"
    b.save_revision(user=other)
    url = f"/admin/companies/{b.pk}/submit-for-review/"

    client.post(url)
    b.refresh_from_db()
    assert not b.workflow_in_progress

    client.force_login(other)
    client.post(url)
    b.refresh_from_db()
    assert b.workflow_in_progress


@pytest.mark.django_db
def test_another_companys_review_cannot_be_approved_or_rejected(client, editor, companies, staff):
    _a, b = companies
    # B's own editor submits; A's editor can neither approve nor reject it.
    other = get_user_model().objects.create_user("editor-b", "editor@b.example", "pw")
    grant(other, b)
    b.title = "Botnia Heat Ab"
    b.save_revision(user=other)
    b.get_workflow().start(b, other)
    task_state = b.current_workflow_task_state

    def act(action):
        return client.post(
            f"/admin/pages/workflow/action/{b.pk}/{action}/{task_state.pk}/", {"comment": "x"}
        )

    for action in ("approve", "reject"):
        act(action)
    b.refresh_from_db()
    assert b.workflow_in_progress and b.current_workflow_task_state == task_state
    assert b.title == "Botnia Heat Oy"

    assert (
        not Group.objects.get(name="Company editors")
        .permissions.filter(codename__in=["publish_page", "change_inquiry", "delete_inquiry"])
        .exists()
    )

    client.force_login(staff)
    act("approve")
    b.refresh_from_db()
    assert not b.workflow_in_progress and b.title == "Botnia Heat Ab"


@pytest.mark.django_db
def test_the_editor_cannot_change_or_publish_another_company(
    client, editor, companies, company_form, staff, django_user_model
):
    _a, b = companies
    latest = b.latest_revision_id

    client.post(f"/admin/pages/{b.pk}/edit/", company_form(b, "action-publish", title="Hijacked"))
    client.post(f"/admin/pages/{b.pk}/edit/", company_form(b, title="Hijacked"))
    client.post(f"/admin/pages/{b.pk}/lock/")
    client.post(f"/admin/pages/{b.pk}/unpublish/", {"include_descendants": ""})
    client.post(f"/admin/pages/{b.pk}/delete/")

    b.refresh_from_db()
    assert b.title == "Botnia Heat Oy" and b.latest_revision_id == latest
    assert b.live and not b.locked

    # The same requests from staff (and, for deleting, an administrator) do it.
    client.force_login(staff)
    client.post(f"/admin/pages/{b.pk}/edit/", company_form(b, "action-publish", title="Hijacked"))
    client.post(f"/admin/pages/{b.pk}/lock/")
    b.refresh_from_db()
    assert b.title == "Hijacked" and b.locked
    client.post(f"/admin/pages/{b.pk}/unlock/")
    client.post(f"/admin/pages/{b.pk}/unpublish/", {"include_descendants": ""})
    b.refresh_from_db()
    assert not b.live
    client.force_login(django_user_model.objects.create_superuser("root", "root@k.example", "pw"))
    client.post(f"/admin/pages/{b.pk}/delete/")
    assert not CompanyPage.objects.filter(pk=b.pk).exists()


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


# Non-page admin data: inquiries, the admin API's media, translation endpoints of snippets.


@pytest.fixture
def inquiries(companies):
    """An inquiry to company A (the editor's) and one to B."""
    from companies.inquiries.models import Inquiry

    a, b = companies
    fields = {"consent": True, "language": "en", "country": "DE", "name": "Buyer"}
    own = Inquiry.objects.create(
        company=a, organisation="Hamburg Wind GmbH", email="b@h.example", message="Quote?", **fields
    )
    other = Inquiry.objects.create(
        company=b, organisation="Rival Buyer Ltd", email="o@r.example", message="Secret", **fields
    )
    return own, other


INQUIRY_CHOOSER = "/admin/snippets/choose/companies/inquiry/"


@pytest.mark.django_db
def test_the_inquiry_chooser_offers_only_the_editors_own_inquiries(
    client, editor, inquiries, staff
):
    own, other = inquiries

    for path in (INQUIRY_CHOOSER, f"{INQUIRY_CHOOSER}results/"):
        listing = client.get(path).content.decode()
        assert "Hamburg Wind GmbH" in listing and "Rival Buyer Ltd" not in listing, path
    # A 404 under /admin/ is redirected to /en/admin/... (LocaleMiddleware), a 404 too.
    chosen = client.get(f"{INQUIRY_CHOOSER}chosen/{other.pk}/", follow=True)
    assert chosen.status_code == 404 and "Rival Buyer Ltd" not in chosen.content.decode()
    assert (
        "Hamburg Wind GmbH"
        in client.get(f"{INQUIRY_CHOOSER}chosen/{own.pk}/").json()["result"]["string"]
    )
    several = client.get(f"{INQUIRY_CHOOSER}chosen-multiple/?id={own.pk}&id={other.pk}&id=x")
    assert [item["id"] for item in several.json()["result"]] == [str(own.pk)]
    assert client.get(f"{INQUIRY_CHOOSER}chosen/not-a-number/", follow=True).status_code == 404

    client.force_login(staff)
    assert (
        "Rival Buyer Ltd"
        in client.get(f"{INQUIRY_CHOOSER}chosen/{other.pk}/").json()["result"]["string"]
    )


def api_titles(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.django_db
def test_the_admin_api_lists_only_media_the_editor_may_choose(client, editor, targets, staff):
    assert api_titles(client, "/admin/api/main/images/") == {"a logo"}
    assert api_titles(client, "/admin/api/main/documents/") == {"a brochure"}
    assert api_titles(client, "/admin/api/main/images/?search=logo") == {"a logo"}
    for kind in ("images", "documents"):
        key = kind[:-1] if kind == "images" else "document"
        other = client.get(f"/admin/api/main/{kind}/{targets[f'b_{key}']}/", follow=True)
        assert other.status_code == 404
        assert client.get(f"/admin/api/main/{kind}/{targets[f'a_{key}']}/").status_code == 200

    client.force_login(staff)
    assert api_titles(client, "/admin/api/main/images/") == {"a logo", "b logo"}
    assert api_titles(client, "/admin/api/main/documents/") == {"a brochure", "b brochure"}


@pytest.mark.django_db
def test_the_unused_form_submissions_admin_is_gone(client, django_user_model):
    administrator = django_user_model.objects.create_superuser("root", "root@k.example", "pw")
    client.force_login(administrator)

    home = client.get("/admin/")
    assert home.status_code == 200 and "/admin/forms/" not in home.content.decode()
    assert client.get("/admin/forms/", follow=True).status_code == 404


@pytest.fixture
def site_settings(db, translate_tree):
    """The site settings snippet in English, translated into sv and fi."""
    from home.site_content import SiteSettings

    settings_en = SiteSettings.objects.create(
        tagline="Cleantech of the Kvarken region", organisation="Kvarken Council"
    )
    translate_tree(settings_en)
    return settings_en


SNIPPETS_API = "/admin/localize/api/snippets/"


@pytest.mark.django_db
def test_the_translation_editors_snippet_api_refuses_snippets_the_editor_cannot_edit(
    client, editor, companies, translated_tree, site_settings, inquiries, locales, staff
):
    paths = [
        f"{SNIPPETS_API}home/sector/",
        f"{SNIPPETS_API}home/sitesettings/",
        f"{SNIPPETS_API}companies/inquiry/",
        f"{SNIPPETS_API}companies/inquiry/{inquiries[1].pk}/",
    ]
    for code in ("en", "sv", "fi"):
        for snippet in (translated_tree["sector"], site_settings):
            paths.append(
                f"{SNIPPETS_API}home/{snippet._meta.model_name}/"
                f"{snippet.get_translation(locales[code]).pk}/"
            )

    for path in paths:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Rival Buyer" not in response.content.decode()

    client.force_login(staff)
    for path in paths:
        assert client.get(path).status_code == 200, path
    listing = client.get(f"{SNIPPETS_API}companies/inquiry/").json()
    assert {item["id"] for item in listing} == {inquiry.pk for inquiry in inquiries}


@pytest.mark.django_db
def test_translations_of_snippets_the_editor_cannot_edit_are_refused(
    client, editor, translated_tree, site_settings, locales, staff
):
    snippets = (translated_tree["sector"], site_settings)
    targets = [
        translation_of(snippet, locales[code]) for snippet in snippets for code in ("sv", "fi")
    ]

    for translation in targets:
        segment = translation.source.stringsegment_set.first()
        before = string_in(translation, segment)
        assert put_string(client, translation, segment, "Hijacked").status_code == 403
        assert string_in(translation, segment) == before

    client.force_login(staff)
    for translation in targets:
        segment = translation.source.stringsegment_set.first()
        assert put_string(client, translation, segment, "Staff words").status_code in (200, 201)
        assert string_in(translation, segment) == "Staff words"
