"""Writes of the work programme, the tracker and programme updates. Agenda changes go through
committees' agenda services, so that their rules (versions, positions) hold here too."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from committees.models import AgendaItem, Meeting, Outcome
from committees.services import agenda as agenda_services
from workprogramme.models import (
    AreaAnswer,
    ProgrammeUpdate,
    ProgressNote,
    Topic,
    TopicEvent,
    TrackedDecision,
    WorkProgramme,
    WorkstreamStatus,
)

TRACKED_KINDS = (Outcome.Kind.RECOMMENDED, Outcome.Kind.REQUESTED, Outcome.Kind.SCHEDULED)


class TopicInPublishedAgenda(Exception):
    """The topic's item is on a published agenda: it is withdrawn through the agenda."""


# Work programme -------------------------------------------------------------------------------


@transaction.atomic
def topic_save(
    *, topic: Topic, cabinet_members=None, officers=None, by=None, on: dt.date | None = None
) -> Topic:
    """Save a new or edited topic with the people responsible; a new one is recorded in its
    history."""
    created = topic.pk is None
    topic.full_clean()
    topic.save()
    if cabinet_members is not None:
        topic.cabinet_members.set(cabinet_members)
    if officers is not None:
        topic.officers.set(officers)
    if created:
        _event(topic, TopicEvent.Kind.ADDED, by=by, on=on)
    return topic


def _event(topic, kind, *, meeting=None, by=None, on=None, note=""):
    TopicEvent.objects.create(
        topic=topic, kind=kind, meeting=meeting, by=by, on=on or timezone.localdate(), note=note
    )


def _check_schedulable(topic: Topic, meeting: Meeting, today: dt.date) -> None:
    if meeting.committee_id != topic.programme.committee_id:
        raise ValidationError(
            {
                "meeting": f"{meeting} is a meeting of another committee: choose one of "
                f"{topic.programme.committee}."
            }
        )
    if meeting.date < today or meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise ValidationError(
            {"meeting": f"{meeting} has already been held or cancelled: choose a later meeting."}
        )
    if topic.withdrawn_on:
        raise ValidationError({"meeting": "The topic has been withdrawn."})


@transaction.atomic
def topic_schedule(
    *, topic: Topic, meeting: Meeting, by=None, today: dt.date | None = None
) -> Topic:
    """Schedule `topic` for `meeting`: an item is added to that meeting's agenda, before the
    committee's closing standing items, and the item links back to the topic. A topic already
    scheduled moves (its draft item goes; an item on a published agenda refuses the move)."""
    today = today or timezone.localdate()
    _check_schedulable(topic, meeting, today)
    moved_from = topic.meeting
    if moved_from is not None and moved_from.pk == meeting.pk:
        return topic
    _remove_item(topic)
    meeting.refresh_from_db(fields=["version"])
    item = agenda_services.agenda_item_add(
        item=AgendaItem(meeting=meeting, title=topic.title),
        after=agenda_services.default_insert_after(meeting),
        expected_meeting_version=meeting.version,
    )
    last = meeting.work_programme_topics.aggregate(last=Max("position"))["last"] or 0
    topic.meeting, topic.agenda_item, topic.position = meeting, item, last + 1
    topic.full_clean()
    topic.save()
    kind = TopicEvent.Kind.MOVED if moved_from else TopicEvent.Kind.SCHEDULED
    _event(topic, kind, meeting=meeting, by=by, on=today)
    return topic


@transaction.atomic
def topic_unschedule(*, topic: Topic, by=None, today: dt.date | None = None) -> Topic:
    """Put a scheduled topic back to be scheduled; its item leaves the draft agenda."""
    if topic.meeting is None:
        return topic
    _remove_item(topic)
    topic.meeting, topic.agenda_item = None, None
    topic.save()
    _event(topic, TopicEvent.Kind.UNSCHEDULED, by=by, on=today)
    return topic


