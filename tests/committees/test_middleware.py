"""Headers on every response and the signed-in session (committees/middleware.py): CSP,
Permissions-Policy, idle timeout; on the demo."""

import time
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.urls import reverse

from committees.middleware import LAST_ACTIVITY
from committees.models import Document
from committees.sanitise import sanitise_html
from tests.support.files import pdf_bytes

pytestmark = pytest.mark.usefixtures("demo")

REMOTE_IMAGE = '<img src="https://evil.example/x.png" alt="">'


@pytest.fixture
def officer_user(officer):
    return officer


@pytest.fixture
def report(demo):
    return Document.objects.get(title="Customer Experience Programme Update")


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


class Scripts(HTMLParser):
    """The attributes of every <script> element of a page."""

    def __init__(self, page):
        super().__init__()
        self.found = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append(dict(attrs))


# -- Content-Security-Policy -------------------------------------------------------------------


def test_remote_image_in_a_report_body_is_not_fetched_by_readers(officer_client, report):
    # The sanitiser keeps an https image (Word documents and links to council sites need it),
    # so without a policy every reader's browser would fetch it from the other site.
    report.body = sanitise_html(f"<p>Performance this quarter.</p>{REMOTE_IMAGE}")
    report.save()

    response = officer_client.get(reverse("officer:document_preview", args=[report.pk]))

    assert "https://evil.example/x.png" in response.content.decode()
    directives = policy(response)
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["default-src"] == ["'self'"]


def test_public_pages_refuse_remote_content_and_framing(client, demo):
    directives = policy(client.get(reverse("committees:home")))

    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]


def test_every_inline_script_carries_the_nonce_of_the_policy(officer_client, report):
    # The report editor has every kind: the page's own, the editor's import map and its setup.
    response = officer_client.get(reverse("officer:document_edit", args=[report.pk]))

    nonces = [s[len("'nonce-") : -1] for s in policy(response)["script-src"] if "nonce-" in s]
    inline = [attrs for attrs in Scripts(response.content.decode()).found if "src" not in attrs]
    assert len(nonces) == 1
    assert {attrs.get("type") for attrs in inline} == {None, "module", "importmap"}
    assert [attrs.get("nonce") for attrs in inline] == nonces * len(inline)


def test_uploaded_pdf_is_served_without_the_page_policy_that_blocks_chromes_viewer(
    officer_client, report
):
    # Chrome draws a PDF through a plugin that `object-src 'none'` refuses (crbug.com/271452).
    report.upload.save("appendix.pdf", ContentFile(pdf_bytes(pages=1)))

    response = officer_client.get(reverse("officer:document_upload", args=[report.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response


# -- Permissions-Policy ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/no-such-page/", "/accounts/login/"])
def test_every_response_refuses_camera_microphone_and_location(client, demo, url):
    features = client.get(url)["Permissions-Policy"].split(", ")

    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in features


# -- sessions ----------------------------------------------------------------------------------


def idle_for(client, seconds):
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - seconds
    session.save()


def test_user_idle_past_the_timeout_is_signed_out_and_told_so(officer_client):
    dashboard = reverse("officer:dashboard")
    officer_client.get(dashboard)
    idle_for(officer_client, settings.SESSION_IDLE_SECONDS + 1)

    response = officer_client.get(dashboard, follow=True)

    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "_auth_user_id" not in officer_client.session
    page = response.content.decode()
    minutes = settings.SESSION_IDLE_SECONDS // 60
    assert f"You were signed out because you had not used the portal for {minutes} minutes" in page


def test_user_active_within_the_timeout_stays_signed_in(officer_client):
    dashboard = reverse("officer:dashboard")
    officer_client.get(dashboard)
    idle_for(officer_client, settings.SESSION_IDLE_SECONDS - 60)

    response = officer_client.get(dashboard)

    assert response.status_code == 200
    assert int(time.time()) - officer_client.session[LAST_ACTIVITY] < 5


def test_requests_within_a_minute_do_not_write_the_session(officer_client):
    dashboard = reverse("officer:dashboard")
    first = officer_client.get(dashboard)
    second = officer_client.get(dashboard)

    assert settings.SESSION_COOKIE_NAME in first.cookies
    assert settings.SESSION_COOKIE_NAME not in second.cookies


def test_session_lasts_a_working_day_from_sign_in_however_active(officer_client):
    dashboard = reverse("officer:dashboard")
    first = officer_client.get(dashboard)
    key = officer_client.session.session_key
    signed_in_expiry = Session.objects.get(pk=key).expire_date
    idle_for(officer_client, 120)

    officer_client.get(dashboard)

    assert 8 * 3600 - 60 < first.cookies[settings.SESSION_COOKIE_NAME]["max-age"] <= 8 * 3600
    # The activity stamp saved the session again, without moving its end.
    assert officer_client.session[LAST_ACTIVITY] > int(time.time()) - 5
    assert Session.objects.get(pk=key).expire_date == signed_in_expiry


def test_anonymous_visitors_get_no_session(client, demo):
    response = client.get(reverse("committees:home"))

    assert settings.SESSION_COOKIE_NAME not in response.cookies
