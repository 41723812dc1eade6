import datetime

import holidays
from hypothesis import given
from hypothesis import strategies as st

from committees.publication import (
    clear_working_days_between,
    is_late,
    is_working_day,
    latest_publication_date,
)


def test_seed_meeting_of_24_july_2019_must_be_published_by_16_july():
    assert latest_publication_date(datetime.date(2019, 7, 24)) == datetime.date(2019, 7, 16)


def test_good_friday_and_easter_monday_are_not_clear_days():
    assert latest_publication_date(datetime.date(2025, 4, 24)) == datetime.date(2025, 4, 14)


def test_christmas_and_boxing_day_are_not_clear_days():
    # Meeting Tuesday 5 January 2021: clear days 4 Jan, 31, 30, 29 Dec, 24 Dec (25, 28 Dec
    # and 1 Jan are bank holidays; 26-27 Dec a weekend).
    assert latest_publication_date(datetime.date(2021, 1, 5)) == datetime.date(2020, 12, 23)


def test_weekends_are_not_working_days():
    assert not is_working_day(datetime.date(2019, 7, 20))
    assert not is_working_day(datetime.date(2019, 7, 21))
    assert is_working_day(datetime.date(2019, 7, 22))


def test_publishing_on_the_deadline_is_on_time_and_a_day_later_is_late():
    meeting = datetime.date(2019, 7, 24)
    assert not is_late(meeting, datetime.date(2019, 7, 16))
    assert is_late(meeting, datetime.date(2019, 7, 17))


def test_day_of_publication_and_day_of_meeting_do_not_count():
    # Published Monday, meeting the next Monday: Tue-Fri are four clear days.
    assert clear_working_days_between(datetime.date(2019, 7, 15), datetime.date(2019, 7, 22)) == 4


ENGLAND_AND_WALES = holidays.country_holidays("GB", subdiv="ENG", years=range(1999, 2042))


def deadline_by_counting(meeting):
    """An independent oracle: step back from the meeting one day at a time and count, by the
    calendar alone, the working days strictly between that day and the meeting."""

    def working(day):
        return day.weekday() < 5 and day not in ENGLAND_AND_WALES

    day = meeting - datetime.timedelta(days=1)
    while True:
        between = (day + datetime.timedelta(days=n) for n in range(1, (meeting - day).days))
        if working(day) and sum(working(d) for d in between) >= 5:
            return day
        day -= datetime.timedelta(days=1)


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31)))
def test_latest_date_is_the_last_working_day_with_five_clear_days_before(meeting):
    deadline = deadline_by_counting(meeting)
    assert latest_publication_date(meeting) == deadline
    assert not is_late(meeting, deadline)
    # The next working day leaves four: late (a weekend in between may still be on time).
    later = deadline + datetime.timedelta(days=1)
    while later.weekday() >= 5 or later in ENGLAND_AND_WALES:
        later += datetime.timedelta(days=1)
    assert is_late(meeting, later)
