"""Inviting a company editor: staff enter an email address, the person gets an account
(or their existing one), exactly that company's permissions (companies/editors/access.py) and an
email with a link to set their password."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from .access import grant, revoke

logger = logging.getLogger(__name__)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=150)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("Also the language of the admin for a new editor."),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


@transaction.atomic
def invite(company, email, language, invited_by):
    """Create or reuse the user for ``email`` and grant them ``company``. Returns the user
    and whether the account is new."""
    User = get_user_model()
    user = User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
    created = user is None
    if created:
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    grant(user, company)
    log(instance=company, action="companies.invite_editor", user=invited_by, data={"email": email})
    return user, created


def withdraw(company, user, revoked_by):
    """Revoke ``company`` from ``user`` and record it in the page's history."""
    revoke(user, company)
    log(
        instance=company,
        action="companies.revoke_editor",
        user=revoked_by,
        data={"email": user.email},
    )


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def set_password_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(reverse("wagtailadmin_password_reset_confirm", args=[uid, token]))


def send_invitation(user, company, language, invited_by):
    """Email the invitation; False (logged) if the mail server refused it. The account
    and its permissions stay either way: staff can resend, or the editor can use
    "Forgot password?" on the sign-in page."""
    locale = Locale.objects.filter(language_code=language).first()
    localized = (locale and company.get_translation_or_none(locale)) or company
    with translation.override(language):
        context = {
            "company": localized.title,
            "invited_by": invited_by.get_full_name() or invited_by.email or invited_by.username,
            "set_password_url": None if user.has_usable_password() else set_password_url(user),
            "login_url": absolute(reverse("wagtailadmin_login")),
            "username": user.get_username(),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = _("You can now edit %(company)s on Cleantech Kvarken") % context
        body = render_to_string("companies/admin/invitation_email.txt", context)
    try:
        send_mail(str(subject), body, None, [user.email])
    except Exception:
        logger.exception("Invitation to %s could not be sent", user.email)
        return False
    return True
