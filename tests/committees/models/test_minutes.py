"""Minute numbers as the rules compute them (committees/minutes.py), and the database refusing
minutes that contradict themselves (committees/models/minutes.py)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from committees import minutes as rules
from committees.models import Attendance, MinuteNumbering, Minutes
from tests.factories import (
    CommitteeFactory,
    CouncillorFactory,
    MeetingFactory,
    MinuteEntryFactory,
    MinutesFactory,
)

pytestmark = pytest.mark.django_db


def minutes_of(committee, year, month, day, entries):
    meeting = MeetingFactory(
        committee=committee,
        starts_at=timezone.make_aware(dt.datetime(year, month, day, 14)),
    )
    minutes = MinutesFactory(meeting=meeting)
    for position in range(entries):
        MinuteEntryFactory(minutes=minutes, position=position)
    return minutes


def numbers(minutes):
    return [entry.minute_number for entry in rules.numbered_entries(minutes)]


def test_continuous_numbers_run_on_from_the_first_number_across_years():
    committee = CommitteeFactory(first_minute_number=54)
    june = minutes_of(committee, 2019, 6, 12, 7)
    july = minutes_of(committee, 2019, 7, 24, 3)
    next_year = minutes_of(committee, 2020, 6, 10, 2)

    assert numbers(june) == [54, 55, 56, 57, 58, 59, 60]
    assert numbers(july) == [61, 62, 63]
    assert numbers(next_year) == [64, 65]


def test_yearly_numbers_restart_each_municipal_year():
    committee = CommitteeFactory(minute_numbering=MinuteNumbering.YEARLY)
    minutes_of(committee, 2019, 6, 12, 4)
    march = minutes_of(committee, 2020, 3, 18, 2)
    june = minutes_of(committee, 2020, 6, 10, 3)

    assert numbers(march) == [5, 6]
    assert numbers(june) == [1, 2, 3]


def test_removing_an_entry_from_a_draft_renumbers_it_and_the_drafts_after_it():
    committee = CommitteeFactory()
    june = minutes_of(committee, 2019, 6, 12, 3)
    july = minutes_of(committee, 2019, 7, 24, 2)

    june.entries.order_by("position")[1].delete()

    assert numbers(june) == [1, 2]
    assert numbers(july) == [3, 4]


def test_confirmed_minutes_keep_their_numbers_when_an_earlier_draft_shrinks():
    committee = CommitteeFactory()
    june = minutes_of(committee, 2019, 6, 12, 3)
    july = minutes_of(committee, 2019, 7, 24, 2)
    september = minutes_of(committee, 2019, 9, 4, 2)
    rules.keep_numbers(july)

    june.entries.order_by("position")[0].delete()

    assert numbers(july) == [4, 5]
    assert numbers(september) == [6, 7]


def test_earlier_unconfirmed_minutes_are_named_before_a_later_confirmation():
    committee = CommitteeFactory()
    june = minutes_of(committee, 2019, 6, 12, 1)
    july = minutes_of(committee, 2019, 7, 24, 1)

    assert list(rules.unconfirmed_before(july)) == [june]
    assert list(rules.unconfirmed_before(june)) == []


def test_record_status_follows_the_meeting_and_its_minutes():
    minutes = minutes_of(CommitteeFactory(), 2019, 6, 12, 1)
    meeting = minutes.meeting
    later = dt.date(2019, 6, 20)

    assert rules.record_status(meeting, None, later) == "Held — minutes to follow"
    minutes.status = Minutes.Status.PUBLISHED
    assert rules.record_status(meeting, minutes, later) == "Minutes published (draft)"
    meeting.status = meeting.Status.CANCELLED
    assert rules.record_status(meeting, None, later) == "Cancelled"


def test_the_database_refuses_a_finish_before_the_start():
    minutes = MinutesFactory(started_at=dt.time(15), finished_at=dt.time(17))
    minutes.finished_at = dt.time(14)

    with pytest.raises(IntegrityError), transaction.atomic():
        minutes.save()


def test_the_database_refuses_one_councillor_both_present_and_giving_apologies():
    minutes = MinutesFactory()
    councillor = CouncillorFactory()
    Attendance.objects.create(minutes=minutes, councillor=councillor, status="present")

    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(minutes=minutes, councillor=councillor, status="apologies")