def _remove_item(topic: Topic) -> None:
    """Remove the topic's agenda item, unless the agenda carrying it has been published."""
    item = topic.agenda_item
    if item is None:
        return
    meeting = item.meeting
    if meeting.is_published:
        raise TopicInPublishedAgenda(
            f"“{topic}” is on the published agenda of {meeting}: withdraw the item through the "
            "agenda (remove it and republish) first."
        )
    agenda_services.agenda_item_remove(item=item, expected_meeting_version=meeting.version)


@transaction.atomic
def topic_withdraw(*, topic: Topic, by=None, today: dt.date | None = None, reason="") -> Topic:
    """Withdraw a topic from the programme; an item on a draft agenda goes with it."""
    today = today or timezone.localdate()
    meeting = topic.meeting
    _remove_item(topic)
    topic.meeting, topic.agenda_item, topic.withdrawn_on = None, None, today
    topic.save()
    _event(topic, TopicEvent.Kind.WITHDRAWN, meeting=meeting, by=by, on=today, note=reason)
    return topic


def programme_for(committee, municipal_year) -> WorkProgramme:
    return WorkProgramme.objects.get_or_create(committee=committee, municipal_year=municipal_year)[
        0
    ]


@transaction.atomic
def topics_from_outcome(*, outcome: Outcome, by=None) -> list[Topic]:
    """The topics an 'agreed to schedule' minute names, added to be scheduled on the committee's
    programme for that year (a title already there is not added twice)."""
    if outcome.kind != Outcome.Kind.SCHEDULED:
        raise ValidationError("Only an 'agreed to schedule' minute names topics to schedule.")
    meeting = outcome.entry.minutes.meeting
    programme = programme_for(meeting.committee, meeting.municipal_year)
    existing = {title.casefold() for title in programme.topics.values_list("title", flat=True)}
    added = []
    for title in outcome.topic_list:
        title = title.rstrip(";.")
        if title.casefold() in existing:
            continue
        topic = Topic(programme=programme, title=title, source_outcome=outcome)
        added.append(topic_save(topic=topic, by=by))
        existing.add(title.casefold())
    return added


# The tracker ----------------------------------------------------------------------------------


def outcome_saved(sender, instance: Outcome, raw=False, **kwargs):
    """post_save of committees' Outcome: an outcome that asks something is tracked."""
    if not raw and instance.kind in TRACKED_KINDS:
        decision_track(outcome=instance)


def decision_track(*, outcome: Outcome) -> TrackedDecision:
    """The tracked record of `outcome`, made on first sight with what the minute says: its due
    date, and the officer or cabinet member it is asked of."""
    decision, created = TrackedDecision.objects.get_or_create(
        outcome=outcome,
        defaults={
            "target_date": outcome.due_by,
            "officer": outcome.officer,
            "councillor": outcome.councillor,
        },
    )
    return decision


def decisions_pick_up() -> int:
    """Track every asking outcome not yet tracked (outcomes saved before this app was installed,
    or written in bulk); returns how many were added."""
    untracked = Outcome.objects.filter(kind__in=TRACKED_KINDS, tracked__isnull=True)
    added = 0
    for outcome in untracked.select_related("officer", "councillor"):
        decision_track(outcome=outcome)
        added += 1
    return added


@transaction.atomic
def decision_update(*, decision: TrackedDecision) -> TrackedDecision:
    """Save the target date, the people responsible and the executive's response."""
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def progress_note_add(
    *, decision: TrackedDecision, on: dt.date, text: str, completes=False, by=None
) -> ProgressNote:
    note = ProgressNote(decision=decision, on=on, text=text, completes=completes, by=by)
    note.full_clean()
    note.save()
    return note


# Programme updates ----------------------------------------------------------------------------


@transaction.atomic
def programme_update_create(
    *,
    update: ProgrammeUpdate,
    statuses: Sequence[WorkstreamStatus],
    answers: Sequence[AreaAnswer] = (),
) -> ProgrammeUpdate:
    """Save an update with every workstream's status and its answers to requested areas."""
    if not statuses:
        raise ValidationError(
            "Give the status of at least one workstream: an update says where the programme stands."
        )
    update.full_clean()
    update.save()
    for row in [*statuses, *answers]:
        row.update = update
        row.full_clean()
        row.save()
    return update
