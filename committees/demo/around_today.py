"""Meetings around today's date, so that the portal has something recent and upcoming."""

import datetime as dt

from committees.demo.bodies import PFCF, closing_items, opening_items
from committees.demo.common import (
    add_items,
    add_meeting,
    at,
    municipal_year_start,
    published,
    wednesday_on_or_after,
)
from committees.models import Meeting


def meetings(today: dt.date, committees, venues) -> None:
    """A recent PFCF meeting and the next few, so that 'upcoming meetings' has something to show.

    The next one has its agenda out already, on time: on the statutory deadline, or today if
    that is still to come.
    """
    pfcf = committees[PFCF]
    warspite = venues["Warspite Room, Council House"]
    year_start = dt.date(municipal_year_start(today), 5, 1)

    previous = None
    recent = wednesday_on_or_after(today - dt.timedelta(weeks=8))
    if year_start <= recent < today:
        meeting = add_meeting(
            pfcf, at(recent, 14), warspite, Meeting.Status.HELD, published_on=published(recent)
        )
        add_items(meeting, [*opening_items(None), *closing_items()])
        previous = recent

    next_meeting = wednesday_on_or_after(today + dt.timedelta(days=1))
    for number, day in enumerate(
        [next_meeting, next_meeting + dt.timedelta(weeks=7), next_meeting + dt.timedelta(weeks=14)]
    ):
        if number == 0:
            status = Meeting.Status.AGENDA_PUBLISHED
            fields = {"published_on": min(published(day), today), "webcast": True}
        else:
            status, fields = Meeting.Status.SCHEDULED, {}
        meeting = add_meeting(pfcf, at(day, 14), warspite, status, **fields)
        add_items(meeting, [*opening_items(previous), *closing_items()])
        previous = day

    education = committees["Education and Children's Social Care Overview and Scrutiny Committee"]
    day = next_meeting + dt.timedelta(weeks=2)
    meeting = add_meeting(
        education, at(day, 14), venues["Council Chamber, Council House"], Meeting.Status.SCHEDULED
    )
    add_items(meeting, [*opening_items(None), *closing_items()])
