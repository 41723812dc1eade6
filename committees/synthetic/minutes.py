"""The minutes of the synthetic council's meetings held: attendance, a minute for each item of
the agenda with what the committee did, and their confirmation.

Each meeting's minutes are confirmed at the committee's next meeting held, under the minute of
its "Minutes" item, and keep their numbers (run on, or restarted each municipal year, as the
committee numbers them); the last meeting's are published as a draft, to be confirmed.
"""

import datetime as dt
import random
from collections import defaultdict

from committees.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Membership,
    MinuteEntry,
    MinuteNumbering,
    Minutes,
    Outcome,
)
from committees.synthetic.meetings import paragraphs, sentences

MINUTES_ITEM = "Minutes"
# The minutes are published as a draft this many days after the meeting.
PUBLISHED_AFTER = dt.timedelta(days=7)


def record(rng: random.Random, meetings, officers, councillors) -> int:
    """The minutes of every meeting held before today, in bulk; returns how many."""
    held = [meeting for meeting in meetings if meeting.status == Meeting.Status.HELD]
    minutes = Minutes.objects.bulk_create(
        Minutes(
            meeting=meeting,
            status=Minutes.Status.PUBLISHED,
            published_on=meeting.date + PUBLISHED_AFTER,
            started_at=meeting.committee.default_start_time,
            finished_at=dt.time(meeting.committee.default_start_time.hour + 2, 15),
        )
        for meeting in held
    )
    attendance(rng, minutes, officers, councillors)
    entries = minute_entries(rng, minutes, officers)
    confirm(minutes, entries)
    return len(minutes)


def attendance(rng: random.Random, minutes, officers, councillors) -> None:
    """The members of the committee that day: most present (the chair in the chair), some with
    apologies (a few of them with a substitute), a few absent; and an officer advising."""
    seats = defaultdict(list)
    committees = {each.meeting.committee_id for each in minutes}
    for membership in Membership.objects.filter(committee__in=committees).order_by("pk"):
        seats[membership.committee_id].append(membership)
    rows = []
    for each in minutes:
        meeting = each.meeting
        members = [
            seat
            for seat in seats[meeting.committee_id]
            if seat.start_date <= meeting.date
            and (seat.end_date is None or seat.end_date >= meeting.date)
        ]
        sitting = {seat.councillor_id for seat in members}
        for seat in members:
            roll = rng.random()
            if roll < 0.85:
                rows.append(
                    Attendance(
                        minutes=each,
                        status=Attendance.Status.PRESENT,
                        councillor_id=seat.councillor_id,
                        in_the_chair=seat.role == Membership.Role.CHAIR,
                    )
                )
                continue
            status = Attendance.Status.APOLOGIES if roll < 0.95 else Attendance.Status.ABSENT
            rows.append(Attendance(minutes=each, status=status, councillor_id=seat.councillor_id))
            if status == Attendance.Status.APOLOGIES and rng.random() < 0.4:
                substitute = rng.choice(councillors)
                if substitute.pk not in sitting:
                    sitting.add(substitute.pk)
                    rows.append(
                        Attendance(
                            minutes=each,
                            status=Attendance.Status.SUBSTITUTE,
                            councillor=substitute,
                            substitute_for_id=seat.councillor_id,
                        )
                    )
        rows.append(
            Attendance(
                minutes=each,
                status=Attendance.Status.IN_ATTENDANCE,
                officer=rng.choice(officers),
                capacity="Democratic Advisor",
            )
        )
    Attendance.objects.bulk_create(rows)


def minute_entries(rng: random.Random, minutes, officers) -> list[MinuteEntry]:
    """A minute for each item of each meeting's agenda, with an outcome or two for each item of
    business; numbered as the committee numbers them."""
    items = defaultdict(list)
    for item in AgendaItem.objects.filter(meeting__in=[m.meeting for m in minutes]).order_by(
        "meeting", "position"
    ):
        items[item.meeting_id].append(item)
    numbers, entries, business = {}, [], []
    for each in sorted(minutes, key=lambda m: m.meeting.starts_at):
        committee = each.meeting.committee
        sequence = (
            (committee.pk, each.meeting.municipal_year_id)
            if committee.minute_numbering == MinuteNumbering.YEARLY
            else committee.pk
        )
        for item in items[each.meeting_id]:
            number = numbers.get(sequence, committee.first_minute_number - 1) + 1
            numbers[sequence] = number
            entry = MinuteEntry(
                minutes=each,
                agenda_item=item,
                position=item.position,
                title=item.title,
                text=paragraphs(rng, 1) if item.standing_text == "" else "",
                exempt=item.exempt,
                exempt_paragraph=item.exempt_paragraph,
                number=number,
            )
            entries.append(entry)
            if not item.standing_text:
                business.append(entry)
    MinuteEntry.objects.bulk_create(entries)
    Outcome.objects.bulk_create(
        outcome for entry in business for outcome in outcomes(rng, entry, officers)
    )
    return entries


def outcomes(rng: random.Random, entry: MinuteEntry, officers) -> list[Outcome]:
    """Noted, or resolved; and sometimes a request of an officer or a recommendation to Cabinet."""
    made = [
        Outcome(
            entry=entry,
            position=1,
            kind=rng.choice([Outcome.Kind.NOTED, Outcome.Kind.RESOLVED]),
            text=f"The Committee noted the {entry.title.lower()}.",
        )
    ]
    roll = rng.random()
    if roll < 0.25:
        officer = rng.choice(officers)
        made.append(
            Outcome(
                entry=entry,
                position=2,
                kind=Outcome.Kind.REQUESTED,
                text=f"The Committee requested that {officer} {sentences(rng).lower()}",
                recipient=Outcome.Recipient.OFFICER,
                officer=officer,
                due_by=entry.minutes.meeting.date + dt.timedelta(days=rng.choice([28, 56])),
            )
        )
    elif roll < 0.35:
        made.append(
            Outcome(
                entry=entry,
                position=2,
                kind=Outcome.Kind.RECOMMENDED,
                text=f"The Committee recommended to Cabinet that {sentences(rng).lower()}",
                recipient=Outcome.Recipient.CABINET,
            )
        )
    return made


def confirm(minutes, entries) -> None:
    """Each meeting's minutes confirmed under the "Minutes" minute of the committee's next
    meeting held; the last meeting's stay a published draft, their numbers still computed."""
    confirming = {
        entry.minutes.meeting_id: entry
        for entry in entries
        if entry.agenda_item and entry.agenda_item.title == MINUTES_ITEM
    }
    following = {}
    for each in sorted(minutes, key=lambda m: m.meeting.starts_at, reverse=True):
        at = following.get(each.meeting.committee_id)
        if at is not None:
            each.status, each.confirmed_by = Minutes.Status.CONFIRMED, at
        following[each.meeting.committee_id] = confirming.get(each.meeting_id)
    confirmed = [each for each in minutes if each.confirmed_by]
    Minutes.objects.bulk_update(confirmed, ["status", "confirmed_by"])
    Outcome.objects.bulk_create(
        Outcome(
            entry=each.confirmed_by,
            position=1,
            kind=Outcome.Kind.RESOLVED,
            text=f"That the minutes of the meeting held on {each.meeting.date:%-d %B %Y} be "
            "confirmed as a correct record.",
        )
        for each in confirmed
    )
    drafts = {each.pk for each in minutes if not each.confirmed_by}
    MinuteEntry.objects.filter(minutes__in=drafts).update(number=None)
