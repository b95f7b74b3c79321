"""Buyers send a company an inquiry from its page: it is stored first, mailed to the
company, acknowledged to the sender; spam is kept out without third-party services;
nothing is lost when mail fails; old inquiries are deleted."""

import datetime
import re

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from companies.factories import CompanyPageFactory
from companies.inquiries.models import MIN_SECONDS_TO_FILL, TIME_TRAP_SALT, Inquiry, MailStatus
from tests.helpers import inquiry_form_data


@pytest.fixture
def company(site_tree):
    company = site_tree["company"]
    company.contact_email = "sales@aurora-grid.example"
    company.save_revision().publish()
    return company


def stored_inquiry(company, **fields):
    """An inquiry as the form would have stored it (inquiry_form_data's sender)."""
    data = inquiry_form_data()
    defaults = {
        name: data[name] for name in ("name", "organisation", "country", "email", "message")
    }
    return Inquiry.objects.create(company=company, consent=True, **{**defaults, **fields})


@pytest.mark.django_db
def test_an_inquiry_is_stored_mailed_and_acknowledged(
    client, company, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get(company.url)
    assert 'id="contact"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(company.url, inquiry_form_data())

    assert response.status_code == 302
    assert response["Location"] == f"{company.url}?sent=1#contact"
    inquiry = Inquiry.objects.get()
    assert inquiry.company_id == company.pk and inquiry.language == "en"
    assert inquiry.mail_status == MailStatus.SENT
    to_company, to_buyer = mailoutbox
    assert to_company.to == ["sales@aurora-grid.example"]
    assert to_company.reply_to == ["anna@stadtwerke-nord.example"]
    assert "40 substations" in to_company.body and "Germany" in to_company.body
    assert to_buyer.to == ["anna@stadtwerke-nord.example"]
    assert "Aurora Grid Oy" in to_buyer.subject
    thanks = client.get(response["Location"]).content.decode()
    assert "Your message has been passed on" in thanks


@pytest.mark.django_db
def test_the_time_trap_lets_a_person_through_but_not_an_instant_reply(
    client, company, module_clock
):
    page = client.get(company.url).content.decode()
    shown_at = re.search(r'name="rendered_at" value="([^"]+)"', page).group(1)
    data = inquiry_form_data(rendered_at=shown_at)

    instant = client.post(company.url, data)
    assert instant.status_code == 400
    assert "That was very quick" in instant.content.decode()

    module_clock.advance(MIN_SECONDS_TO_FILL)
    assert client.post(company.url, data).status_code == 302
    assert Inquiry.objects.get().message == data["message"]


@pytest.mark.django_db
def test_a_swedish_visitor_gets_the_form_and_the_receipt_in_swedish(
    client, translated_tree, locales, mailoutbox, django_capture_on_commit_callbacks
):
    swedish = translated_tree["company"].get_translation(locales["sv"])

    assert "Skicka meddelande" in client.get(swedish.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(swedish.url, inquiry_form_data())

    assert Inquiry.objects.get().language == "sv"
    assert mailoutbox[-1].subject.startswith("Ditt meddelande till")


@pytest.mark.django_db
def test_the_inquiry_is_kept_when_mail_fails_and_sent_on_retry(
    client, company, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.helpers.mail_backends.BrokenBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(company.url, inquiry_form_data())

    assert response.status_code == 302  # the buyer's message is safe
    inquiry = Inquiry.objects.get()
    assert inquiry.mail_status == MailStatus.FAILED
    assert "mail server unreachable" in inquiry.mail_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_inquiry_mail")

    inquiry.refresh_from_db()
    assert inquiry.mail_status == MailStatus.SENT and inquiry.mail_attempts == 2
    assert len(mailoutbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"website": "http://cheap-pills.example"}, "This message looks automated"),
        ({"rendered_at": None}, "That was very quick"),
        ({"rendered_at": "forged"}, "This form has expired"),
        ({"consent": ""}, "Please agree, so that we can pass your message on."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
    ],
)
def test_bots_and_mistakes_get_a_clear_message_and_keep_what_was_typed(
    client, company, module_clock, overrides, message
):
    data = inquiry_form_data(**overrides)
    if overrides.get("rendered_at", "") is None:
        # Sent the moment the form was shown (the clock stands still).
        data["rendered_at"] = signing.dumps(module_clock.time(), salt=TIME_TRAP_SALT)

    response = client.post(company.url, data)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "We need grid automation for 40 substations" in html
    assert not Inquiry.objects.exists()
    if "email" in overrides:
        assert 'aria-describedby="id_email-error"' in html and 'id="id_email-error"' in html


def send(client, company, address, email="anna@stadtwerke-nord.example", **overrides):
    return client.post(
        company.url, inquiry_form_data(email=email, **overrides), REMOTE_ADDR=address
    )


LIMITS = {"sender": (2, 3600), "address": (30, 3600), "company": (100, 3600)}


@pytest.mark.django_db
def test_one_sender_is_held_back_and_keeps_the_message(client, company, settings):
    settings.INQUIRY_RATE_LIMITS = LIMITS

    statuses = [send(client, company, "85.76.1.1").status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert Inquiry.objects.count() == 2
    refused = send(client, company, "85.76.1.1", message="A third question, please keep it")
    html = refused.content.decode()
    assert "You have sent several messages in a short time" in html
    assert "A third question, please keep it" in html


@pytest.mark.django_db
def test_other_senders_at_the_same_address_and_elsewhere_still_get_through(
    client, company, settings
):
    """A buyer sharing a fair's Wi-Fi with someone who sends too much is not refused."""
    settings.INQUIRY_RATE_LIMITS = LIMITS
    for _ in range(30):
        send(client, company, "85.76.1.1", email="junk@spam.example")

    same_wifi = send(client, company, "85.76.1.1", email="erik@energibolaget.example")
    elsewhere = send(client, company, "85.76.2.2", email="maija@vesilaitos.example")

    assert (same_wifi.status_code, elsewhere.status_code) == (302, 302)


@pytest.mark.django_db
def test_refused_messages_do_not_use_up_the_companys_limit(client, company, settings):
    settings.INQUIRY_RATE_LIMITS = {**LIMITS, "company": (10, 3600)}
    for _ in range(30):
        send(client, company, "85.76.1.1", email="junk@spam.example")

    assert send(client, company, "85.76.2.2").status_code == 302


@pytest.mark.django_db
def test_mistakes_do_not_count_against_the_sender(client, company, settings):
    settings.INQUIRY_RATE_LIMITS = LIMITS
    for _ in range(5):
        mistake = send(client, company, "85.76.1.1", consent="")
        assert mistake.status_code == 400

    assert send(client, company, "85.76.1.1").status_code == 302


@pytest.mark.django_db
def test_one_address_changing_email_addresses_is_held_back(client, company, settings):
    settings.INQUIRY_RATE_LIMITS = {**LIMITS, "address": (3, 3600)}

    statuses = [
        send(client, company, "85.76.1.1", email=f"bot{n}@spam.example").status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
    refused = send(client, company, "85.76.1.1", email="bot9@spam.example")
    assert "Too many messages have been sent from here" in refused.content.decode()


@pytest.mark.django_db
def test_a_flood_to_one_company_stops_at_its_ceiling(client, company, site_tree, settings):
    settings.INQUIRY_RATE_LIMITS = {**LIMITS, "company": (3, 3600)}
    flooded = company
    other = CompanyPageFactory(parent=site_tree["directory"], title="Botnia Heat AB")
    other.save_revision().publish()

    statuses = [
        send(client, flooded, f"85.76.3.{n}", email=f"sender{n}@flood.example").status_code
        for n in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
    refused = send(client, flooded, "85.76.4.4", email="buyer@industri.example")
    assert "This company is receiving an unusual number of messages" in refused.content.decode()
    assert send(client, other, "85.76.4.4", email="buyer@industri.example").status_code == 302
    assert Inquiry.objects.filter(company=flooded).count() == 3


@pytest.mark.django_db
def test_old_inquiries_are_deleted_after_the_retention_period(company, settings):
    settings.INQUIRY_RETENTION_DAYS = 365
    old = stored_inquiry(
        company,
        organisation="Old GmbH",
        created_at=timezone.now() - datetime.timedelta(days=400),
    )
    recent = stored_inquiry(company, organisation="New AB")

    call_command("delete_old_inquiries")

    assert list(Inquiry.objects.all()) == [recent]
    assert not Inquiry.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_staff_see_failed_deliveries_and_export_inquiries_as_csv(admin_client, company):
    stored_inquiry(company, message="Quote, please", mail_status=MailStatus.FAILED)

    listing = admin_client.get("/admin/snippets/companies/inquiry/", {"mail_status": "failed"})
    export = admin_client.get("/admin/snippets/companies/inquiry/", {"export": "csv"})

    assert "Stadtwerke Nord" in listing.content.decode()
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "Quote, please" in csv and "anna@stadtwerke-nord.example" in csv
