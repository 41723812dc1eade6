"""Meetings as tests make and read them."""

import datetime as dt

from django.utils import timezone

from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory


def meeting_in(days):
    """A meeting `days` ahead with one item that has its report."""
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=days))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget monitoring"))
    return meeting


def titles(meeting):
    """The titles of the meeting's agenda items, in their numbered order."""
    return [item.title for item in meeting.items.numbered()]
