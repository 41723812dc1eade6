"""The publish page: a summary of what is about to be published, only the boxes that apply,
and the late-publication error at the box it is about."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import Document, PublicationJob
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, PublicationFactory
from tests.support.pages import collapsed_text as text
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client):
    client.force_login(make_user("officer", roles.OFFICERS))
    return client


def publish_url(meeting):
    return reverse("officer:meeting_publish", args=[meeting.pk])


def ready_meeting(**kwargs):
    """A meeting whose agenda can be published: one report."""
    meeting = MeetingFactory(**kwargs)
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, position=1, title="Budget"))
    return meeting


def tomorrow():
    return timezone.now() + dt.timedelta(days=1)


def test_on_time_a_first_publication_has_neither_box(officer_client):
    page = text(officer_client.get(publish_url(ready_meeting())))

    assert "Reason for urgency" not in page
    assert "What has changed" not in page


def test_late_the_reason_for_urgency_is_asked_for(officer_client):
    page = text(officer_client.get(publish_url(ready_meeting(starts_at=tomorrow()))))

    assert 'name="reason_for_urgency"' in page
    assert "That date has passed" in page


def test_a_republication_asks_what_has_changed(officer_client):
    meeting = ready_meeting()
    PublicationFactory(meeting=meeting)

    page = text(officer_client.get(publish_url(meeting)))

    assert 'name="note"' in page and "What has changed" in page


def test_late_without_a_reason_the_error_is_linked_to_the_reason_box(officer_client):
    meeting = ready_meeting(starts_at=tomorrow())

    response = officer_client.post(
        publish_url(meeting), {"token": "t1", "reason_for_urgency": "", "action": "publish"}
    )

    page = text(response)
    deadline = meeting.publication_deadline
    assert "<title>Error: Publish the agenda" in page
    assert (
        '<a href="#id_reason_for_urgency">The latest date to publish with five clear working '
        f"days' notice was {deadline:%-d %B %Y}. Give the reason for urgency to publish late.</a>"
    ) in page
    assert 'id="id_reason_for_urgency_error"' in page
    assert not PublicationJob.objects.exists()


def test_late_with_a_reason_publication_goes_ahead(officer_client):
    meeting = ready_meeting(starts_at=tomorrow())

    response = officer_client.post(
        publish_url(meeting),
        {"token": "t2", "reason_for_urgency": "The figures came late.", "action": "publish"},
    )

    assert response.status_code == 302
    assert PublicationJob.objects.get().reason_for_urgency == "The figures came late."


def test_the_summary_counts_what_will_be_published(officer_client):
    meeting = ready_meeting()
    follows = AgendaItemFactory(meeting=meeting, position=2, title="Procurement", to_follow=True)
    private = AgendaItemFactory(
        meeting=meeting, position=3, title="Contract award", exempt=True, exempt_paragraph=3
    )
    DocumentFactory(item=private)
    DocumentFactory(
        item=meeting.items.get(title="Budget"),
        kind=Document.Kind.APPENDIX,
        title="Staffing figures",
        exempt=True,
        exempt_paragraph=1,
    )

    page = text(officer_client.get(publish_url(meeting)))

    assert "What will be published" in page
    assert "3 items, of which 1 in private (Part II)" in page
    assert "2 reports, 1 appendix" in page
    assert f"2. {follows.title}" in page
    assert "3. Contract award (Part II, paragraph 3)" in page
    assert "“Staffing figures”, appendix to item 1 (Part II, paragraph 1)" in page
