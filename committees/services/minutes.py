"""Writing minutes: attendance, minute entries with their outcomes and declarations, publication
as a draft, confirmation at a later meeting, and amendments to minutes already confirmed.

Every write names the version its editor started from (`expected_version`), so that of two
officers editing the same minutes the second is refused rather than silently overwriting the
first. A write that breaks a rule raises ValidationError keyed by the field at fault, before
anything is saved: each runs in one transaction.

Confirmed minutes are locked (`Minutes.is_locked`): a change to them is an amendment, saved only
with its reason, recorded as an `Amendment` and shown with the minutes.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from committees import minutes as rules
from committees.models import (
    AgendaItem,
    Amendment,
    Attendance,
    Councillor,
    Declaration,
    Meeting,
    MinuteEntry,
    Minutes,
    Outcome,
)
from committees.services import claim_version

AMENDMENT_REASON = "amendment_reason"


@dataclass(frozen=True)
class MemberAttendance:
    """A member's part in a meeting as the officer records it: present, apologies or absent,
    whether they took the chair, and who substituted for them."""

    councillor: Councillor
    status: str  # Attendance.Status.PRESENT, APOLOGIES or ABSENT
    in_the_chair: bool = False
    substitute: Councillor | None = None


def minutes_of(meeting: Meeting) -> Minutes:
    """The minutes of `meeting`, started as an empty draft if it has none yet."""
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def _amendment(minutes, *, reason, description, made_by, on):
    """For locked minutes: record the amendment, or refuse the change if it has no reason."""
    if not minutes.is_locked:
        return
    if not (reason or "").strip():
        raise ValidationError(
            {
                AMENDMENT_REASON: "These minutes have been confirmed: give the reason for the "
                "amendment"
            }
        )
    Amendment.objects.create(
        minutes=minutes, made_on=on, made_by=made_by, description=description, reason=reason
    )


def _member_of_committee_on(meeting, councillors):
    """The pks of `councillors` who sit on the meeting's committee on its date."""
    return set(
        meeting.committee.memberships.current_on(meeting.date)
        .filter(councillor__in=councillors)
        .values_list("councillor", flat=True)
    )


def attendance_rows(
    minutes: Minutes, members: Sequence[MemberAttendance], others: Sequence[Attendance]
) -> list[Attendance]:
    """The attendance records of `members` and `others`, checked against each other and the
    committee's membership on the meeting date; ValidationError, naming the person and the
    field, if they contradict themselves."""
    meeting = minutes.meeting
    errors = []
    rows = []
    for member in members:
        rows.append(
            Attendance(
                minutes=minutes,
                councillor=member.councillor,
                status=member.status,
                in_the_chair=member.in_the_chair,
            )
        )
        if member.substitute is None:
            continue
        if member.status == Attendance.Status.PRESENT:
            errors.append(
                ValidationError(
                    f"Councillor {member.councillor.name} was present, so nobody substituted "
                    "for them: choose apologies or absent, or remove the substitute",
                    code="substitute_for_present",
                    params={"councillor": member.councillor.pk, "field": "substitute"},
                )
            )
        rows.append(
            Attendance(
                minutes=minutes,
                councillor=member.substitute,
                status=Attendance.Status.SUBSTITUTE,
                substitute_for=member.councillor,
                in_the_chair=False,
            )
        )
    for other in others:
        other.minutes = minutes
        rows.append(other)
    substituted = [row.substitute_for for row in rows if row.substitute_for_id]
    members_on_date = _member_of_committee_on(meeting, substituted)
    for row in rows:
        if row.substitute_for_id and row.substitute_for_id not in members_on_date:
            errors.append(
                ValidationError(
                    f"Councillor {row.substitute_for.name} was not a member of the "
                    f"{meeting.committee} on {meeting.date:%-d %B %Y}, so nobody could "
                    "substitute for them",
                    code="substitute_for_non_member",
                    params={"councillor": row.substitute_for_id, "field": "substitute"},
                )
            )
    seen = {}
    for row in rows:
        if not row.councillor_id:
            continue
        before = seen.setdefault(row.councillor_id, row)
        if before is not row:
            errors.append(
                ValidationError(
                    f"Councillor {row.councillor.name} is recorded twice: "
                    f"{before.get_status_display().lower()} and "
                    f"{row.get_status_display().lower()}. Record each person once",
                    code="recorded_twice",
                    params={"councillor": row.councillor_id, "field": "status"},
                )
            )
    chairs = [row for row in rows if row.in_the_chair]
    if len(chairs) > 1:
        errors.append(
            ValidationError("Only one person took the chair", code="two_chairs"),
        )
    for row in chairs:
        if row.status not in (Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE):
            errors.append(
                ValidationError(
                    f"Councillor {row.councillor.name} took the chair, so was present",
                    code="chair_not_present",
                    params={"councillor": row.councillor_id, "field": "in_the_chair"},
                )
            )
    for row in rows:
        try:
            row.full_clean(exclude=["minutes"], validate_unique=False)
        except ValidationError as error:
            errors.extend(ValidationError(f"{row.person}: {message}") for message in error.messages)
    if errors:
        raise ValidationError({"attendance": errors})
    return rows


