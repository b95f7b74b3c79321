"""Company self-service: staff invite and revoke company editors, editors'
changes go through the "Company profile review" workflow with notifications, and an
editor's admin home shows their company, what it lacks and its inquiries."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import PageLogEntry, WorkflowState

from companies.editors.access import grant
from companies.factories import CompanyPageFactory
from companies.inquiries.models import Inquiry
from companies.models import CompanyPage

User = get_user_model()


@pytest.fixture
def companies(translated_tree):
    a = CompanyPage.objects.get(pk=translated_tree["company"].pk)
    b = CompanyPageFactory(parent=translated_tree["directory"], title="Botnia Heat Oy")
    b.save_revision().publish()
    b.refresh_from_db()
    return a, b


@pytest.fixture
def editor(companies):
    user = User.objects.create_user("editor-a", "editor@a.example", "pw")
    grant(user, companies[0])
    return user


def link_in(message, pattern):
    match = re.search(r"http://testserver(/\S+)", message.body.split(pattern, 1)[1])
    return match.group(1)


# Inviting and revoking


@pytest.mark.django_db
def test_staff_invite_a_new_editor_who_sets_a_password_and_edits(client, staff, companies, locales):
    a, b = companies
    client.force_login(staff)

    response = client.post(
        f"/admin/companies/{a.pk}/editors/", {"email": " New.Editor@A.example ", "language": "sv"}
    )

    assert response.status_code == 302
    user = User.objects.get(email="new.editor@a.example")
    assert not user.has_usable_password()
    assert user.wagtail_userprofile.preferred_language == "sv"
    [invitation] = mail.outbox
    assert invitation.to == ["new.editor@a.example"]
    assert "[sv] Aurora Grid Oy" in invitation.subject  # the company's Swedish name, in Swedish
    assert "Välj ditt lösenord här" in invitation.body
    assert PageLogEntry.objects.filter(page=a, action="companies.invite_editor").exists()

    # The link lets them choose a password, then sign in and edit A in every language.
    client.logout()
    confirm = client.get(link_in(invitation, "\n"), follow=True)
    set_password_url = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "Kvarken-cleantech-2026", "new_password2": "Kvarken-cleantech-2026"},
    )
    assert done.status_code == 302
    # Through the sign-in page: django-axes throttles sign-ins by the request's address.
    signed_in = client.post(
        "/admin/login/",
        {"username": "new.editor@a.example", "password": "Kvarken-cleantech-2026"},
    )
    assert signed_in.status_code == 302
    for code in ("en", "sv", "fi"):
        page = a.get_translation(locales[code])
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, code
    assert client.get(f"/admin/pages/{b.pk}/edit/").status_code == 302


@pytest.mark.django_db
def test_inviting_an_existing_user_reuses_the_account(client, staff, companies, editor):
    _a, b = companies
    client.force_login(staff)

    client.post(
        f"/admin/companies/{b.pk}/editors/", {"email": "EDITOR@a.example", "language": "en"}
    )

    assert User.objects.filter(email__iexact="editor@a.example").count() == 1
    [invitation] = mail.outbox
    assert "/password_reset/" not in invitation.body  # they have a password already
    assert "/admin/login/" in invitation.body
    client.force_login(editor)
    assert client.get(f"/admin/pages/{b.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_a_bad_email_is_refused_with_a_message(client, staff, companies):
    a, _b = companies
    client.force_login(staff)

    response = client.post(
        f"/admin/companies/{a.pk}/editors/", {"email": "not an email", "language": "en"}
    )

    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not User.objects.filter(username="not an email").exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_grant_stands_when_the_invitation_cannot_be_mailed(client, staff, companies, settings):
    a, _b = companies
    settings.EMAIL_BACKEND = "tests.helpers.mail_backends.BrokenBackend"
    client.force_login(staff)

    response = client.post(
        f"/admin/companies/{a.pk}/editors/",
        {"email": "late@a.example", "language": "en"},
        follow=True,
    )

    assert "could not be sent" in response.content.decode()
    user = User.objects.get(email="late@a.example")
    assert a.permissions_for_user(user).can_edit()


@pytest.mark.django_db
def test_revoking_is_one_action(client, staff, companies, editor):
    a, _b = companies
    client.force_login(staff)
    listing = client.get(f"/admin/companies/{a.pk}/editors/")
    assert "Revoke editor@a.example" in listing.content.decode()

    assert client.get(f"/admin/companies/{a.pk}/editors/{editor.pk}/revoke/").status_code == 405
    client.post(f"/admin/companies/{a.pk}/editors/{editor.pk}/revoke/")

    assert not a.permissions_for_user(editor).can_edit()
    assert (
        "Revoke editor@a.example"
        not in client.get(f"/admin/companies/{a.pk}/editors/").content.decode()
    )
    assert PageLogEntry.objects.filter(page=a, action="companies.revoke_editor").exists()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302  # no company left, no admin


@pytest.mark.django_db
def test_the_company_page_offers_staff_the_editors_screen(client, staff, companies):
    a, _b = companies
    client.force_login(staff)

    assert (
        f"/admin/companies/{a.pk}/editors/"
        in client.get(f"/admin/pages/{a.pk}/edit/").content.decode()
    )


@pytest.mark.django_db
def test_company_editors_cannot_manage_editors(client, companies, editor):
    a, _b = companies
    client.force_login(editor)

    assert client.get(f"/admin/companies/{a.pk}/editors/").status_code == 302
    client.post(
        f"/admin/companies/{a.pk}/editors/", {"email": "friend@a.example", "language": "en"}
    )
    assert not User.objects.filter(email="friend@a.example").exists()
    assert (
        f"/admin/companies/{a.pk}/editors/"
        not in client.get(f"/admin/pages/{a.pk}/edit/").content.decode()
    )


# The review workflow


@pytest.mark.django_db
def test_an_editors_change_is_reviewed_and_approval_publishes_it(
    client, staff, companies, editor, company_form
):
    a, _b = companies
    client.force_login(editor)

    # The editor cannot publish: the change goes to review.
    client.post(f"/admin/pages/{a.pk}/edit/", company_form(a, "action-publish", title="Hijack"))
    a.refresh_from_db()
    assert a.title == "Aurora Grid Oy"
    response = client.post(
        f"/admin/pages/{a.pk}/edit/", company_form(a, "action-submit", title="Aurora Grid Ab")
    )
    assert response.status_code == 302

    a.refresh_from_db()
    assert a.title == "Aurora Grid Oy" and a.workflow_in_progress
    assert "staff@kvarken.example" in [m.to[0] for m in mail.outbox]  # staff are told
    mail.outbox.clear()

    client.force_login(staff)
    task_state = a.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{a.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)

    a.refresh_from_db()
    assert a.title == "Aurora Grid Ab" and a.live and not a.has_unpublished_changes
    assert [m.to for m in mail.outbox] == [["editor@a.example"]]  # the editor is told


@pytest.mark.django_db
def test_staff_request_changes_with_a_comment_the_editor_receives(
    client, staff, companies, editor, company_form
):
    a, _b = companies
    client.force_login(editor)
    client.post(
        f"/admin/pages/{a.pk}/edit/", company_form(a, "action-submit", pitch="Best in the world")
    )
    mail.outbox.clear()

    client.force_login(staff)
    task_state = a.current_workflow_task_state
    client.post(
        f"/admin/pages/workflow/action/{a.pk}/reject/{task_state.pk}/",
        {"comment": "Please say what makes you the best."},
    )

    a.refresh_from_db()
    assert a.pitch != "Best in the world"
    assert a.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [notice] = mail.outbox
    assert notice.to == ["editor@a.example"]
    assert "Please say what makes you the best." in notice.body

    # The editor sees the comment on their dashboard.
    client.force_login(editor)
    assert "Please say what makes you the best." in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_staff_edits_publish_directly(client, staff, companies, company_form):
    a, _b = companies
    client.force_login(staff)

    client.post(
        f"/admin/pages/{a.pk}/edit/",
        company_form(a, "action-publish", pitch="Grids that never freeze"),
    )

    a.refresh_from_db()
    assert a.pitch == "Grids that never freeze" and not a.workflow_in_progress


@pytest.mark.django_db
def test_editors_cannot_act_on_the_review_of_their_own_change(
    client, companies, editor, company_form
):
    a, _b = companies
    client.force_login(editor)
    client.post(
        f"/admin/pages/{a.pk}/edit/", company_form(a, "action-submit", title="Self approved")
    )
    task_state = a.current_workflow_task_state

    client.post(f"/admin/pages/workflow/action/{a.pk}/approve/{task_state.pk}/", {"comment": ""})

    a.refresh_from_db()
    assert a.title == "Aurora Grid Oy" and a.workflow_in_progress


@pytest.mark.django_db
def test_a_translation_draft_can_be_sent_to_review_from_the_dashboard(
    client, companies, editor, locales, staff
):
    a, _b = companies
    swedish = a.get_translation(locales["sv"])
    swedish.pitch = "Nätautomation för kallt klimat"
    swedish.save_revision(user=editor)  # as the translation editor saves it
    client.force_login(editor)
    assert (
        f"/admin/companies/{swedish.pk}/submit-for-review/"
        in client.get("/admin/").content.decode()
    )

    client.post(f"/admin/companies/{swedish.pk}/submit-for-review/")

    swedish.refresh_from_db()
    assert swedish.workflow_in_progress
    assert "staff@kvarken.example" in [m.to[0] for m in mail.outbox]


# The editor's dashboard


@pytest.fixture
def inquiries(companies):
    """One inquiry to company A (the editor's) and one to B."""
    a, b = companies
    fields = {"consent": True, "language": "en", "country": "DE"}
    own = Inquiry.objects.create(
        company=a,
        name="Buyer",
        organisation="Hamburg Wind GmbH",
        email="b@h.example",
        message="Quote?",
        **fields,
    )
    other = Inquiry.objects.create(
        company=b,
        name="Other",
        organisation="Rival Buyer Ltd",
        email="o@r.example",
        message="Secret plans",
        **fields,
    )
    return own, other


@pytest.mark.django_db
def test_the_dashboard_shows_the_company_checklist_and_inquiries(
    client, companies, editor, locales, inquiries
):
    a, _b = companies
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "Aurora Grid Oy" in html and "Botnia Heat Oy" not in html
    assert "Hamburg Wind GmbH" in html and "Rival Buyer Ltd" not in html
    assert "Missing:</span> Logo" in re.sub(r"\s+", " ", html)
    assert "Done:</span> Pitch" in re.sub(r"\s+", " ", html)
    for code in ("en", "sv", "fi"):
        assert f"/admin/pages/{a.get_translation(locales[code]).pk}/edit/" in html


@pytest.mark.django_db
def test_editors_read_their_own_inquiries_only(client, editor, inquiries, staff):
    own, other = inquiries
    client.force_login(editor)

    listing = client.get("/admin/snippets/companies/inquiry/").content.decode()
    assert "Hamburg Wind GmbH" in listing and "Rival Buyer Ltd" not in listing
    assert client.get(f"/admin/snippets/companies/inquiry/inspect/{own.pk}/").status_code == 200
    other_url = f"/admin/snippets/companies/inquiry/inspect/{other.pk}/"
    assert client.get(other_url, follow=True).status_code == 404
    assert "Secret plans" not in client.get(other_url, follow=True).content.decode()
    export = b"".join(
        client.get("/admin/snippets/companies/inquiry/?export=csv").streaming_content
    ).decode()
    assert "Hamburg Wind GmbH" in export and "Secret plans" not in export

    # A complete edit form: refused to the editor (they only read inquiries), saved for
    # staff.
    edit_url = f"/admin/snippets/companies/inquiry/edit/{own.pk}/"
    form = {
        "company": own.company_id,
        "name": own.name,
        "organisation": own.organisation,
        "country": own.country.code,
        "email": own.email,
        "message": "changed",
        "consent": "on",
        "mail_status": own.mail_status,
    }
    client.post(edit_url, form)
    own.refresh_from_db()
    assert own.message == "Quote?"
    client.force_login(staff)
    assert client.post(edit_url, form).status_code == 302
    own.refresh_from_db()
    assert own.message == "changed"
