"""Every publication's packs stay downloadable as they were published; restricted ones only by
readers of exempt papers, as for the latest version."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import Committee
from committees.stored import read_verified
from tests.factories import AgendaItemFactory, CouncillorFactory, DocumentFactory, MeetingFactory

PFCF = "performance-finance-and-customer-focus-overview-and-scrutiny-committee"
CANARY = "CANARY-SETTLEMENT-8812"


@pytest.fixture
def versions(demo, publish):
    """A meeting of the demo councillor's committee: an agenda with an exempt report and a To
    Follow item, then a supplement carrying that item."""
    meeting = MeetingFactory(
        committee=Committee.objects.get(slug=PFCF), starts_at=timezone.now() + dt.timedelta(days=30)
    )
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget"), title="Report")
    exempt = AgendaItemFactory(meeting=meeting, title="Settlement", exempt=True, exempt_paragraph=5)
    DocumentFactory(item=exempt, title="Advice", body=f"<p>{CANARY}</p>")
    procurement = AgendaItemFactory(meeting=meeting, title="Procurement", to_follow=True)
    agenda = publish(meeting)
    DocumentFactory(item=procurement, title="Procurement report")
    supplement = publish(meeting, supplement=True)
    return meeting, agenda, supplement


def url(name, publication):
    return reverse(f"committees:{name}", args=[publication.meeting_id, publication.pk])


def signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_an_earlier_version_is_served_as_it_was_published(client, versions):
    _, agenda, supplement = versions
    earlier = client.get(url("publication_pdf", agenda))
    assert earlier.status_code == 200
    assert earlier.content == read_verified(agenda.public_pdf)
    assert earlier.content != read_verified(supplement.public_pdf)
    assert "public" in earlier["Cache-Control"]
    assert "agenda pack as published" in earlier["Content-Disposition"]
    own_pack = client.get(url("supplement_pdf", supplement))
    assert own_pack.content == read_verified(supplement.supplement_public_pdf)
    assert "supplement 1 to the agenda" in own_pack["Content-Disposition"]


def test_anonymous_visitor_cannot_get_a_restricted_earlier_version(client, versions):
    _, agenda, supplement = versions
    for name, publication in [
        ("publication_restricted_pdf", agenda),
        ("publication_restricted_pdf", supplement),
        ("supplement_restricted_pdf", supplement),
    ]:
        response = client.get(url(name, publication))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        assert CANARY.encode() not in response.content


def test_councillor_of_another_committee_is_refused_restricted_versions(client, versions):
    _, agenda, supplement = versions
    outsider = get_user_model().objects.create_user("outsider", password="not-used-here")
    outsider.groups.add(Group.objects.get(name=roles.COUNCILLORS))
    CouncillorFactory(user=outsider)
    client.force_login(outsider)
    assert client.get(url("publication_restricted_pdf", agenda)).status_code == 403
    assert client.get(url("supplement_restricted_pdf", supplement)).status_code == 403


def test_the_committees_councillor_reads_restricted_versions_privately(client, versions):
    _, agenda, supplement = versions
    signed_in(client, "councillor")
    response = client.get(url("publication_restricted_pdf", agenda))
    assert response.status_code == 200
    assert response.content == read_verified(agenda.restricted_pdf)
    assert "no-store" in response["Cache-Control"]
    response = client.get(url("supplement_restricted_pdf", supplement))
    assert response.content == read_verified(supplement.supplement_restricted_pdf)


def test_a_publication_is_found_only_under_its_own_meeting_and_kind(client, versions, publish):
    meeting, agenda, _ = versions
    other = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=other))
    elsewhere = publish(other)
    wrong = reverse("committees:publication_pdf", args=[meeting.pk, elsewhere.pk])
    assert client.get(wrong).status_code == 404
    assert client.get(url("supplement_pdf", agenda)).status_code == 404  # no supplement pack


def test_a_damaged_earlier_version_gives_503_never_its_bytes(client, versions, caplog):
    _, agenda, _ = versions
    name = agenda.public_pdf.name
    damaged = default_storage.open(name, "rb").read()[:-500]
    default_storage.delete(name)
    default_storage.save(name, ContentFile(damaged))
    response = client.get(url("publication_pdf", agenda))
    assert response.status_code == 503
    assert damaged not in response.content
    assert "is damaged" in caplog.text


def test_a_version_showing_papers_since_made_exempt_is_withdrawn_from_the_public(
    client, versions, publish
):
    meeting, agenda, supplement = versions
    report = meeting.items.get(title="Budget").documents.get()
    report.exempt, report.exempt_paragraph = True, 3
    report.save()
    publish(meeting)
    for name, publication in [
        ("publication_pdf", agenda),
        ("publication_pdf", supplement),
        ("supplement_pdf", supplement),
    ]:
        assert client.get(url(name, publication)).status_code == 404
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.count("Withdrawn from the public") == 2
    assert url("publication_pdf", agenda) not in page
    assert url("supplement_pdf", supplement) not in page
    # Readers of exempt papers keep every version.
    signed_in(client, "councillor")
    assert client.get(url("publication_restricted_pdf", agenda)).status_code == 200
