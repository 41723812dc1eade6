"""The seed's July 2019 agenda as the demo loads it (committees/demo/pack_2019.py): its items,
papers and cover sheets, and its pack as rendered, published and served."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from committees.models import Document, Meeting, Membership
from committees.packs.render import render_pack_pdf
from tests.support.demo import SEED_AGENDA, seed_meeting
from tests.support.pdf import PackPdf

pytestmark = pytest.mark.usefixtures("published_seed")


def test_demo_pack_ranges_odd_starts_blank_pages_and_bookmarks_read_like_the_seed(demo):
    meeting = seed_meeting()
    pdf = PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)
    ranges = pdf.assert_laid_out_like_a_council_pack()
    # The seed numbers from the minutes: item 3 opens on page 1.
    numbers = {item.title: item.number for item in pdf.items}
    assert ranges[numbers["Minutes"]][0] == 1
    assert set(ranges) == {
        numbers[title]
        for title in (
            "Minutes",
            "Mapping of Corporate Plan to Scrutiny Committees",
            "Revenue Monitor 2019/20 - Month 2",
            "Customer Experience Programme Update",
            "Work Programme",
            "Tracking Decisions",
        )
    }
    front = pdf.front
    assert "Update on the Corporate Procurement Services – To Follow" in front
    assert "Performance discussion (Verbal)" in front
    assert re.search(r"Minutes \(Pages 1 - \d+\)", front)
    # Bookmarks: the front sheet, the agenda, then each item with its documents beneath.
    outline = pdf.outline()
    top = [title for level, title, _ in outline if level == 0]
    assert top[:2] == ["Front sheet", "Agenda"]
    starts = pdf.item_starts()
    for level, title, page in outline:
        match = re.match(r"(\d+)\. ", title)
        if level == 0 and match:
            assert page == starts[int(match[1])]
    assert top[2:] == [
        f"{item.number}. {item.title}" for item in pdf.items if item.number in starts
    ]
    assert any(level == 1 for level, _, _ in outline)


def test_demo_pack_metadata_title_author_language_and_tags(demo):
    meeting = seed_meeting()
    reader = PdfReader(io.BytesIO(render_pack_pdf(meeting, restricted=False).data))
    assert reader.metadata.title == (
        "Performance, Finance and Customer Focus Overview and Scrutiny Committee – "
        "24 July 2019 – agenda pack"
    )
    assert reader.metadata.author == "Plymouth City Council"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


def test_demo_public_pdf_download_has_a_meaningful_name_and_caching_headers(client, published_seed):
    meeting = seed_meeting()
    response = client.get(reverse("committees:pack_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="2019-07-24 Performance Finance and Customer Focus agenda pack.pdf"'
        in response["Content-Disposition"]
    )
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["ETag"]
    assert response.content.startswith(b"%PDF-")


def test_loads_the_24_july_2019_agenda_with_the_seeds_eleven_items_in_order(demo):
    items = list(seed_meeting().items.numbered())

    assert [(item.number, item.title) for item in items] == list(enumerate(SEED_AGENDA, start=1))
    assert [item.number for item in items if item.to_follow] == [7]
    assert [item.number for item in items if item.verbal] == [9]


def test_july_2019_meeting_is_as_the_front_sheet_says(demo):
    meeting = seed_meeting()

    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.published_on == dt.date(2019, 7, 16)
    assert meeting.webcast
    assert meeting.start_time == dt.time(15, 0)
    assert meeting.venue.name == "Warspite Room, Council House"
    assert str(meeting.municipal_year) == "2019/2020"
    chair = meeting.committee.memberships.current_on(meeting.date).get(role=Membership.Role.CHAIR)
    assert str(chair.councillor) == "Councillor Kelly"
    assert meeting.committee.contact.name == "Jamie Sheldon"


def test_standing_items_carry_their_standing_text(demo):
    items = {item.title: item for item in seed_meeting().items.all()}

    assert items["Apologies"].standing_text == (
        "To receive apologies for non-attendance submitted by Councillors."
    )
    assert items["Minutes"].standing_text == (
        "To confirm the minutes of the previous meeting held on 12 June 2019."
    )


def test_july_2019_documents_are_in_their_items_in_order(demo):
    documents = {
        item.title: [(d.kind, d.title) for d in item.documents.all()]
        for item in seed_meeting().items.all()
    }

    assert documents["Minutes"] == [("generated", "Minutes of the meeting held on 12 June 2019")]
    assert documents["Mapping of Corporate Plan to Scrutiny Committees"] == [
        ("generated", "Mapping of Corporate Plan to Scrutiny Committees")
    ]
    assert documents["Revenue Monitor 2019/20 - Month 2"] == [
        ("report", "Revenue Monitoring 2019/20 – Month 2"),
        ("generated", "Month 2 Revenue Monitoring Report"),
    ]
    assert documents["Customer Experience Programme Update"] == [
        ("report", "Customer Experience Programme Update"),
        ("appendix", "Briefing report"),
    ]
    assert documents["Update on the Corporate Procurement Services"] == []
    assert documents["Performance discussion"] == []


def test_revenue_report_cover_sheet_uses_the_tables_total_not_the_typo(demo):
    report = Document.objects.get(title="Revenue Monitoring 2019/20 – Month 2")
    cover = report.cover

    assert cover.lead_member.described == "Councillor Mark Lowry (Cabinet Member for Finance)"
    assert cover.lead_director.described == "Andrew Hardingham (Service Director for Finance)"
    assert sorted(a.name for a in cover.authors.all()) == ["Hannah West", "Paul Looby"]
    # The budget the text quotes is Table 1's total, which the finance app's appendix
    # computes from the monitoring data (tests/finance).
    assert "against a revenue budget of £185.482m" in cover.purpose
    assert "185.481" not in cover.purpose
    assert (cover.finance_ref, cover.legal_ref) == ("djn.19.20.57", "lt/32875/0907")
    assert cover.director_agreed_on == dt.date(2019, 7, 8)
    assert not cover.key_decision
