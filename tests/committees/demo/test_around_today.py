"""Meetings around today's date as the demo loads them (committees/demo/around_today.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from committees.demo import PFCF
from committees.models import Committee, Meeting
from committees.publication import is_late

pytestmark = pytest.mark.usefixtures("demo")


def test_there_are_upcoming_meetings_with_current_members(demo):
    upcoming = Meeting.objects.upcoming()
    pfcf = Committee.objects.get(name=PFCF)

    assert upcoming.filter(committee=pfcf).count() >= 2
    assert upcoming.exclude(committee=pfcf).exists()
    assert upcoming.first().start_time == dt.time(14, 0)
    assert pfcf.memberships.current_on(timezone.localdate()).count() == 9


def test_the_public_can_read_every_agenda_that_went_out_and_the_next_one_went_out_on_time(
    demo,
):
    unpublished = Meeting.objects.exclude(pk__in=Meeting.objects.published())
    next_meeting = Meeting.objects.upcoming().filter(committee__name=PFCF).first()

    assert set(unpublished.values_list("status", flat=True)) == {Meeting.Status.SCHEDULED}
    assert next_meeting.is_published
    assert next_meeting.published_on <= timezone.localdate()
    assert not is_late(next_meeting.date, next_meeting.published_on)
