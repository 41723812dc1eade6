"""What changed between two updates of a programme: workstreams whose status moved, workstreams
reported for the first time, workstreams closed, and those no longer reported."""

from dataclasses import dataclass, field

from workprogramme.models import ProgrammeUpdate, WorkstreamStatus


@dataclass(frozen=True)
class StatusMove:
    workstream: str
    before: str
    after: str


@dataclass
class UpdateChanges:
    previous: ProgrammeUpdate | None
    moved: list[StatusMove] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def __bool__(self):
        return bool(self.moved or self.new or self.closed or self.dropped)


def update_changes(update: ProgrammeUpdate, previous: ProgrammeUpdate | None) -> UpdateChanges:
    """The differences of `update` from `previous` (None for a first update: nothing to compare).
    Reads both updates' `statuses` through any prefetch."""
    changes = UpdateChanges(previous=previous)
    if previous is None:
        return changes
    before = {row.workstream_id: row for row in previous.statuses.all()}
    now = {row.workstream_id: row for row in update.statuses.all()}
    closed = WorkstreamStatus.Status.CLOSED
    for workstream_id, row in now.items():
        title = row.workstream.title
        earlier = before.get(workstream_id)
        if row.status == closed and (earlier is None or earlier.status != closed):
            changes.closed.append(title)
        elif earlier is None:
            changes.new.append(title)
        elif earlier.status != row.status:
            changes.moved.append(
                StatusMove(title, earlier.get_status_display(), row.get_status_display())
            )
    changes.dropped = [
        row.workstream.title
        for workstream_id, row in before.items()
        if workstream_id not in now and row.status != closed
    ]
    return changes


def previous_update(update: ProgrammeUpdate) -> ProgrammeUpdate | None:
    return (
        ProgrammeUpdate.objects.filter(programme=update.programme_id, dated__lt=update.dated)
        .order_by("-dated")
        .prefetch_related("statuses__workstream")
        .first()
    )
