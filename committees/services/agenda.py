"""Building a meeting and its agenda."""

from django.db import transaction
from django.db.models import F

from committees.models import AgendaItem, Meeting, Minutes
from committees.services import claim_version


class DuplicateMeeting(Exception):
    """The committee already has a meeting starting then: most often the same meeting entered
    twice, so it is saved only when the officer says it is meant (`allow_duplicate`)."""

    def __init__(self, existing: Meeting):
        self.existing = existing
        super().__init__(f"{existing} already starts at that time.")


class MeetingPublished(Exception):
    """A meeting whose agenda has been published is a public record: cancel it instead."""


def refuse_duplicate(meeting: Meeting, *, allow_duplicate: bool):
    existing = Meeting.objects.same_start_as(meeting).first()
    if existing is not None and not allow_duplicate:
        raise DuplicateMeeting(existing)


@transaction.atomic
def meeting_create(*, meeting: Meeting, allow_duplicate: bool = False) -> Meeting:
    """Save a new meeting with its committee's standing items, opening and closing the agenda."""
    meeting.full_clean()
    refuse_duplicate(meeting, allow_duplicate=allow_duplicate)
    meeting.save()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=position,
            title=standing.title,
            standing_text=standing.standing_text,
        )
        for position, standing in enumerate(meeting.committee.standing_items.all(), start=1)
    )
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, expected_version: int, allow_duplicate: bool = False
) -> Meeting:
    claim_version(meeting, expected_version=expected_version)
    meeting.full_clean()
    refuse_duplicate(meeting, allow_duplicate=allow_duplicate)
    meeting.save()
    return meeting


def meeting_deletable(meeting: Meeting) -> bool:
    """Only a meeting never published, nor being published, nor minuted, can be deleted: once
    the public has seen its agenda it stays on record, cancelled if need be, and minutes are
    kept for six years (LGA 1972 s.100C)."""
    return not (
        meeting.is_published
        or Minutes.objects.filter(meeting=meeting).exists()
        or meeting.publications.exists()
        or meeting.publication_jobs.active().exists()
    )


@transaction.atomic
def meeting_delete(*, meeting: Meeting, expected_version: int) -> None:
    """Delete a meeting created by mistake, with its agenda. The history keeps a record of the
    meeting, its items and documents, and who deleted them."""
    # Claimed first: a confirmation page opened before the agenda changed deletes nothing.
    claim_version(meeting, expected_version=expected_version)
    if not meeting_deletable(meeting):
        raise MeetingPublished(f"The agenda of {meeting} has been published: cancel it instead.")
    meeting.delete()


@transaction.atomic
def meeting_set_status(*, meeting: Meeting, status: str, reason: str) -> Meeting:
    """Postpone or cancel a meeting, with the reason the public page shows."""
    assert status in (Meeting.Status.POSTPONED, Meeting.Status.CANCELLED)
    meeting.status = status
    meeting.status_reason = reason
    meeting.full_clean()
    meeting.save(update_fields=["status", "status_reason"])
    # A new version, so that a publication rendering meanwhile is refused when it commits.
    Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
    meeting.refresh_from_db(fields=["version"])
    return meeting


def default_insert_after(meeting: Meeting) -> AgendaItem | None:
    """New business goes before the committee's closing standing items (work programme…)."""
    items = list(meeting.items.filter(exempt=False).order_by("position", "pk"))
    closing = set(
        meeting.committee.standing_items.filter(at_end=True).values_list("title", flat=True)
    )
    while items and items[-1].title in closing:
        items.pop()
    return items[-1] if items else None


@transaction.atomic
def agenda_item_add(
    *, item: AgendaItem, after: AgendaItem | None, expected_meeting_version: int
) -> AgendaItem:
    """Insert `item` after `after` (or first), shifting the items below it down one place."""
    meeting = item.meeting
    claim_version(meeting, expected_version=expected_meeting_version)
    position = after.position + 1 if after else 1
    meeting.items.filter(position__gte=position).update(position=F("position") + 1)
    item.position = position
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, expected_version: int) -> AgendaItem:
    claim_version(item, expected_version=expected_version)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, expected_meeting_version: int) -> None:
    claim_version(item.meeting, expected_version=expected_meeting_version)
    item.delete()


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool, expected_meeting_version: int) -> None:
    """Swap `item` with its neighbour in agenda order (public and exempt parts stay apart)."""
    claim_version(item.meeting, expected_version=expected_meeting_version)
    siblings = list(
        AgendaItem.objects.filter(meeting=item.meeting_id, exempt=item.exempt).order_by(
            "position", "pk"
        )
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    # Rewrite positions in order, so that ties left by earlier edits cannot stall a move.
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
