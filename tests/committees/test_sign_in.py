"""Signing in, GOV.UK style, and the header that then says who is signed in."""

import re

import pytest
from django.urls import reverse

from committees import roles
from tests.support.pages import collapsed_text as text
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


def test_the_sign_in_inputs_are_govuk_inputs(client):
    page = text(client.get(reverse("login")))

    inputs = re.findall(r'<input type="(?:text|password)"[^>]*>', page)
    assert len(inputs) == 2
    assert all('class="govuk-input"' in tag for tag in inputs)


def test_signing_in_with_nothing_says_what_to_enter(client):
    page = text(client.post(reverse("login"), {"username": "", "password": ""}))

    assert "<title>Error: Sign in" in page
    assert '<a href="#id_username">Enter your username</a>' in page
    assert '<a href="#id_password">Enter your password</a>' in page
    assert "This field is required" not in page


def test_the_header_says_who_is_signed_in_and_as_what(client):
    user = make_user("officer", roles.OFFICERS)
    user.first_name, user.last_name = "Jamie", "Sheldon"
    user.save()
    client.force_login(user)

    page = text(client.get(reverse("committees:home")))

    assert "Signed in as <strong>Jamie Sheldon</strong>, democratic services officer" in page
    assert ">Sign out</button>" in page
    assert ">Sign in</a>" not in page


def test_a_user_without_a_name_is_shown_by_username(client):
    client.force_login(make_user("p.looby", roles.AUTHORS))

    page = text(client.get(reverse("committees:home")))

    assert "Signed in as <strong>p.looby</strong>, report author" in page


def test_nobody_is_signed_in_on_a_visitors_pages(client):
    page = text(client.get(reverse("committees:home")))

    assert "Signed in as" not in page
    assert ">Sign in</a>" in page
