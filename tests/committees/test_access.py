"""One rule for pages that are not open to all: sign in first, then 403 without the right."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from committees import roles
from committees.access import officer_required, require
from tests.factories import MeetingFactory
from tests.support.pages import text
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


@officer_required
def officers_only(request):
    return HttpResponse("for officers")


def request_from(user, path="/somewhere/?page=2"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def test_anonymous_reader_is_sent_to_sign_in_and_brought_back():
    response = officers_only(request_from(AnonymousUser()))

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={quote('/somewhere/?page=2', safe='/')}"


def test_signed_in_reader_without_the_role_is_refused():
    with pytest.raises(PermissionDenied):
        officers_only(request_from(make_user("author", roles.AUTHORS)))


def test_reader_with_the_role_is_let_through():
    response = officers_only(request_from(make_user("officer", roles.OFFICERS)))

    assert response.content == b"for officers"


def test_require_lets_through_what_the_view_allows():
    assert require(request_from(make_user("councillor", roles.COUNCILLORS)), True) is None


def test_wrong_role_gets_the_styled_403_page_naming_the_account(client):
    client.force_login(make_user("councillor", roles.COUNCILLORS))

    response = client.get(reverse("officer:dashboard"))

    page = text(response)
    assert response.status_code == 403
    assert "You cannot open this page" in page
    assert "You are signed in as councillor" in page
    assert "govuk-generic-header" in page  # the site's own layout, not a bare error


def test_anonymous_officer_preview_goes_to_sign_in_like_every_officer_page(client):
    meeting = MeetingFactory()
    url = reverse("committees:pack_preview_pdf", args=[meeting.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
