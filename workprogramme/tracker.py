"""The decision tracker as its readers see it: each tracked decision with its minute number,
computed status and any lateness of the executive's response, overdue first."""

import datetime as dt
from dataclasses import dataclass

from committees.minutes import minute_numbers_of
from workprogramme import tracking
from workprogramme.models import TrackedDecision


@dataclass
class Row:
    decision: TrackedDecision
    minute_number: int
    status: str
    response_late: bool

    @property
    def status_label(self):
        return tracking.STATUS_LABELS[self.status]

    @property
    def status_tag(self):
        return tracking.STATUS_TAGS[self.status]

    @property
    def notes(self):
        return list(self.decision.notes.all())

    @property
    def responsible(self):
        """'Paul Looby/Councillor Lowry', as the tracker styles them."""
        decision = self.decision
        names = [decision.officer.name] if decision.officer else []
        if decision.councillor:
            names.append(f"Councillor {decision.councillor.name}")
        return "/".join(names)


def numbers_of(decisions) -> dict[int, int]:
    """{entry pk: minute number} of the decisions' minutes: a confirmed minute's kept number,
    else the number computed for its draft minutes (three queries for all of them)."""
    numbers = {}
    drafts = {}
    for decision in decisions:
        entry = decision.outcome.entry
        if entry.number is not None:
            numbers[entry.pk] = entry.number
        else:
            drafts[entry.minutes_id] = entry.minutes
    if drafts:
        numbers.update(minute_numbers_of(drafts.values()))
    return numbers


def rows(decisions, *, as_of: dt.date, order_by_status=False) -> list[Row]:
    """Rows for `decisions` (fetched `for_tracker()`), in minute order, or overdue first."""
    decisions = list(decisions)
    numbers = numbers_of(decisions)
    result = [
        Row(
            decision=decision,
            minute_number=numbers[decision.outcome.entry_id],
            status=decision.status(as_of),
            response_late=decision.response_late(as_of),
        )
        for decision in decisions
    ]
    if order_by_status:
        result.sort(key=lambda row: tracking.STATUS_ORDER.index(row.status))
    return result
