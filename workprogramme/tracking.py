"""The decision tracker's rules: when the executive must respond, and where a tracked decision
stands. Statuses are computed from dates and progress notes, never typed."""

import calendar
import datetime as dt
from collections.abc import Iterable

OPEN, IN_PROGRESS, COMPLETE, OVERDUE = "open", "in_progress", "complete", "overdue"
STATUS_LABELS = {
    OPEN: "Open",
    IN_PROGRESS: "In progress",
    COMPLETE: "Complete",
    OVERDUE: "Overdue",
}
# GOV.UK tag colours; the tag always carries the status's words too.
STATUS_TAGS = {OPEN: "yellow", IN_PROGRESS: "blue", COMPLETE: "green", OVERDUE: "red"}
# The tracker lists what needs chasing first.
STATUS_ORDER = (OVERDUE, OPEN, IN_PROGRESS, COMPLETE)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks falls on its last day
    (31 December + 2 months = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def response_due(made_on: dt.date) -> dt.date:
    """LGA 2000 s.9FE(4): the executive responds to an overview and scrutiny committee's report
    or recommendations within two months of receiving them."""
    return add_months(made_on, 2)


def response_late(made_on: dt.date, responded_on: dt.date | None, as_of: dt.date) -> bool:
    """The executive's response came after its due date, or is still awaited after it."""
    due = response_due(made_on)
    return (responded_on or as_of) > due


def status(
    *,
    target_date: dt.date | None,
    note_dates: Iterable[tuple[dt.date, bool]],
    responded_on: dt.date | None,
    as_of: dt.date,
) -> str:
    """Where a tracked decision stands on `as_of`.

    `note_dates` are its progress notes as (date, whether the note records completion); notes and
    a response dated after `as_of` do not count yet. Complete once a note says so or the executive
    has responded; overdue once the target date has passed without that; in progress once any
    note is made; open before.
    """
    notes = [(day, completes) for day, completes in note_dates if day <= as_of]
    if any(completes for _, completes in notes) or (responded_on and responded_on <= as_of):
        return COMPLETE
    if target_date is not None and target_date < as_of:
        return OVERDUE
    return IN_PROGRESS if notes else OPEN
