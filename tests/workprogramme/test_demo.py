"""The seed's work programme, tracked decisions and programme updates as the demo loads them
(workprogramme/demo), and the July 2019 pack generated from them."""

import datetime as dt

import pytest

from committees.demo import PFCF
from committees.demo.bodies import CO_OPERATIVE_SCRUTINY_BOARD
from committees.models import Meeting
from committees.packs.render import render_pack_html, render_pack_pdf
from tests.support.demo import seed_meeting
from tests.support.pdf import PackPdf, squash
from workprogramme.demo import TO_BE_SCHEDULED
from workprogramme.models import Programme, Topic, TrackedDecision

pytestmark = pytest.mark.usefixtures("published_seed")

# The seed's rows (Work Programme 2019-2020, seed 004 pages 29-32), as the pack prints them:
# date of meeting, agenda item, score, responsible.
SEED_ROWS = [
    ("12 June 2019", "Corporate Finance Monitoring Report Q4 and Outturn", "(5)",
     "Councillor Lowry/ Andrew Hardingham/ Andrew Loton"),
    ("24 July 2019", "Monthly Finance Report Month 2", "(5)",
     "Councillor Lowry/ Andrew Hardingham"),
    ("", "Procurement Services", "(5)", "Councillor Lowry/ Andrew Hardingham"),
    ("", "Customer Experience Programme update", "(4)",
     "Councillor Haydon/ Andy Ralphs/Pete Honeywell"),
    ("2 October 2019", "Monthly Finance Report Month 5", "", ""),
    ("", "Corporate Finance Monitoring Report Q1 and Outturn 2019/20", "(5)", ""),
    ("", "The Homelessness Strategy", "(5)", "Matt Garrett"),
    ("", "Update on Alliance Contract 6 month review", "", ""),
    ("27 November 2019", "Monthly Finance Report Month 6", "(5)", ""),
    ("22 January 2020", "Monthly Finance Report Month 7", "(5)", ""),
    ("18 March 2020", "Monthly Finance Report Month 10", "(5)", ""),
    ("", "Corporate Finance Monitoring Report Q3 and Outturn 2019/20", "(5)", ""),
]  # fmt: skip


@pytest.fixture(scope="module")
def july_pdf(module_published_seed, django_db_blocker):
    with django_db_blocker.unblock():
        meeting = seed_meeting()
        return PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)


def item_text(pdf, title):
    """The text of an item's pages, from its page range on the front sheet."""
    number = next(item.number for item in pdf.items if item.title == title)
    first, last = pdf.printed_ranges()[number]
    start = pdf.numbers.index(first)
    return squash(" ".join(pdf.body(i) for i in range(start, pdf.numbers.index(last) + 1)))


def test_july_pack_ranges_are_exact_with_the_generated_work_programme_and_tracker(july_pdf):
    ranges = july_pdf.assert_laid_out_like_a_council_pack()
    numbers = {item.title: item.number for item in july_pdf.items}
    programme, tracking = ranges[numbers["Work Programme"]], ranges[numbers["Tracking Decisions"]]
    assert programme[0] % 2 == 1 and tracking[0] % 2 == 1
    assert programme[1] < tracking[0]
    # The tracker opens on the next right-hand page after the work programme's last.
    assert tracking[0] == programme[1] + 1 + programme[1] % 2


def test_july_pack_work_programme_carries_the_seeds_rows_in_order_with_their_scores(july_pdf):
    text = item_text(july_pdf, "Work Programme")
    assert "Please note that the work programme is a 'live' document" in text
    assert "please contact Jamie Sheldon, Democratic Advisor on 01752 304001." in text
    position = 0
    for date, title, score, responsible in SEED_ROWS:
        row = squash(" ".join(part for part in (date, title, score) if part))
        found = text.find(row, position)
        assert found >= 0, row
        if responsible:
            assert responsible in text[found : found + 300], title
        position = found
    sections = ["Items to be scheduled 2019/20", *TO_BE_SCHEDULED, "Select Committee Reviews",
                "To be scheduled Gypsy Roma and Travellers Unauthorised Camps (4) Member request "
                "Councillor Penberthy/ Matt Garrett", "Joint Select Committee Reviews",
                "Annex 1 – Scrutiny Prioritisation Tool"]  # fmt: skip
    for part in sections:
        found = text.find(part, position)
        assert found > position, part
        position = found
    assert "High 5-6 Medium 3-4 Low 1-2" in text


