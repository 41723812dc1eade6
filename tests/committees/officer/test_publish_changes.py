"""The publish page tells the officer what publishing now changes, before they publish."""

import datetime as dt
import html

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

HEADING = "What publishing now changes"


def publish_page(client, meeting):
    """The publish page's list of changes, or None if it shows none."""
    client.force_login(get_user_model().objects.get(username="officer"))
    response = client.get(reverse("officer:meeting_publish", args=[meeting.pk]))
    page = html.unescape(response.content.decode())
    if HEADING not in page:
        return None
    return page.split(HEADING)[1].split("<form")[0]


def test_publish_page_lists_the_changes_against_the_live_version(client, demo, publish):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget", position=1))
    procurement = AgendaItemFactory(meeting=meeting, title="Procurement", to_follow=True)
    assert publish_page(client, meeting) is None  # nothing to compare before a first publication

    publish(meeting)
    assert "None to the items or their papers." in publish_page(client, meeting)
    DocumentFactory(item=procurement, title="Procurement report")
    assert "Item 2, “Procurement”: report “Procurement report” added." in publish_page(
        client, meeting
    )


def test_publish_page_says_why_changes_cannot_be_listed(client, demo, publish):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    document = DocumentFactory(item=AgendaItemFactory(meeting=meeting))
    publish(meeting)
    document.upload.name = "documents/lost.pdf"  # the file is gone from storage
    document.body = ""
    document.save()
    assert "The changes cannot be listed: The uploaded file of" in publish_page(client, meeting)
