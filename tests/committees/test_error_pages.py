"""The 500 page: styled like the rest of the portal, yet rendered with nothing that could have
failed (no database, no context processors, no request)."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_the_500_page_is_styled_and_needs_no_database():
    # No `db` fixture: any database query here fails the test.
    response = server_error(RequestFactory().get("/meetings/1/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "<title>Sorry, there is a problem with the service" in page
    assert '<h1 class="govuk-heading-xl">Sorry, there is a problem with the service</h1>' in page
    assert 'href="/static/css/app.css"' in page
    assert 'class="govuk-service-navigation"' in page
    assert "<script" not in page  # no nonce without a request: the CSP would refuse it
