"""Statutory publication deadlines for agendas.

Local Government Act 1972 s.100B(3): copies of the agenda and reports are open to inspection at
least five clear days before the meeting. "Clear days" exclude the day of publication and the day
of the meeting, and (Local Government (Access to Information) (Variation) Order 2002) Saturdays,
Sundays, Christmas Day, Good Friday and bank holidays — here England and Wales bank holidays.
"""

import datetime
from functools import cache

import holidays

CLEAR_DAYS = 5
ONE_DAY = datetime.timedelta(days=1)


@cache
def _bank_holidays(year):
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def clear_working_days_between(published: datetime.date, meeting: datetime.date) -> int:
    """Working days strictly after `published` and strictly before `meeting`."""
    day, count = published + ONE_DAY, 0
    while day < meeting:
        count += is_working_day(day)
        day += ONE_DAY
    return count


def latest_publication_date(meeting: datetime.date) -> datetime.date:
    """The last working day on which the agenda can be published with five clear days left."""
    day, clear = meeting - ONE_DAY, 0
    while clear < CLEAR_DAYS:
        clear += is_working_day(day)
        day -= ONE_DAY
    # `day` is now the day before the fifth clear day; publish on a working day, when the
    # council's offices are open for inspection.
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def is_late(meeting: datetime.date, published: datetime.date) -> bool:
    """Publishing on `published` leaves under five clear days, so it needs a reason for urgency."""
    return clear_working_days_between(published, meeting) < CLEAR_DAYS
