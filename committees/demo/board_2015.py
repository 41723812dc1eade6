"""The Co-operative Scrutiny Board in 2015 with its programme update (seed 000)."""

import datetime as dt

from committees.demo.bodies import CO_OPERATIVE_SCRUTINY_BOARD
from committees.demo.common import add_document, add_items, add_meeting, at, content, published
from committees.models import Document, Meeting


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
    (item,) = add_items(
        meeting, [{"title": "Co-operative Centre of Operations (CCO) Programme Update"}]
    )
    add_document(
        item,
        1,
        Document.Kind.REPORT,
        "Co-operative Centre of Operations (CCO) Programme Update",
        body=content("cco_programme_update_2015.html"),
    )
    return meeting
