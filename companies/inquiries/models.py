"""Buyers' inquiries to a company: stored first, then mailed to the company and
acknowledged to the sender. Mail that fails leaves the inquiry stored and marked, for
staff to see and retry (`manage.py retry_inquiry_mail`); nothing a buyer wrote is lost.

Spam protection without third-party services: a honeypot field, a time trap (a signed
timestamp: humans take more than a few seconds), and rate limits per sender, per address
and per company in Django's cache (rate_limit_refusal)."""

import hashlib
import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.client_address import client_address

logger = logging.getLogger(__name__)

MIN_SECONDS_TO_FILL = 3
MAX_FORM_AGE = 24 * 3600
TIME_TRAP_SALT = "companies.inquiry.rendered-at"

TOO_MANY_FROM_SENDER = _("You have sent several messages in a short time. Please try again later.")
TOO_MANY_FROM_ADDRESS = _("Too many messages have been sent from here. Please try again later.")
TOO_MANY_FOR_COMPANY = _(
    "This company is receiving an unusual number of messages right now. Please try again later."
)


class MailStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Inquiry(models.Model):
    company = models.ForeignKey(
        "companies.CompanyPage",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="inquiries",
    )
    name = models.CharField(_("your name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=160)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(
        _("I agree that my details are stored and passed to this company to answer me."),
        default=False,
    )
    language = models.CharField(_("language"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    mail_status = models.CharField(
        _("delivery"), max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    mail_error = models.TextField(_("delivery error"), blank=True, editable=False)
    mail_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation} → {self.company.title} ({self.created_at:%Y-%m-%d})"


class InquiryForm(forms.ModelForm):
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    rendered_at = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = ["name", "organisation", "country", "email", "message", "consent"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # WCAG 1.3.5: browsers can fill in the sender's own details.
        for name, purpose in [
            ("name", "name"),
            ("organisation", "organization"),
            ("country", "country"),
            ("email", "email"),
        ]:
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "Please agree, so that we can pass your message on."
        )
        if not self.is_bound:
            self.initial["rendered_at"] = signing.dumps(time.time(), salt=TIME_TRAP_SALT)

    def _post_clean(self):
        super()._post_clean()
        # Screen readers announce a field's error with the field itself.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("This message looks automated and was not sent."), code="honeypot"
            )
        try:
            rendered = signing.loads(
                self.data.get("rendered_at", ""), salt=TIME_TRAP_SALT, max_age=MAX_FORM_AGE
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form has expired. Please check your message and send it again."),
                code="expired",
            ) from None
        if time.time() - rendered < MIN_SECONDS_TO_FILL:
            raise forms.ValidationError(
                _("That was very quick. Please check your message and send it again."),
                code="too_fast",
            )
        return cleaned


def _hashed(*parts):
    # Only a hash of the address and e-mail is kept, and only in the cache.
    text = ":".join([settings.SECRET_KEY, *parts])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _count(scope, key):
    """Counts one message in a window of INQUIRY_RATE_LIMITS[scope] seconds; True if it
    is over that scope's limit."""
    limit, seconds = settings.INQUIRY_RATE_LIMITS[scope]
    cache_key = f"inquiry-rate:{scope}:{key}"
    cache.add(cache_key, 0, seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds)
        count = 1
    return count > limit


def rate_limit_refusal(request, company, email):
    """Counts a valid message against its limits, narrowest first; the reason to refuse
    it, or None. Only messages that passed the form's checks count, so a buyer's typos
    cost nothing. A refused message is not counted in the wider scopes: one sender who
    keeps trying holds back only themselves, never the company's other senders.

    - sender: one address with one e-mail address (a buyer, a bot's one identity);
    - address: every sender behind one address (a bot changing e-mail addresses), high
      enough for an office or a fair's Wi-Fi;
    - company: the ceiling for a flood from many addresses."""
    address = client_address(request)
    scopes = [
        ("sender", _hashed(address, email.strip().lower()), TOO_MANY_FROM_SENDER),
        ("address", _hashed(address), TOO_MANY_FROM_ADDRESS),
        ("company", str(company.translation_key), TOO_MANY_FOR_COMPANY),
    ]
    for scope, key, message in scopes:
        if _count(scope, key):
            return message
    return None


def deliver(inquiry):
    """Mail the inquiry to the company and an acknowledgement to the sender; record how
    it went. Never raises: a failure is stored on the inquiry for staff."""
    company = inquiry.company.specific
    inquiry.mail_attempts += 1
    try:
        recipient = company.contact_email or settings.INQUIRY_FALLBACK_EMAIL
        with translation.override(inquiry.language):
            EmailMessage(
                subject=str(_("Inquiry from %(organisation)s via Cleantech Kvarken"))
                % {"organisation": inquiry.organisation},
                body=_company_body(inquiry),
                to=[recipient],
                reply_to=[inquiry.email],
            ).send()
            EmailMessage(
                subject=str(_("Your message to %(company)s")) % {"company": company.title},
                body=_acknowledgement_body(inquiry, company),
                to=[inquiry.email],
            ).send()
    except Exception as error:  # noqa: BLE001 - any mail failure must keep the inquiry
        logger.exception("Inquiry %s could not be mailed", inquiry.pk)
        inquiry.mail_status = MailStatus.FAILED
        inquiry.mail_error = f"{error.__class__.__name__}: {error}"[:2000]
    else:
        inquiry.mail_status = MailStatus.SENT
        inquiry.mail_error = ""
    inquiry.save(update_fields=["mail_status", "mail_error", "mail_attempts"])
    return inquiry.mail_status == MailStatus.SENT


def _company_body(inquiry):
    return "\n".join(
        [
            str(_("A buyer has sent you a message through your Cleantech Kvarken page.")),
            "",
            f"{_('Name')}: {inquiry.name}",
            f"{_('Organisation')}: {inquiry.organisation}",
            f"{_('Country')}: {inquiry.country.name}",
            f"{_('Email')}: {inquiry.email}",
            "",
            inquiry.message,
            "",
            str(_("Reply to this email to answer the sender directly.")),
        ]
    )


def _acknowledgement_body(inquiry, company):
    return "\n".join(
        [
            str(_("Thank you for your message. We have passed it on to %(company)s."))
            % {"company": company.title},
            "",
            inquiry.message,
            "",
            str(_("Cleantech Kvarken: cleantech companies of the Kvarken region.")),
        ]
    )