@transaction.atomic
def attendance_save(
    *,
    minutes: Minutes,
    expected_version: int,
    started_at: datetime.time | None,
    finished_at: datetime.time | None,
    members: Sequence[MemberAttendance],
    others: Sequence[Attendance],
    by=None,
    amendment_reason: str = "",
    on: datetime.date | None = None,
) -> Minutes:
    """Replace the attendance of `minutes` and its start and finish times."""
    claim_version(minutes, expected_version=expected_version)
    minutes.started_at, minutes.finished_at = started_at, finished_at
    minutes.full_clean()
    rows = attendance_rows(minutes, members, others)
    _amendment(
        minutes,
        reason=amendment_reason,
        description="Attendance and times",
        made_by=by,
        on=on or timezone.localdate(),
    )
    minutes.save()
    minutes.attendance.all().delete()
    for row in rows:
        row.save()
    return minutes


@transaction.atomic
def entries_from_agenda(*, minutes: Minutes, expected_version: int) -> list[MinuteEntry]:
    """A minute for each agenda item not yet minuted, in agenda order, titled as the item and
    exempt as it is."""
    claim_version(minutes, expected_version=expected_version)
    _refuse_if_locked(minutes, "add minutes to them")
    minuted = minutes.entries.filter(agenda_item__isnull=False).values("agenda_item")
    items = AgendaItem.objects.filter(meeting=minutes.meeting).numbered().exclude(pk__in=minuted)
    last = minutes.entries.aggregate(last=Max("position"))["last"] or 0
    added = []
    for position, item in enumerate(items, start=last + 1):
        entry = MinuteEntry(
            minutes=minutes,
            agenda_item=item,
            position=position,
            title=item.title + (" (To Follow)" if item.to_follow else ""),
            exempt=item.exempt,
            exempt_paragraph=item.exempt_paragraph,
        )
        entry.full_clean()
        entry.save()
        added.append(entry)
    return added


def _refuse_if_locked(minutes, what):
    if minutes.is_locked:
        raise ValidationError(
            f"These minutes have been confirmed, so their numbers are fixed: you cannot {what}. "
            "Amend the text of a minute instead."
        )


def _check_declarations(minutes, declarations):
    """A declaration is made by someone at the meeting: a member present or a substitute."""
    present = set(
        minutes.attendance.filter(
            status__in=[Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE],
            councillor__isnull=False,
        ).values_list("councillor", flat=True)
    )
    for declaration in declarations:
        if declaration.councillor_id and declaration.councillor_id not in present:
            raise ValidationError(
                {
                    "declarations": ValidationError(
                        f"Councillor {declaration.councillor.name} is not recorded as present "
                        "at this meeting, so cannot have declared an interest: record their "
                        "attendance first",
                        code="declaration_by_absentee",
                        params={"councillor": declaration.councillor_id},
                    )
                }
            )


@transaction.atomic
def entry_save(
    *,
    entry: MinuteEntry,
    expected_version: int | None = None,
    outcomes: Sequence[Outcome] = (),
    remove_outcomes: Sequence[Outcome] = (),
    declarations: Sequence[Declaration] = (),
    remove_declarations: Sequence[Declaration] = (),
    by=None,
    amendment_reason: str = "",
    on: datetime.date | None = None,
) -> MinuteEntry:
    """Save a minute with its outcomes and declarations; a new minute goes last.

    Raises EditConflict if someone saved the minute since `expected_version` (a new minute
    claims its minutes' version instead, so that it is not added to minutes confirmed meanwhile).
    """
    minutes = entry.minutes
    if entry.pk is None:
        claim_version(minutes, expected_version=expected_version or minutes.version)
        _refuse_if_locked(minutes, "add minutes to them")
        entry.position = (minutes.entries.aggregate(last=Max("position"))["last"] or 0) + 1
    else:
        claim_version(entry, expected_version=expected_version)
    if entry.agenda_item_id and entry.agenda_item.meeting_id != minutes.meeting_id:
        raise ValidationError({"agenda_item": "Choose an item of this meeting's agenda."})
    entry.full_clean(exclude=["minutes"])
    for outcome in outcomes:
        outcome.full_clean(exclude=["entry"])
    for declaration in declarations:
        declaration.full_clean(exclude=["minutes", "entry"])
    _check_declarations(minutes, declarations)
    if minutes.is_locked:
        number = rules.minute_numbers(minutes)[entry.pk]
        _amendment(
            minutes,
            reason=amendment_reason,
            # An exempt minute's title is itself exempt: the public reads its number only.
            description=f"Minute {number}"
            + (" (not for publication)" if entry.exempt else f": {entry.title}"),
            made_by=by,
            on=on or timezone.localdate(),
        )
    entry.save()
    for outcome in remove_outcomes:
        if outcome.entry_id != entry.pk:
            raise ValueError(f"{outcome!r} belongs to another minute.")
        outcome.delete()
    for position, outcome in enumerate(outcomes, start=1):
        outcome.entry, outcome.position = entry, position
        outcome.save()
    for declaration in remove_declarations:
        if declaration.entry_id != entry.pk:
            raise ValueError(f"{declaration!r} belongs to another minute.")
        declaration.delete()
    for declaration in declarations:
        declaration.entry, declaration.minutes = entry, minutes
        declaration.save()
    return entry


