"""The Co-operative Scrutiny Board in 2015, which heard a programme update (seed 000).

The update itself is data of the work programme app (workprogramme/demo.py), which adds it to
the item as a generated document."""

import datetime as dt

from committees.demo.bodies import CO_OPERATIVE_SCRUTINY_BOARD
from committees.demo.common import add_items, add_meeting, at, published
from committees.models import Meeting


def meeting(committees, venues) -> Meeting:
    """The Co-operative Scrutiny Board's update, asked for on 17 December 2014 (seed 000)."""
    board = committees[CO_OPERATIVE_SCRUTINY_BOARD]
    day = dt.date(2015, 3, 25)
    meeting = add_meeting(
        board,
        at(day, 14),
        venues["Warspite Room, Council House"],
        Meeting.Status.HELD,
        published_on=published(day),
    )
    add_items(meeting, [{"title": "Co-operative Centre of Operations (CCO) Programme Update"}])
    return meeting
