"""The Performance, Finance and Customer Focus committee in 2019: the meetings of 20 March and
12 June as the minutes record them (those of 12 June as data: `minutes_2019`), and the agenda
pack of 24 July (seed 004)."""

import datetime as dt

from committees.demo import minutes_2019
from committees.demo.bodies import (
    APOLOGIES,
    DECLARATIONS,
    PFCF,
    URGENT_BUSINESS,
    minutes_item,
    opening_items,
)
from committees.demo.common import (
    add_document,
    add_items,
    add_meeting,
    at,
    content,
    published,
    saved,
)
from committees.models import CoverSheet, Document, Meeting

EQUALITIES_DUTY = (
    "When considering these proposals members have a responsibility to ensure they give due "
    "regard to the Council's duty to promote equality of opportunity, eliminate unlawful "
    "discrimination and promote good relations between people who share protected "
    "characteristics under the Equalities Act and those who do not."
)


def meetings(committees, venues, officers, councillors) -> dict[dt.date, Meeting]:
    """The committee's three meetings of 2019, by date."""
    pfcf = committees[PFCF]
    warspite = venues["Warspite Room, Council House"]
    held = Meeting.Status.HELD

    # 20 March 2019: known only from minute 56, which approved its minutes.
    day = dt.date(2019, 3, 20)
    march = add_meeting(pfcf, at(day, 15), warspite, held, published_on=published(day))
    add_items(march, opening_items(None))

    # 12 June 2019: the items as the minutes record them (minutes 54-60). The seeds hold none
    # of their papers, so the items without one are shown as presented orally.
    day = dt.date(2019, 6, 12)
    june = add_meeting(pfcf, at(day, 15), warspite, held, published_on=published(day))
    add_items(
        june,
        [
            {"title": "To Note the Appointment of the Chair and Vice Chair", "verbal": True},
            {"title": "Declarations of Interest", "standing_text": DECLARATIONS},
            minutes_item(march.date),
            {"title": "Chair's Urgent Business", "standing_text": URGENT_BUSINESS},
            {"title": "Terms of Reference", "verbal": True},
            {"title": "Corporate Performance and Finance Outturn Report", "to_follow": True},
            {"title": "Draft Work Programme", "verbal": True},
        ],
    )
    june_minutes = minutes_2019.june(june, officers, councillors)

    # 24 July 2019: the agenda pack of seed 004, still at 3pm as its front sheet says.
    july = add_meeting(
        pfcf,
        at(dt.date(2019, 7, 24), 15),
        warspite,
        Meeting.Status.AGENDA_PUBLISHED,
        published_on=dt.date(2019, 7, 16),
        webcast=True,
    )
    items = add_items(
        july,
        [
            {"title": "Apologies", "standing_text": APOLOGIES},
            {"title": "Declarations of Interest", "standing_text": DECLARATIONS},
            minutes_item(june.date),
            {"title": "Chair's Urgent Business", "standing_text": URGENT_BUSINESS},
            {"title": "Mapping of Corporate Plan to Scrutiny Committees"},
            {"title": "Revenue Monitor 2019/20 - Month 2"},
            {"title": "Update on the Corporate Procurement Services", "to_follow": True},
            {"title": "Customer Experience Programme Update"},
            {"title": "Performance discussion", "verbal": True},
            {"title": "Work Programme"},
            {"title": "Tracking Decisions"},
        ],
    )
    _, _, minutes, _, mapping, revenue, _, experience, _, _, _ = items
    report, appendix = Document.Kind.REPORT, Document.Kind.APPENDIX

    # Generated from the minutes of 12 June 2019, which the meeting is asked to confirm.
    add_document(
        minutes,
        1,
        Document.Kind.GENERATED,
        "Minutes of the meeting held on 12 June 2019",
        generator="committees.minutes",
        generator_record=june_minutes.pk,
    )
    add_document(
        mapping,
        1,
        Document.Kind.GENERATED,
        "Mapping of Corporate Plan to Scrutiny Committees",
        generator="committees.corporate_plan_mapping",
    )

    revenue_report = add_document(revenue, 1, report, "Revenue Monitoring 2019/20 – Month 2")
    _cover(
        revenue_report,
        lead_member=councillors["Lowry"],
        lead_director=officers["Andrew Hardingham"],
        authors=[officers["Paul Looby"], officers["Hannah West"]],
        reference="M2",
        purpose=(
            "This report outlines the finance monitoring position of the Council as at the end of "
            "May 2019.\n\n"
            "The primary purpose of this report is to detail how the Council is delivering against "
            "its financial measures using its revenue resources.\n\n"
            # The seed's text says £185.481m but its own Table 1 totals £185.482m: the
            # appendix's headline is generated from the figures (finance/demo.py).
            "As shown in Table 1 below, the projected revenue overspend is £3.958m against a "
            "revenue budget of £185.482m."
        ),
        recommendations=(
            "1. That Scrutiny note the month two monitoring position.\n"
            "Reason: It is a requirement to report on the use of the Council's budget."
        ),
        alternatives=(
            "None considered as it is a statutory requirement to report on the use of the "
            "Council's budget funds."
        ),
        corporate_plan_relevance=(
            "This report is fundamentally linked to delivering the priorities within the "
            "Council's Corporate Plan. Allocating limited resources to key priorities will "
            "maximise the benefits to the residents of Plymouth."
        ),
        financial_implications=(
            "Robust and accurate financial monitoring underpins the Council's Medium Term "
            "Financial Strategy (MTFS). The Council's Medium Term Financial Forecast is updated "
            "regulary based on on-going monitoring information, both on a local and national "
            "context. Any adverse variations from the annual budget will place pressure on the "
            "MTFS going forward and require additional savings to be generated in future years."
        ),
        carbon_implications="No direct implications from the report.",
        other_implications=(
            f"{EQUALITIES_DUTY}\n\n"
            "The reducing revenue and capital resources across the public sector has been "
            "identified as a key risk within our Strategic Risk register. The ability to deliver "
            "spending plans is paramount to ensuring the Council can achieve its objectives to be "
            "a Growing and Caring City."
        ),
        finance_ref="djn.19.20.57",
        legal_ref="lt/32875/0907",
        originating_slt_member=officers["Andrew Hardingham"],
        director_agreed_on=dt.date(2019, 7, 8),
        cabinet_member_approved_on=dt.date(2019, 7, 8),
        cabinet_member_approval_note="approved by email",
    )
    # Its appendix, Tables 1 and 3, is generated from the monitoring data by finance/demo.py.

    experience_report = add_document(experience, 1, report, "Customer Experience Programme Update")
    _cover(
        experience_report,
        lead_member=councillors["Taylor"],
        lead_director=officers["Andy Ralphs"],
        authors=[officers["Pete Honeywell"]],
        reference="CEP/07/19",
        purpose=(
            "To update the committee on the progress made to deliver the changes to be delivered "
            "through the Customer Experience Programme.\n\n"
            "To seek their recommendations on the proposed elements of the programme"
        ),
        recommendations=(
            "Scrutiny to consider, and make recommendations to amend where necessary, the proposed "
            "structures to deliver the programme of work. Specifically following workstreams:\n\n"
            "• End to end reviews\n"
            "• Operating model\n"
            "• Digital\n"
            "• Workforce Modernisation\n"
            "• Community Engagement\n"
            "• Accommodation\n"
            "• Procurement"
        ),
        alternatives=(
            "1/. Meeting budget challenges soley though an allocation of savings to each "
            "department/directorate\n"
            "2/. Wholesale outsourcing of services to achieve budget savings"
        ),
        corporate_plan_relevance=(
            "The Corporate Plan, as well as the Plymouth Plan have been taken and key inputs for "
            "the Customer Experience Programme. The mission in the Corporate Plan: “Making "
            "Plymouth a fairer place, where everyone does their bit”, is central to the goals and "
            "outcomes for the Customer Experience Programme."
        ),
        financial_implications=(
            "The specific contribution made by the Customer Experience Programme to the MTFP is "
            "being defined. Whilst there will be both costs and benefits associated with all the "
            "components of the work, the majority of the financial benefits will be delivered "
            "through the implementation of the findings of the Opportunity Assessments. Each "
            "assessment will therefore develop an outline business case for the recommendations "
            "it makes, as such the big contribution that the Customer Experience Programme will "
            "make to the MTFP will be defined incrementally."
        ),
        carbon_implications="There are currently no implications.",
        other_implications=(
            f"{EQUALITIES_DUTY}\n\n"
            "Specific implications for the programme will be described as recommendations for "
            "changes are developed in Opportunity Assessments or from the enabling programmes."
        ),
        finance_ref="pl.18.19.257",
        legal_ref="lt/32283/1803",
        originating_slt_member=officers["Andy Ralphs"],
        director_agreed_on=dt.date(2019, 7, 16),
        cabinet_member_approved_on=dt.date(2019, 7, 16),
        cabinet_member_approval_note="approved by email",
    )
    # The seed's diagrams were lost in text extraction; the text that introduced them is kept.
    add_document(
        experience,
        2,
        appendix,
        "Briefing report",
        body=content("customer_experience_briefing.html"),
    )

    # The work programme and tracking decisions are generated from the work programme app's
    # records (workprogramme/demo.py adds them to their items).
    return {meeting.date: meeting for meeting in (march, june, july)}


def _cover(document, *, authors, **fields) -> CoverSheet:
    cover = saved(CoverSheet(document=document, **fields))
    cover.authors.set(authors)
    return cover
