"""The agenda pack's front sheet as printed: the members as the council sets them out, and the
webcast notices only for a meeting that is webcast."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from committees.models import Membership
from committees.packs.render import render_pack_pdf
from tests.factories import (
    CouncilFactory,
    CouncillorFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
)

WEBCAST = "This meeting will be webcast and available on-line after the meeting."
RECORDING = "Data collected during this webcast will be retained."


@pytest.fixture
def meeting(db):
    CouncilFactory(webcast_notice=WEBCAST, data_protection_notice=RECORDING)
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item__meeting=meeting)
    start = timezone.localdate() - dt.timedelta(days=30)
    for name, role in [
        ("Kelly", Membership.Role.CHAIR),
        ("Winter", Membership.Role.VICE_CHAIR),
        ("Derrick", Membership.Role.MEMBER),
        ("Hendy", Membership.Role.MEMBER),
        ("Wigens", Membership.Role.MEMBER),
    ]:
        MembershipFactory(
            committee=meeting.committee,
            councillor=CouncillorFactory(name=name),
            role=role,
            start_date=start,
        )
    return meeting


def front_sheet_lines(meeting):
    """The printed lines of the pack's first page, as a reader of the PDF gets them."""
    data = render_pack_pdf(meeting, restricted=False, use_cache=False).data
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    return [" ".join(line.split()) for line in text.splitlines()]


def test_chair_and_vice_chair_each_have_a_line_of_their_own(meeting):
    lines = front_sheet_lines(meeting)
    start = lines.index("Members:")
    assert lines[start + 1 : start + 4] == [
        "Councillor Kelly, Chair",
        "Councillor Winter, Vice Chair",
        "Councillors Derrick, Hendy and Wigens.",
    ]


def test_webcast_notices_print_only_for_a_webcast_meeting(meeting):
    page = " ".join(front_sheet_lines(meeting))
    assert WEBCAST not in page and RECORDING not in page
    meeting.webcast = True
    meeting.save()
    page = " ".join(front_sheet_lines(meeting))
    assert WEBCAST in page and RECORDING in page
