"""What the committees app does when it starts and after migrating (committees/apps.py)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from committees.apps import record_earlier_publications
from committees.models import Meeting
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.pages import text


def test_meetings_published_before_records_are_frozen_after_migrating(client, db):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget"), title="Report")
    Meeting.objects.filter(pk=meeting.pk).update(published_on=timezone.localdate())
    assert client.get(reverse("committees:pack_pdf", args=[meeting.pk])).status_code == 404

    record_earlier_publications()

    publication = meeting.publications.get()
    assert publication.note == "Published before the portal kept publication records."
    assert client.get(reverse("committees:pack_pdf", args=[meeting.pk])).status_code == 200
    assert "Budget" in text(client.get(meeting.get_absolute_url()))
