"""The tracker's rules: the executive's two months (LGA 2000 s.9FE) and computed statuses."""

import datetime as dt

import pytest

from workprogramme import tracking
from workprogramme.tracking import COMPLETE, IN_PROGRESS, OPEN, OVERDUE

D = dt.date


@pytest.mark.parametrize(
    ("made_on", "due"),
    [
        (D(2019, 6, 12), D(2019, 8, 12)),
        (D(2019, 12, 31), D(2020, 2, 29)),  # a leap year's February
        (D(2018, 12, 31), D(2019, 2, 28)),
        (D(2019, 12, 30), D(2020, 2, 29)),
        (D(2019, 7, 31), D(2019, 9, 30)),
        (D(2019, 8, 31), D(2019, 10, 31)),
        (D(2019, 11, 15), D(2020, 1, 15)),  # into the next year
    ],
)
def test_the_executive_responds_within_two_months_month_ends_falling_on_the_last_day(made_on, due):
    assert tracking.response_due(made_on) == due


def test_a_response_is_late_after_the_due_date_whether_given_late_or_still_awaited():
    made = D(2019, 12, 31)
    assert not tracking.response_late(made, None, as_of=D(2020, 2, 29))
    assert tracking.response_late(made, None, as_of=D(2020, 3, 1))
    assert tracking.response_late(made, D(2020, 3, 2), as_of=D(2020, 6, 1))
    assert not tracking.response_late(made, D(2020, 2, 20), as_of=D(2020, 6, 1))


JULY = D(2019, 7, 1)


def status(target=None, notes=(), responded=None, as_of=JULY):
    return tracking.status(
        target_date=target, note_dates=notes, responded_on=responded, as_of=as_of
    )


def test_status_moves_from_open_to_in_progress_to_complete_with_the_notes():
    assert status(target=D(2019, 7, 31)) == OPEN
    assert status(target=D(2019, 7, 31), notes=[(D(2019, 6, 20), False)]) == IN_PROGRESS
    assert status(target=D(2019, 7, 31), notes=[(D(2019, 6, 20), True)]) == COMPLETE


def test_overdue_once_the_target_date_has_passed_unless_complete():
    assert status(target=D(2019, 6, 30)) == OVERDUE
    assert status(target=D(2019, 6, 30), notes=[(D(2019, 6, 20), False)]) == OVERDUE
    assert status(target=D(2019, 6, 30), notes=[(D(2019, 7, 1), True)]) == COMPLETE
    # Due today is not yet overdue.
    assert status(target=D(2019, 7, 1)) == OPEN


def test_notes_and_responses_after_the_date_asked_about_do_not_count_yet():
    later = [(D(2019, 7, 2), True)]
    assert status(target=D(2019, 7, 31), notes=later) == OPEN
    assert status(target=D(2019, 7, 31), responded=D(2019, 7, 2)) == OPEN
    assert status(target=D(2019, 7, 31), responded=D(2019, 6, 28)) == COMPLETE
