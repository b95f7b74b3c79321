"""Sign-in throttling (django-axes): repeated wrong passwords for one account from one
address pause signing in to it from there for 15 minutes, with a clear message in the
visitor's language; the owner elsewhere, and other accounts, are not affected."""

import datetime

import pytest

PASSWORD = "Kvarken-cleantech-2026"
ATTACKER = "85.76.10.20"
OFFICE = "85.76.99.1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@kvarken.example", PASSWORD)


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser(
        "colleague", "colleague@kvarken.example", PASSWORD
    )


def sign_in(client, username, password, address, **headers):
    client.logout()
    response = client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )
    return response, "_auth_user_id" in client.session


def fail(client, username, times, address, **headers):
    for _ in range(times):
        response, signed_in = sign_in(client, username, "wrong", address, **headers)
        assert not signed_in


@pytest.mark.django_db
def test_the_right_password_after_many_wrong_ones_is_refused_with_a_message(client, editor):
    fail(client, "editor", 25, ATTACKER)

    response, signed_in = sign_in(client, "editor", PASSWORD, ATTACKER)

    assert not signed_in
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "paused for 15 minutes" in html
    # Still Wagtail's sign-in page, the account name kept.
    assert 'name="password"' in html and 'value="editor"' in html


@pytest.mark.django_db
def test_the_lockout_message_is_in_the_visitors_language(client, editor):
    fail(client, "editor", 5, ATTACKER)

    response, signed_in = sign_in(client, "editor", PASSWORD, ATTACKER, HTTP_ACCEPT_LANGUAGE="fi")

    assert not signed_in and response.status_code == 429
    assert "Liian monta epäonnistunutta kirjautumisyritystä" in response.content.decode()


@pytest.mark.django_db
def test_a_few_mistakes_do_not_lock_anyone_out(client, editor):
    fail(client, "editor", 4, OFFICE)

    response, signed_in = sign_in(client, "editor", PASSWORD, OFFICE)

    assert signed_in and response.status_code == 302


@pytest.mark.django_db
def test_the_owner_elsewhere_and_other_accounts_here_still_sign_in(client, editor, colleague):
    fail(client, "editor", 10, ATTACKER)

    _response, owner_at_the_office = sign_in(client, "editor", PASSWORD, OFFICE)
    _response, colleague_at_that_address = sign_in(client, "colleague", PASSWORD, ATTACKER)

    assert owner_at_the_office
    assert colleague_at_that_address
    _response, attacker = sign_in(client, "editor", PASSWORD, ATTACKER)
    assert not attacker


@pytest.mark.django_db
def test_signing_in_works_again_after_the_cool_off(client, editor, clock):
    fail(client, "editor", 5, ATTACKER)
    clock.shift(datetime.timedelta(minutes=14))
    _response, signed_in = sign_in(client, "editor", PASSWORD, ATTACKER)
    assert not signed_in

    clock.shift(datetime.timedelta(minutes=1, seconds=1))
    response, signed_in = sign_in(client, "editor", PASSWORD, ATTACKER)

    assert signed_in and response.status_code == 302


@pytest.mark.django_db
def test_x_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, editor, settings):
    settings.TRUSTED_PROXIES = 0
    for n in range(5):  # a new made-up address in the header every time
        sign_in(client, "editor", "wrong", ATTACKER, HTTP_X_FORWARDED_FOR=f"85.76.1.{n}")

    _response, signed_in = sign_in(
        client, "editor", PASSWORD, ATTACKER, HTTP_X_FORWARDED_FOR="85.76.1.99"
    )

    assert not signed_in


@pytest.mark.django_db
def test_behind_a_trusted_load_balancer_the_client_is_the_address_it_adds(client, editor, settings):
    settings.TRUSTED_PROXIES = 1
    balancer = "10.0.0.2"
    for n in range(5):  # the attacker's own entries come first; the balancer appends
        sign_in(
            client, "editor", "wrong", balancer, HTTP_X_FORWARDED_FOR=f"85.76.1.{n}, {ATTACKER}"
        )

    _response, attacker = sign_in(
        client, "editor", PASSWORD, balancer, HTTP_X_FORWARDED_FOR=f"85.76.1.99, {ATTACKER}"
    )
    _response, owner = sign_in(client, "editor", PASSWORD, balancer, HTTP_X_FORWARDED_FOR=OFFICE)

    assert not attacker
    assert owner
