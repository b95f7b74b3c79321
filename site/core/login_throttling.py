"""What a visitor sees when django-axes refuses a sign-in (settings: AXES_*): Wagtail's
own sign-in page, in their language, saying why and for how long, with status 429."""

import math

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled


def lockout_response(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    messages.error(
        request,
        ngettext(
            "Too many failed sign-in attempts. Signing in to this account from your "
            "address is paused for %(minutes)d minute. Please try again then, or reset "
            "your password.",
            "Too many failed sign-in attempts. Signing in to this account from your "
            "address is paused for %(minutes)d minutes. Please try again then, or reset "
            "your password.",
            minutes,
        )
        % {"minutes": minutes},
    )
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    # The form is shown again unbound: checking it would count one more failure.
    form = get_user_login_form()(request, initial={"username": username})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("wagtailadmin_home")
    context = {
        "form": form,
        "next": target,
        "show_password_reset": password_reset_enabled(),
    }
    return render(request, "wagtailadmin/login.html", context, status=429)