def test_july_pack_tracks_minutes_59_and_60_of_12_june_2019_as_complete(july_pdf):
    text = item_text(july_pdf, "Tracking Decisions")
    assert text.index("59 12 June 2019: Corporate Performance and Finance Outturn Report") < (
        text.index("60 12 June 2019: Draft Work Programme")
    )
    assert (
        "The Committee requested Monthly Finance Monitoring reports to be circulated to members "
        "and a report to come to each Committee meeting."
    ) in text
    assert "Officer: Paul Looby/Councillor Lowry" in text
    assert "Complete – Month 2 Monitoring report added to July 2019 agenda." in text
    assert "Officer: Jamie Sheldon" in text
    assert "Complete – Items have been added to the Work Programme." in text
    for topic in ("Monthly Finance reports;", "Carbon Initiative;", "People Directorate."):
        assert topic in text


def test_the_later_meetings_of_2019_20_are_scheduled_with_their_topics_on_the_agendas():
    later = Meeting.objects.filter(
        committee__name=PFCF, starts_at__date__gt=dt.date(2019, 7, 24), starts_at__year__lt=2021
    ).order_by("starts_at")
    assert [m.date for m in later] == [
        dt.date(2019, 10, 2),
        dt.date(2019, 11, 27),
        dt.date(2020, 1, 22),
        dt.date(2020, 3, 18),
    ]
    october = list(later[0].items.order_by("position").values_list("title", flat=True))
    assert october[4:8] == [
        "Monthly Finance Report Month 5",
        "Corporate Finance Monitoring Report Q1 and Outturn 2019/20",
        "The Homelessness Strategy",
        "Update on Alliance Contract 6 month review",
    ]
    assert october[-2:] == ["Work Programme", "Tracking Decisions"]
    assert all(item.work_programme_topic for item in later[0].items.all()[4:8])


def test_demo_topics_score_as_the_seed_and_the_review_is_a_member_request():
    topics = Topic.objects.filter(programme__committee__name=PFCF)
    assert sorted({t.score for t in topics if t.score is not None}) == [4, 5]
    review = topics.get(kind=Topic.Kind.SELECT_REVIEW)
    assert (review.title, review.reason, review.band) == (
        "Gypsy Roma and Travellers Unauthorised Camps",
        "Member request",
        "Medium",
    )
    # The seed gives totals, never evidence: every "yes" is flagged.
    assert review.unevidenced
    carbon = topics.get(title="Carbon Initiative")
    assert carbon.meeting is None and carbon.source_outcome.kind == "scheduled"


def test_the_two_tracked_decisions_are_linked_to_minutes_59_and_60():
    decisions = TrackedDecision.objects.filter(
        outcome__entry__minutes__meeting=seed_meeting().committee.meetings.get(
            starts_at__date=dt.date(2019, 6, 12)
        )
    )  # noqa: E501
    assert [d.outcome.kind for d in decisions] == ["requested", "scheduled"]
    assert all(d.status(dt.date(2019, 7, 16)) == "complete" for d in decisions)


def test_customer_experience_programme_has_its_drivers_enablers_and_july_update():
    programme = Programme.objects.get(name="Customer Experience Programme")
    assert [d.title for d in programme.drivers.all()] == [
        "Customer expectations",
        "Empowering and supporting communities",
        "Financial sustainability",
        "Reputation",
    ]
    enablers = programme.workstreams.filter(kind="enabler").values_list("title", flat=True)
    assert list(enablers) == [
        "Digital",
        "Workforce Modernisation",
        "Community Engagement",
        "Accommodation",
        "Procurement",
    ]
    (update,) = programme.updates.all()
    assert update.meeting == seed_meeting()
    assert update.statuses.count() == programme.workstreams.count()


def test_the_2015_board_pack_answers_the_three_areas_requested_on_17_december_2014():
    board = Meeting.objects.get(committee__name=CO_OPERATIVE_SCRUTINY_BOARD)
    text = squash(render_pack_html(board, restricted=False))
    for number, area in enumerate(
        [
            "How measures for consultation and engagement will be built into the programme",
            "Role and function of the decision making network are to be made clearer",
            "Quick wins with timescales and present the CCO blueprint",
        ],
        start=1,
    ):
        assert f"{number}. {area}" in text
    assert "Asked for by Co-operative Scrutiny Board on 17 December 2014." in text
    assert "signed off by the CCO Programme Board on 28 Jan 2015" in text
