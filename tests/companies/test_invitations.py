"""An invitation's link to choose a password works for PASSWORD_RESET_TIMEOUT (3 days, as
the email says), then is refused: a forwarded or leaked old invitation can't take over
the account."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail

pytestmark = pytest.mark.django_db

SET_PASSWORD = "Set your new password"
INVALID = "The password reset link was invalid"


@pytest.fixture
def days_later(monkeypatch):
    """The clock password links are made and checked with: it stands still at the
    invitation until a test moves it."""
    invited_at = default_token_generator._now()
    monkeypatch.setattr(default_token_generator, "_now", lambda: invited_at)

    def _move(days, **more):
        later = invited_at + datetime.timedelta(days=days, **more)
        monkeypatch.setattr(default_token_generator, "_now", lambda: later)

    return _move


@pytest.fixture
def invitation_link(client, site_tree, days_later):
    """The link in the email a newly invited company editor gets."""
    staff = get_user_model().objects.create_user("staff", "staff@kvarken.example", "pw")
    staff.groups.add(Group.objects.get(name="Communication staff"))
    client.force_login(staff)
    company = site_tree["company"]
    sent = client.post(
        f"/admin/companies/{company.pk}/editors/",
        {"email": "new.editor@aurora.example", "language": "en"},
    )
    assert sent.status_code == 302
    client.logout()
    [invitation] = mail.outbox
    assert "the link is valid for 3 days" in invitation.body
    return re.search(r"http://testserver(/\S*password_reset\S+)", invitation.body).group(1)


def test_an_invitation_works_until_it_expires(client, invitation_link, days_later):
    days_later(3, minutes=-1)
    assert SET_PASSWORD in client.get(invitation_link, follow=True).content.decode()


def test_an_expired_invitation_is_refused(client, invitation_link, days_later):
    days_later(3, minutes=1)
    page = client.get(invitation_link, follow=True)
    assert page.status_code == 200
    assert INVALID in page.content.decode()
    assert SET_PASSWORD not in page.content.decode()