@transaction.atomic
def entry_remove(*, entry: MinuteEntry, expected_minutes_version: int) -> None:
    """Remove a minute from draft minutes: the minutes after it renumber."""
    minutes = entry.minutes
    claim_version(minutes, expected_version=expected_minutes_version)
    _refuse_if_locked(minutes, "remove a minute")
    if hasattr(entry, "confirms"):
        raise ValidationError(
            f"“{entry.title}” records the confirmation of the {entry.confirms}: it stays."
        )
    entry.delete()


@transaction.atomic
def minutes_publish(*, minutes: Minutes, expected_version: int, on: datetime.date) -> Minutes:
    """Publish the minutes as a draft, with the council's caveat, for the public and the pack
    of the next meeting."""
    claim_version(minutes, expected_version=expected_version)
    if minutes.status != Minutes.Status.DRAFT:
        raise ValidationError("These minutes have been published already.")
    if not minutes.entries.exists():
        raise ValidationError("Add the minutes of the meeting's business before publishing.")
    if on < minutes.meeting.date:
        raise ValidationError("Minutes are published after the meeting.")
    minutes.status = Minutes.Status.PUBLISHED
    minutes.published_on = on
    minutes.save(update_fields=["status", "published_on", "version"])
    return minutes


@transaction.atomic
def minutes_confirm(
    *,
    minutes: Minutes,
    at: MinuteEntry,
    expected_version: int,
    by=None,
    correction: str = "",
    correction_reason: str = "",
) -> Minutes:
    """Record that the committee agreed `minutes` as an accurate record at the minute `at` of
    a later meeting: stamp them confirmed, keep their numbers, lock them. A correction agreed
    at the same time is recorded as an amendment made at that minute, with its reason."""
    claim_version(minutes, expected_version=expected_version)
    meeting, later = minutes.meeting, at.minutes.meeting
    if minutes.status == Minutes.Status.CONFIRMED:
        raise ValidationError("These minutes have been confirmed already.")
    if minutes.status != Minutes.Status.PUBLISHED:
        raise ValidationError("Publish the draft minutes before the committee confirms them.")
    if later.committee_id != meeting.committee_id:
        raise ValidationError(
            {
                "at": f"Minutes are confirmed by their own committee: {later} is a meeting of "
                "another committee"
            }
        )
    if later.starts_at <= meeting.starts_at:
        raise ValidationError(
            {"at": f"Minutes are confirmed at a later meeting: {later} is not after {meeting}"}
        )
    if hasattr(at, "confirms"):
        raise ValidationError({"at": f"That minute already confirms the {at.confirms}"})
    earlier = list(rules.unconfirmed_before(minutes))
    if earlier:
        names = ", ".join(f"{m.meeting.date:%-d %B %Y}" for m in earlier)
        raise ValidationError(
            f"Confirm the earlier minutes first ({names}): until they are confirmed, their "
            "numbers can still change, and these would change with them."
        )
    if correction.strip() or correction_reason.strip():
        if not (correction.strip() and correction_reason.strip()):
            raise ValidationError(
                {
                    "correction_reason" if correction.strip() else "correction": (
                        "Give both the correction and its reason, or neither"
                    )
                }
            )
        Amendment.objects.create(
            minutes=minutes,
            made_at=at,
            made_on=later.date,
            made_by=by,
            description=correction,
            reason=correction_reason,
        )
    rules.keep_numbers(minutes)
    minutes.status = Minutes.Status.CONFIRMED
    minutes.confirmed_by = at
    minutes.full_clean()
    minutes.save(update_fields=["status", "confirmed_by", "version"])
    return minutes
