"""Uploaded appendix files reach only those entitled to read them."""

import datetime as dt

import pytest
import weasyprint
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import Meeting
from committees.services.publication import agenda_publish
from tests.factories import AgendaItemFactory, CouncillorFactory, DocumentFactory, MeetingFactory

PFCF = "performance-finance-and-customer-focus-overview-and-scrutiny-committee"


@pytest.fixture
def meeting(demo):
    return Meeting.objects.get(committee__slug=PFCF, starts_at__date=dt.date(2019, 7, 24))


def appendix(meeting, **fields):
    document = DocumentFactory(
        item=AgendaItemFactory(meeting=meeting, title="Land sale", **fields.pop("item", {})),
        kind="appendix",
        title="Valuation",
        **fields,
    )
    data = weasyprint.HTML(string="<p>VALUATION-CANARY</p>").write_pdf()
    document.upload.save("valuation.pdf", ContentFile(data))
    return reverse("committees:document_file", args=[document.pk])


def test_public_appendix_of_a_published_agenda_is_served_to_anyone(client, meeting):
    response = client.get(appendix(meeting))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "public" in response["Cache-Control"]


def test_exempt_appendix_sends_the_public_to_sign_in(client, meeting):
    response = client.get(appendix(meeting, exempt=True, exempt_paragraph=3))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_appendix_of_an_exempt_item_is_refused_to_the_public(client, meeting):
    url = appendix(meeting, item={"exempt": True, "exempt_paragraph": 3})
    assert client.get(url).status_code == 302


def test_councillor_not_on_the_committee_gets_403(client, meeting):
    outsider = get_user_model().objects.create_user("outsider", password="x")
    outsider.groups.add(Group.objects.get(name=roles.COUNCILLORS))
    CouncillorFactory(user=outsider)
    client.force_login(outsider)
    assert client.get(appendix(meeting, exempt=True, exempt_paragraph=3)).status_code == 403


def test_councillor_on_the_committee_reads_the_exempt_appendix_privately(client, meeting):
    client.force_login(get_user_model().objects.get(username="councillor"))
    response = client.get(appendix(meeting, exempt=True, exempt_paragraph=3))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_unpublished_agenda_appendix_is_for_officers_only(client, demo):
    draft = Meeting.objects.upcoming().filter(published_on__isnull=True).first()
    url = appendix(draft)
    assert client.get(url).status_code == 302
    client.force_login(get_user_model().objects.get(username="officer"))
    assert client.get(url).status_code == 200


def test_appendix_added_after_publication_stays_private_until_republished(client, demo):
    officer = get_user_model().objects.get(username="officer")
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting), title="Report")
    agenda_publish(meeting=meeting, by=officer)
    url = appendix(meeting)
    assert client.get(url).status_code == 302
    agenda_publish(meeting=meeting, by=officer)
    assert client.get(url).status_code == 200
