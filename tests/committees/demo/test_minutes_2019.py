"""The minutes of 12 June 2019 as the demo records them (committees/demo/minutes_2019.py), and
the seed's July 2019 pack printing them as its item 3, generated from that data."""

import datetime as dt
import re

import pytest

from committees import minutes as rules
from committees.models import Attendance, Minutes, Outcome
from committees.packs.render import render_pack_pdf
from tests.support.demo import seed_meeting
from tests.support.pdf import PackPdf, squash

pytestmark = pytest.mark.usefixtures("demo")

SEED_TITLES = [
    "To Note the Appointment of the Chair and Vice Chair",
    "Declarations of Interest",
    "Minutes",
    "Chair's Urgent Business",
    "Terms of Reference",
    "Corporate Performance and Finance Outturn Report (To Follow)",
    "Draft Work Programme",
]


def june_minutes():
    return Minutes.objects.get(meeting__starts_at__date=dt.date(2019, 6, 12))


def test_june_2019_minutes_run_54_to_60_under_the_committees_continuous_numbering():
    entries = rules.numbered_entries(june_minutes())

    assert [(entry.minute_number, entry.title) for entry in entries] == list(
        enumerate(SEED_TITLES, start=54)
    )


def test_june_2019_attendance_reads_as_the_seed():
    minutes = june_minutes()
    record = rules.record(minutes, restricted=False)

    assert record.attendance["present"] == (
        "Councillor Kelly, in the Chair. Councillor Winter, Vice Chair. Councillors Derrick, "
        "Drean (substituting for Ms Watkin), Mrs Johnson, Murphy (substituting for Hendy), "
        "Pengelly (substituting for Wigens) and Vincent."
    )
    assert record.attendance["apologies"] == (
        "Councillors Hendy (Councillor Murphy substituting), Ms Watkin (Councillor Drean "
        "substituting) and Wigens (Councillor Pengelly substituting)."
    )
    assert record.attendance["in_attendance"] == (
        "Jamie Sheldon (Democratic Advisor), Councillor Mark Lowry (Cabinet Member for Finance), "
        "Andrew Loton (Senior Performance Advisor) and Paul Looby (Head of Financial Planning "
        "and Reporting)."
    )
    assert record.times == "The meeting started at 3.00 pm and finished at 5.00 pm."
    substitutions = {
        (row.councillor.name, row.substitute_for.name)
        for row in minutes.attendance.filter(status=Attendance.Status.SUBSTITUTE)
    }
    assert substitutions == {("Murphy", "Hendy"), ("Drean", "Ms Watkin"), ("Pengelly", "Wigens")}


def test_june_2019_outcomes_include_the_request_and_the_eight_topics_scheduled():
    minutes = june_minutes()
    request = Outcome.objects.get(entry__minutes=minutes, kind=Outcome.Kind.REQUESTED)
    scheduled = Outcome.objects.get(entry__minutes=minutes, kind=Outcome.Kind.SCHEDULED)

    assert request.text.startswith("The Committee requested Monthly Finance Monitoring reports")
    assert request.recipient_described == "Paul Looby (Head of Financial Planning and Reporting)"
    assert request.councillor.name == "Lowry"
    assert scheduled.topic_list[0] == "Monthly Finance reports;"
    assert len(scheduled.topic_list) == 8
    assert minutes.status == Minutes.Status.PUBLISHED


def test_july_2019_pack_prints_minutes_54_to_60_from_data_with_its_exact_range():
    meeting = seed_meeting()
    pdf = PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)
    ranges = pdf.assert_laid_out_like_a_council_pack()
    minutes_item = next(item for item in pdf.items if item.title == "Minutes")
    first, last = ranges[minutes_item.number]
    assert re.search(rf"Minutes \(Pages {first} - {last}\)", pdf.front)
    item_text = squash(
        " ".join(
            text
            for text, number in zip(pdf.texts, pdf.numbers, strict=True)
            if number is not None and first <= number <= last
        )
    )
    positions = [
        item_text.index(f"{number}. {title}") for number, title in enumerate(SEED_TITLES, start=54)
    ]
    assert positions == sorted(positions)
    assert "Note: At a future meeting, the committee will consider the accuracy" in item_text
    # The lettered points print as the minutes write them, (a) to (g), in order.
    letters = [item_text.index(f"({letter}) ") for letter in "abcdefg"]
    assert letters == sorted(letters)
    assert "(g) This minimum was approved by Council." in item_text
    assert "1. In terms of performance" not in item_text
