"""Part II in the report editor: a paper added under an exempt item is exempt for the same
reason until the officer decides otherwise."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from committees.models import Document
from tests.committees.test_reports import form_values
from tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client):
    client.force_login(get_user_model().objects.create_superuser("officer", password="unused"))
    return client


@pytest.mark.parametrize("kind", ["report", "appendix"])
def test_a_paper_added_under_an_exempt_item_is_exempt_under_its_paragraph(officer_client, kind):
    item = AgendaItemFactory(title="Land sale", exempt=True, exempt_paragraph=3)
    url = reverse("officer:document_add", args=[item.pk, kind])
    page = officer_client.get(url)

    officer_client.post(url, form_values(page, title="Valuation"))

    document = Document.objects.get(title="Valuation")
    assert (document.exempt, document.exempt_paragraph) == (True, 3)


def test_a_paper_added_under_a_public_item_is_public_by_default(officer_client):
    item = AgendaItemFactory(title="Budget update")
    url = reverse("officer:document_add", args=[item.pk, "appendix"])

    officer_client.post(url, form_values(officer_client.get(url), title="Budget tables"))

    document = Document.objects.get(title="Budget tables")
    assert (document.exempt, document.exempt_paragraph) == (False, None)


def test_the_officer_may_still_publish_a_paper_of_an_exempt_item(officer_client):
    item = AgendaItemFactory(title="Land sale", exempt=True, exempt_paragraph=3)
    url = reverse("officer:document_add", args=[item.pk, "appendix"])
    page = officer_client.get(url)

    officer_client.post(
        url, form_values(page, title="Site plan", exempt="False", exempt_paragraph="")
    )

    assert Document.objects.get(title="Site plan").exempt is False
