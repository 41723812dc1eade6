"""Signing in (committees/accounts.py) with the demo's logins: the officer lands on the
dashboard, failures lock the account out, also behind a reverse proxy, where one person's
failures must not lock out everyone."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.pages import text

pytestmark = pytest.mark.usefixtures("demo")


def test_officer_signs_in_and_lands_on_the_dashboard(client, demo):
    response = client.post(
        reverse("login"), {"username": "officer", "password": "demo-password-2019"}
    )
    assert response.status_code == 302
    assert response.url == reverse("officer:dashboard")
    page = text(client.get(response.url))
    assert "Upcoming meetings" in page
    assert "Publish by" in page


def test_wrong_password_is_refused_with_a_message(client, demo):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in text(response)


def test_five_failed_sign_ins_lock_the_account_out(client, demo):
    for _ in range(5):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": "officer", "password": "demo-password-2019"}
    )
    assert "Too many attempts to sign in" in text(response)
    assert "_auth_user_id" not in client.session


def test_signing_in_renews_the_session_key(client, demo):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("login"), {"username": "officer", "password": "demo-password-2019"})
    assert client.session.session_key != before


# -- behind a reverse proxy ---------------------------------------------------------------------

PROXY = "10.0.0.2"
ATTACKER = "198.51.100.7"
OFFICER = "203.0.113.9"


def sign_in(client, password, forwarded_for):
    """A sign-in through the proxy: REMOTE_ADDR is always the proxy's address."""
    return client.post(
        reverse("login"),
        {"username": "officer", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def locked_out(response):
    return "Too many attempts to sign in" in response.content.decode()


@pytest.fixture
def behind_a_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_COUNT = 1


def test_behind_a_proxy_one_clients_failures_do_not_lock_out_another(demo, behind_a_proxy):
    attacker = Client()
    for _ in range(5):
        sign_in(attacker, "wrong", ATTACKER)

    response = sign_in(Client(), "demo-password-2019", OFFICER)

    assert response.status_code == 302
    assert response.url == reverse("officer:dashboard")
    assert locked_out(sign_in(attacker, "demo-password-2019", ATTACKER))


def test_behind_a_proxy_forged_addresses_on_the_left_do_not_escape_the_lockout(
    demo, behind_a_proxy
):
    # The client writes whatever it likes into the header; the proxy appends what it saw.
    attacker = Client()
    for n in range(5):
        sign_in(attacker, "wrong", f"192.0.2.{n}, {ATTACKER}")

    assert locked_out(sign_in(attacker, "demo-password-2019", f"192.0.2.99, {ATTACKER}"))


def test_without_a_configured_proxy_the_forwarded_header_is_not_trusted(demo):
    attacker = Client()
    for n in range(5):
        sign_in(attacker, "wrong", f"192.0.2.{n}")

    assert locked_out(sign_in(attacker, "demo-password-2019", "192.0.2.99"))
