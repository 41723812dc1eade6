"""The demo data set, built from the two seed documents (DESIGN.md §1).

Plymouth City Council's Performance, Finance and Customer Focus Overview and Scrutiny Committee
with its July 2019 agenda pack, the other scrutiny committees of the corporate plan mapping, the
Co-operative Scrutiny Board's 2015 programme update, and a few meetings around today's date so
that the portal has something upcoming to show.

`load_demo()` is what `manage.py load_demo` runs. Rich text comes from the HTML files in
`content/`, transcribed from the seeds; it is sanitised on save like any other document body.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from committees import roles
from committees.models import (
    AgendaItem,
    Committee,
    CorporatePlanPriority,
    Council,
    Councillor,
    CoverSheet,
    Document,
    Meeting,
    Membership,
    MunicipalYear,
    Officer,
    Responsibility,
    StandingItem,
    Venue,
)
from committees.publication import latest_publication_date
from committees.services.publication import agenda_publish

CONTENT_DIR = Path(__file__).parent / "content"

DEMO_PASSWORD = "demo-password-2019"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    person: str
    group: str


DEMO_LOGINS = (
    DemoLogin("officer", "Jamie Sheldon", roles.OFFICERS),
    DemoLogin("author", "Paul Looby", roles.AUTHORS),
    DemoLogin("councillor", "Councillor Kelly", roles.COUNCILLORS),
)

PFCF = "Performance, Finance and Customer Focus Overview and Scrutiny Committee"
CO_OPERATIVE_SCRUTINY_BOARD = "Co-operative Scrutiny Board"

# Printed under the standing items of the front sheet (seed 004, page 2).
APOLOGIES = "To receive apologies for non-attendance submitted by Councillors."
DECLARATIONS = (
    "Councillors will be asked to make any declarations of interest in respect of items on the "
    "agenda."
)
URGENT_BUSINESS = (
    "To receive reports on business which in the opinion of the Chair, should be brought forward "
    "for urgent consideration."
)
# The items every scrutiny agenda opens and closes with, as in the July 2019 pack.
OPENING_ITEMS = [
    ("Apologies", APOLOGIES),
    ("Declarations of Interest", DECLARATIONS),
    ("Minutes", "To confirm the minutes of the previous meeting."),
    ("Chair's Urgent Business", URGENT_BUSINESS),
]
CLOSING_ITEMS = [
    ("Work Programme", "To consider the committee's work programme for the municipal year."),
    (
        "Tracking Decisions",
        "To monitor progress on the decisions and recommendations the committee has made.",
    ),
]

EQUALITIES_DUTY = (
    "When considering these proposals members have a responsibility to ensure they give due "
    "regard to the Council's duty to promote equality of opportunity, eliminate unlawful "
    "discrimination and promote good relations between people who share protected "
    "characteristics under the Equalities Act and those who do not."
)


def load_demo(*, copies: int = 1, today: dt.date | None = None, publish: bool = True) -> bool:
    """Load the demo data set into an empty portal; return False if a council already exists.

    `copies` > 1 adds copies - 1 synthetic replicas of every committee with its members,
    meetings, items and documents, so that query-count tests see ten times the rows.
    `publish` publishes the published meetings through the publication service, which renders
    and stores their packs (a few seconds; most tests do without).
    """
    if Council.objects.exists():
        return False
    today = today or timezone.localdate()
    with transaction.atomic():
        _load(today)
        if copies > 1:
            add_copies(copies)
        if publish:
            _publish()
    return True


def demo_logins_text() -> str:
    lines = [f"Demo logins (password {DEMO_PASSWORD}):"]
    for login in DEMO_LOGINS:
        lines.append(f"  {login.username:<11} {login.person} – {login.group}")
    return "\n".join(lines)


def content(name: str) -> str:
    return (CONTENT_DIR / name).read_text(encoding="utf-8")


# -- helpers -----------------------------------------------------------------------------------


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _wednesday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(2 - day.weekday()) % 7)


def municipal_year_start(day: dt.date) -> int:
    """The calendar year in which the municipal year containing `day` began."""
    return day.year if day.month >= 5 else day.year - 1


# -- the data ----------------------------------------------------------------------------------


def _load(today: dt.date) -> None:
    _council()
    officers = _officers()
    councillors = _councillors()
    venues = _venues()
    years = _municipal_years(today)
    committees = _committees(venues, officers)
    _memberships(committees, councillors, years, today)
    _meetings_2019(committees, venues, officers, councillors)
    _meeting_2015(committees, venues)
    _meetings_around(today, committees, venues)
    _users(officers, councillors)


def _council() -> Council:
    return _saved(
        Council(
            name="Plymouth City Council",
            department="Oversight and Governance",
            # The seed's "PLI 3BJ" is OCR debris for PL1. The front sheet prints the council's
            # name above the address, so the address leaves it out.
            address="Chief Executive's Department\nBallard House\nPlymouth\nPL1 3BJ",
            web_address="https://www.plymouth.gov.uk",
            chief_executive="Tracey Lee",
            democratic_services_phone="01752 305155",
            webcast_notice=(
                "This meeting will be webcast and available on-line after the meeting. By "
                "entering the meeting room, councillors are consenting to being filmed during the "
                "meeting and to the use of the recording for the webcast."
            ),
            data_protection_notice=(
                "The Council is a data controller under the Data Protection Act. Data collected "
                "during this webcast will be retained in accordance with authority's published "
                "policy."
            ),
            engagement_url="https://www.plymouth.gov.uk/councillors-committees-and-meetings",
        )
    )


OFFICERS = [
    # name, job title, email, phone
    ("Jamie Sheldon", "Democratic Support Officer", "", "01752 305155"),
    ("Paul Looby", "Head of Financial Planning and Reporting", "paul.looby@plymouth.gov.uk", ""),
    ("Hannah West", "Finance Business Partner", "hannah.west@plymouth.gov.uk", ""),
    ("Andrew Hardingham", "Service Director for Finance", "", ""),
    ("Andy Ralphs", "Strategic Director of Customer and Corporate Services", "", ""),
    (
        "Pete Honeywell",
        "Transformation Architecture Manager",
        "peter.honeywell@plymouth.gov.uk",
        "",
    ),
    ("Andrew Loton", "Senior Performance Advisor", "", ""),
    ("Matt Garrett", "Service Director for Community Connections", "", ""),
]


def _officers() -> dict[str, Officer]:
    return {
        name: _saved(Officer(name=name, job_title=title, email=email, phone=phone))
        for name, title, email, phone in OFFICERS
    }


# As the papers style them. Parties and wards are not in the seeds, so they stay blank.
COUNCILLORS_STYLED = [
    # name, full name, portfolio
    ("Kelly", "", ""),
    ("Winter", "", ""),
    ("Derrick", "", ""),
    ("Hendy", "", ""),
    ("Mrs Johnson", "", ""),
    ("Singh", "", ""),
    ("Vincent", "", ""),
    ("Ms Watkin", "", ""),
    ("Wigens", "", ""),
    ("Drean", "", ""),
    ("Murphy", "", ""),
    ("Pengelly", "", ""),
    ("Lowry", "Mark Lowry", "Cabinet Member for Finance"),
    ("Taylor", "Jon Taylor", "Cabinet Member for Education, Skills and Transformation"),
    ("Haydon", "", ""),
    ("Penberthy", "", ""),
]


def _councillors() -> dict[str, Councillor]:
    return {
        name: _saved(
            Councillor(
                name=name,
                full_name=full_name,
                portfolio=portfolio,
                # Set here, not left to save(): full_clean() refuses a blank slug.
                slug=slugify(full_name or name),
            )
        )
        for name, full_name, portfolio in COUNCILLORS_STYLED
    }


def _venues() -> dict[str, Venue]:
    council_house = "Council House\nArmada Way\nPlymouth"
    return {
        name: _saved(Venue(name=name, address=address))
        for name, address in [
            ("Warspite Room, Council House", council_house),
            ("Council Chamber, Council House", council_house),
            ("Board Room, Ballard House", "Ballard House\nPlymouth\nPL1 3BJ"),
        ]
    }


def _municipal_years(today: dt.date) -> dict[int, MunicipalYear]:
    """May to April, contiguous: the seeds' years plus the current and next ones."""
    current = municipal_year_start(today)
    years = {}
    for start in sorted({2014, 2018, 2019, current, current + 1}):
        years[start] = _saved(
            MunicipalYear(
                label=f"{start}/{start + 1}",
                start_date=dt.date(start, 5, 1),
                end_date=dt.date(start + 1, 4, 30),
            )
        )
    return years


# The mapping of the corporate plan to scrutiny committees (seed 004, pages 5-6), split into
# the separate responsibilities of the original table.
SCRUTINY_COMMITTEES = [
    (
        "Brexit, Infrastructure and Legislative Change",
        [
            "Relevant policies in the Plymouth Plan",
            "Response to Central Government's Policy Making",
            "Capital Programme",
            "Strategic Procurement",
            "Corporate Property",
            "Development planning",
            "Strategic Highways",
            "Economic Development",
            "Heart of the South West Productivity Plan",
            "Strategic Transport policies and strategies",
            "Cultural Infrastructure",
            "Climate change and sustainability",
            "Reviewing impact of Brexit on the city",
            "Proposing measures that Government should take to provide stability for the council "
            "and partners in light of Brexit",
            "Exploring powers could be devolved from the EU directly to local authorities",
            "Hear call-ins relevant to the role of the committee",
        ],
        [
            "An efficient transport network",
            "A broad range of homes",
            "Economic growth that benefits as many people as possible",
            "Quality jobs and valuable skills",
            "A vibrant cultural offer",
            "A green and sustainable city that cares about the environment",
            "A strong voice for Plymouth regionally and nationally",
            "A welcoming city",
        ],
    ),
    (
        "Performance, Finance and Customer Focus",
        [
            "Relevant policies in the Plymouth Plan",
            "Corporate Performance Monitoring",
            "Financial Performance Monitoring",
            "Annual Budget Setting Process",
            "Medium Term Financial Strategy",
            "Revenues and benefits",
            "Homelessness",
            "Communications",
            "Human resources",
            "Audit and Risk",
            "Transformation",
            "Bereavement Services and Register Office",
            "Community Safety",
            "Customer Services",
            "Street scene and Waste",
            "Parking",
            "Hear call-ins relevant to the role of the committee",
        ],
        [
            "A clean and tidy city",
            "People feel safe in Plymouth",
            "A welcoming city",
            "Listening to our customers and communities",
            "Motivated, skilled and engaged staff",
            "Spending money wisely",
            "Providing quality public services",
        ],
    ),
    (
        "Education and Children's Social Care",
        [
            "Relevant policies in the Plymouth Plan",
            "Early Years Services",
            "Schools, colleges and other educational settings",
            "Child Poverty",
            "Special Education Needs, behaviour and attendance, narrowing the gap in outcomes",
            "Safeguarding Children",
            "Cared for children",
            "Youth offending",
            "Adoption and Fostering",
            "Corporate Parenting",
            "Hear call-ins relevant to the role of the committee",
        ],
        [
            "Improved schools where pupils achieve better outcomes",
            "Keep children, young people and adults protected",
            "Focus on prevention and early intervention",
        ],
    ),
    (
        "Health and Adult Social Care",
        [
            "Relevant policies in the Plymouth Plan",
            "Integrated Commissioning",
            "Hospital and community health services",
            "Dental services, pharmacy and NHS ophthalmic services",
            "Public health services",
            "Adult Social Care Services",
            "Adult Safeguarding Services",
            "Hear call-ins relevant to the role of the committee",
        ],
        [
            "Keep children, young people and adults protected",
            "Focus on prevention and early intervention",
            "Reduced health inequalities",
            "A welcoming city",
        ],
    ),
]


def _committees(venues, officers) -> dict[str, Committee]:
    warspite = venues["Warspite Room, Council House"]
    # Minute 57 (12 June 2019): PFCF moved from 3pm to 2pm "to be in line with other Scrutiny
    # Committees", so 2pm is every scrutiny committee's start time from then on.
    two_pm = dt.time(14, 0)

    priorities: dict[str, CorporatePlanPriority] = {}
    for _, _, titles in SCRUTINY_COMMITTEES:
        for title in titles:
            if title not in priorities:
                priorities[title] = _saved(
                    CorporatePlanPriority(title=title, position=len(priorities) + 1)
                )

    committees = {}
    for short_name, responsibilities, priority_titles in SCRUTINY_COMMITTEES:
        committee = _saved(
            Committee(
                name=f"{short_name} Overview and Scrutiny Committee",
                slug=slugify(f"{short_name} Overview and Scrutiny Committee"),
                short_name=short_name,
                kind=Committee.Kind.OVERVIEW_SCRUTINY,
                default_venue=warspite,
                default_start_time=two_pm,
            )
        )
        Responsibility.objects.bulk_create(
            Responsibility(committee=committee, position=position, title=title)
            for position, title in enumerate(responsibilities, start=1)
        )
        committee.priorities.set([priorities[title] for title in priority_titles])
        _add_standing_items(committee)
        committees[committee.name] = committee
    committees[PFCF].contact = officers["Jamie Sheldon"]
    committees[PFCF].save(update_fields=["contact"])

    for name, kind in [
        # Created in 2019 (minute 58 of 12 June 2019).
        ("Overview and Scrutiny Management Committee", Committee.Kind.MANAGEMENT_BOARD),
        # Seed 000, 2015.
        (CO_OPERATIVE_SCRUTINY_BOARD, Committee.Kind.SCRUTINY_BOARD),
    ]:
        committees[name] = _saved(
            Committee(
                name=name,
                slug=slugify(name),
                kind=kind,
                default_venue=warspite,
                default_start_time=two_pm,
            )
        )
    _add_standing_items(committees["Overview and Scrutiny Management Committee"])
    return committees


def _add_standing_items(committee) -> None:
    StandingItem.objects.bulk_create(
        [
            *(
                StandingItem(
                    committee=committee, position=position, title=title, standing_text=text
                )
                for position, (title, text) in enumerate(OPENING_ITEMS, start=1)
            ),
            *(
                StandingItem(
                    committee=committee,
                    at_end=True,
                    position=position,
                    title=title,
                    standing_text=text,
                )
                for position, (title, text) in enumerate(CLOSING_ITEMS, start=1)
            ),
        ]
    )


def _memberships(committees, councillors, years, today) -> None:
    chair, vice, member = Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER

    def seats(committee_name, start, end, roles):
        for name, role in roles:
            _saved(
                Membership(
                    committee=committees[committee_name],
                    councillor=councillors[name],
                    role=role,
                    start_date=start,
                    end_date=end,
                )
            )

    pfcf_members = [
        ("Kelly", chair),
        ("Winter", vice),
        *[
            (name, member)
            for name in [
                "Derrick",
                "Hendy",
                "Mrs Johnson",
                "Singh",
                "Vincent",
                "Ms Watkin",
                "Wigens",
            ]
        ],
    ]
    # The front sheet of 24 July 2019; minute 54 notes the appointments for 2019/2020.
    year_2019 = years[2019]
    seats(PFCF, year_2019.start_date, year_2019.end_date, pfcf_members)

    # Today's members: the same committee carries on, and the other bodies get a few members
    # each so that their pages are not empty. Cabinet members sit on no scrutiny body.
    current = years[municipal_year_start(today)].start_date
    seats(PFCF, current, None, pfcf_members)
    seats(
        "Brexit, Infrastructure and Legislative Change Overview and Scrutiny Committee",
        current,
        None,
        [("Derrick", chair), ("Singh", vice), ("Drean", member), ("Pengelly", member)],
    )
    seats(
        "Education and Children's Social Care Overview and Scrutiny Committee",
        current,
        None,
        [("Murphy", chair), ("Ms Watkin", vice), ("Vincent", member), ("Wigens", member)],
    )
    seats(
        "Health and Adult Social Care Overview and Scrutiny Committee",
        current,
        None,
        [("Mrs Johnson", chair), ("Pengelly", vice), ("Drean", member), ("Hendy", member)],
    )
    seats(
        "Overview and Scrutiny Management Committee",
        current,
        None,
        [
            ("Winter", chair),
            ("Kelly", member),
            ("Derrick", member),
            ("Murphy", member),
            ("Mrs Johnson", member),
        ],
    )


def _meeting(committee, starts_at, venue, status, **fields) -> Meeting:
    return _saved(
        Meeting(committee=committee, starts_at=starts_at, venue=venue, status=status, **fields)
    )


def _items(meeting, specs: Iterable[dict]) -> list[AgendaItem]:
    return [
        _saved(AgendaItem(meeting=meeting, position=position, **spec))
        for position, spec in enumerate(specs, start=1)
    ]


def _document(item, position, kind, title, **fields) -> Document:
    return _saved(Document(item=item, position=position, kind=kind, title=title, **fields))


def _minutes_item(previous: dt.date | None) -> dict:
    if previous is None:
        return {
            "title": "Minutes",
            "standing_text": "To confirm the minutes of the previous meeting.",
        }
    return {
        "title": "Minutes",
        "standing_text": "To confirm the minutes of the previous meeting held on "
        f"{previous.day} {previous:%B %Y}.",
    }


def _opening_items(previous: dt.date | None) -> list[dict]:
    """The committee's opening standing items, the minutes naming the previous meeting."""
    return [
        _minutes_item(previous) if title == "Minutes" else {"title": title, "standing_text": text}
        for title, text in OPENING_ITEMS
    ]


def _closing_items() -> list[dict]:
    return [{"title": title, "standing_text": text} for title, text in CLOSING_ITEMS]


def _published(day: dt.date) -> dt.date:
    """When the seeds do not say, the agenda went out on the statutory deadline."""
    return latest_publication_date(day)


def _meetings_2019(committees, venues, officers, councillors) -> None:
    pfcf = committees[PFCF]
    warspite = venues["Warspite Room, Council House"]
    held = Meeting.Status.HELD

    # 20 March 2019: known only from minute 56, which approved its minutes.
    day = dt.date(2019, 3, 20)
    march = _meeting(pfcf, _at(day, 15), warspite, held, published_on=_published(day))
    _items(march, _opening_items(None))

    # 12 June 2019: the items as the minutes record them (minutes 54-60). The seeds hold none
    # of their papers, so the items without one are shown as presented orally.
    day = dt.date(2019, 6, 12)
    june = _meeting(pfcf, _at(day, 15), warspite, held, published_on=_published(day))
    _items(
        june,
        [
            {"title": "To Note the Appointment of the Chair and Vice Chair", "verbal": True},
            {"title": "Declarations of Interest", "standing_text": DECLARATIONS},
            _minutes_item(march.date),
            {"title": "Chair's Urgent Business", "standing_text": URGENT_BUSINESS},
            {"title": "Terms of Reference", "verbal": True},
            {"title": "Corporate Performance and Finance Outturn Report", "to_follow": True},
            {"title": "Draft Work Programme", "verbal": True},
        ],
    )

    # 24 July 2019: the agenda pack of seed 004, still at 3pm as its front sheet says.
    july = _meeting(
        pfcf,
        _at(dt.date(2019, 7, 24), 15),
        warspite,
        Meeting.Status.AGENDA_PUBLISHED,
        published_on=dt.date(2019, 7, 16),
        webcast=True,
    )
    items = _items(
        july,
        [
            {"title": "Apologies", "standing_text": APOLOGIES},
            {"title": "Declarations of Interest", "standing_text": DECLARATIONS},
            _minutes_item(june.date),
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
    _, _, minutes, _, mapping, revenue, _, experience, _, work_programme, tracking = items
    report, appendix = Document.Kind.REPORT, Document.Kind.APPENDIX

    # A later minutes issue generates this from the minutes of 12 June 2019.
    _document(
        minutes,
        1,
        report,
        "Minutes of the meeting held on 12 June 2019",
        body=content("minutes_2019_06_12.html"),
    )
    _document(
        mapping,
        1,
        Document.Kind.GENERATED,
        "Mapping of Corporate Plan to Scrutiny Committees",
        generator="committees.corporate_plan_mapping",
    )

    revenue_report = _document(revenue, 1, report, "Revenue Monitoring 2019/20 – Month 2")
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
            # The seed's text says £185.481m but its own Table 1 totals £185.482m. The finance
            # issue will generate this sentence from the monitoring data.
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
    # Tables 1 and 3 as published. The finance issue replaces this appendix with one generated
    # from the monitoring data (the same figures, computed rather than typed).
    _document(
        revenue,
        2,
        appendix,
        "Month 2 Revenue Monitoring Report",
        body=content("revenue_monitor_2019_20_month_2.html"),
    )

    experience_report = _document(experience, 1, report, "Customer Experience Programme Update")
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
    _document(
        experience,
        2,
        appendix,
        "Briefing report",
        body=content("customer_experience_briefing.html"),
    )

    # Typed tables as published; the work programme issue replaces both documents with ones
    # generated from its records. The merged date cells of the work programme were rebuilt from
    # the agenda they describe (24 July 2019: month 2, procurement, customer experience).
    _document(
        work_programme,
        1,
        report,
        "Work Programme 2019-2020",
        body=content("work_programme_2019_20.html"),
    )
    _document(
        tracking, 1, report, "Tracking Decisions", body=content("tracking_decisions_2019_07.html")
    )


def _cover(document, *, authors, **fields) -> CoverSheet:
    cover = _saved(CoverSheet(document=document, **fields))
    cover.authors.set(authors)
    return cover


def _meeting_2015(committees, venues) -> None:
    """The Co-operative Scrutiny Board's update, asked for on 17 December 2014 (seed 000)."""
    board = committees[CO_OPERATIVE_SCRUTINY_BOARD]
    day = dt.date(2015, 3, 25)
    meeting = _meeting(
        board,
        _at(day, 14),
        venues["Warspite Room, Council House"],
        Meeting.Status.HELD,
        published_on=_published(day),
    )
    (item,) = _items(
        meeting, [{"title": "Co-operative Centre of Operations (CCO) Programme Update"}]
    )
    _document(
        item,
        1,
        Document.Kind.REPORT,
        "Co-operative Centre of Operations (CCO) Programme Update",
        body=content("cco_programme_update_2015.html"),
    )


def _meetings_around(today: dt.date, committees, venues) -> None:
    """A recent PFCF meeting and the next few, so that 'upcoming meetings' has something to show.

    The next one has its agenda out already, on time: on the statutory deadline, or today if
    that is still to come.
    """
    pfcf = committees[PFCF]
    warspite = venues["Warspite Room, Council House"]
    year_start = dt.date(municipal_year_start(today), 5, 1)

    previous = None
    recent = _wednesday_on_or_after(today - dt.timedelta(weeks=8))
    if year_start <= recent < today:
        meeting = _meeting(
            pfcf, _at(recent, 14), warspite, Meeting.Status.HELD, published_on=_published(recent)
        )
        _items(meeting, [*_opening_items(None), *_closing_items()])
        previous = recent

    next_meeting = _wednesday_on_or_after(today + dt.timedelta(days=1))
    for number, day in enumerate(
        [next_meeting, next_meeting + dt.timedelta(weeks=7), next_meeting + dt.timedelta(weeks=14)]
    ):
        if number == 0:
            status = Meeting.Status.AGENDA_PUBLISHED
            fields = {"published_on": min(_published(day), today), "webcast": True}
        else:
            status, fields = Meeting.Status.SCHEDULED, {}
        meeting = _meeting(pfcf, _at(day, 14), warspite, status, **fields)
        _items(meeting, [*_opening_items(previous), *_closing_items()])
        previous = day

    education = committees["Education and Children's Social Care Overview and Scrutiny Committee"]
    day = next_meeting + dt.timedelta(weeks=2)
    meeting = _meeting(
        education, _at(day, 14), venues["Council Chamber, Council House"], Meeting.Status.SCHEDULED
    )
    _items(meeting, [*_opening_items(None), *_closing_items()])


def _publish() -> None:
    """Publish every agenda the demo says was published, as an officer would, on the day each
    was published, so that the public is served their stored versions."""
    officer = get_user_model().objects.get(username="officer")
    for meeting in Meeting.objects.filter(published_on__isnull=False).order_by("starts_at"):
        agenda_publish(meeting=meeting, by=officer, on=meeting.published_on)


def _users(officers, councillors) -> None:
    User = get_user_model()
    # Migration 0005 creates the groups; a database flushed since (`manage.py flush`, the
    # live-server tests) has lost them.
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (roles.OFFICERS, roles.AUTHORS, roles.COUNCILLORS)
    }
    people = [
        # username, the person it belongs to, group, staff (the admin works for officers)
        ("officer", officers["Jamie Sheldon"], roles.OFFICERS, True),
        ("author", officers["Paul Looby"], roles.AUTHORS, False),
        ("councillor", councillors["Kelly"], roles.COUNCILLORS, False),
    ]
    for username, person, group, is_staff in people:
        if isinstance(person, Officer):
            first_name, _, last_name = person.name.partition(" ")
        else:
            first_name, last_name = "", person.full_name or person.name
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
            is_staff=is_staff,
        )
        user.groups.add(groups[group])
        person.user = user
        person.save(update_fields=["user"])


# -- copies for query-count tests --------------------------------------------------------------


def add_copies(copies: int) -> None:
    """Replicate every committee (with members, meetings, items, documents) copies - 1 times.

    Bulk inserts, no history rows: this data exists only to make pages ten times fuller.
    """
    years = list(MunicipalYear.objects.all())
    councillors = list(Councillor.objects.all())
    committees = list(
        Committee.objects.prefetch_related(
            "responsibilities", "priorities", "memberships", "standing_items"
        )
    )
    meetings = list(Meeting.objects.all())
    items = list(AgendaItem.objects.all())
    documents = list(Document.objects.all())
    covers = list(CoverSheet.objects.prefetch_related("authors"))

    for copy in range(2, copies + 1):
        suffix = f" (copy {copy})"
        new_councillors = Councillor.objects.bulk_create(
            Councillor(
                name=c.name + suffix,
                full_name=c.full_name + suffix if c.full_name else "",
                slug=f"{c.slug}-copy-{copy}",
                party=c.party,
                ward=c.ward,
                portfolio=c.portfolio,
            )
            for c in councillors
        )
        councillor_map = {
            old.pk: new.pk for old, new in zip(councillors, new_councillors, strict=True)
        }

        new_committees = Committee.objects.bulk_create(
            Committee(
                name=c.name + suffix,
                short_name=c.short_name + suffix if c.short_name else "",
                slug=f"{c.slug}-copy-{copy}",
                kind=c.kind,
                terms_of_reference=c.terms_of_reference,
                default_venue_id=c.default_venue_id,
                default_start_time=c.default_start_time,
                contact_id=c.contact_id,
            )
            for c in committees
        )
        committee_map = {
            old.pk: new.pk for old, new in zip(committees, new_committees, strict=True)
        }
        Responsibility.objects.bulk_create(
            Responsibility(committee_id=committee_map[c.pk], position=r.position, title=r.title)
            for c in committees
            for r in c.responsibilities.all()
        )
        StandingItem.objects.bulk_create(
            StandingItem(
                committee_id=committee_map[c.pk],
                at_end=s.at_end,
                position=s.position,
                title=s.title,
                standing_text=s.standing_text,
            )
            for c in committees
            for s in c.standing_items.all()
        )
        Committee.priorities.through.objects.bulk_create(
            Committee.priorities.through(
                committee_id=committee_map[c.pk], corporateplanpriority_id=p.pk
            )
            for c in committees
            for p in c.priorities.all()
        )
        Membership.objects.bulk_create(
            Membership(
                committee_id=committee_map[c.pk],
                councillor_id=councillor_map[m.councillor_id],
                role=m.role,
                start_date=m.start_date,
                end_date=m.end_date,
            )
            for c in committees
            for m in c.memberships.all()
        )

        new_meetings = Meeting.objects.bulk_create(
            _copied_meeting(m, committee_map[m.committee_id], copy, years) for m in meetings
        )
        meeting_map = {old.pk: new.pk for old, new in zip(meetings, new_meetings, strict=True)}
        new_items = AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting_id=meeting_map[i.meeting_id],
                position=i.position,
                title=i.title,
                standing_text=i.standing_text,
                to_follow=i.to_follow,
                verbal=i.verbal,
                exempt=i.exempt,
                exempt_paragraph=i.exempt_paragraph,
            )
            for i in items
        )
        item_map = {old.pk: new.pk for old, new in zip(items, new_items, strict=True)}
        # Bodies were sanitised when the originals were saved.
        new_documents = Document.objects.bulk_create(
            Document(
                item_id=item_map[d.item_id],
                position=d.position,
                kind=d.kind,
                title=d.title,
                body=d.body,
                generator=d.generator,
                generator_record=d.generator_record,
                exempt=d.exempt,
                exempt_paragraph=d.exempt_paragraph,
            )
            for d in documents
        )
        document_map = {old.pk: new.pk for old, new in zip(documents, new_documents, strict=True)}
        copied_covers = [_copied_cover(c, document_map, councillor_map) for c in covers]
        CoverSheet.objects.bulk_create(copied_covers)
        CoverSheet.authors.through.objects.bulk_create(
            CoverSheet.authors.through(coversheet_id=document_map[c.pk], officer_id=a.pk)
            for c in covers
            for a in c.authors.all()
        )


def _copied_meeting(meeting: Meeting, committee_id: int, copy: int, years) -> Meeting:
    """The same meeting a few days later (earlier if that would leave its municipal year)."""
    year = next(y for y in years if y.pk == meeting.municipal_year_id)
    shift = dt.timedelta(days=copy - 1)
    if (meeting.date + shift) > year.end_date:
        shift = -shift
    return Meeting(
        committee_id=committee_id,
        municipal_year_id=meeting.municipal_year_id,
        starts_at=_at(meeting.date + shift, meeting.start_time.hour, meeting.start_time.minute),
        venue_id=meeting.venue_id,
        status=meeting.status,
        status_reason=meeting.status_reason,
        webcast=meeting.webcast,
        webcast_url=meeting.webcast_url,
        published_on=meeting.published_on + shift if meeting.published_on else None,
    )


def _copied_cover(cover: CoverSheet, document_map, councillor_map) -> CoverSheet:
    fields = {
        field.attname: getattr(cover, field.attname)
        for field in CoverSheet._meta.concrete_fields
        if field.attname != "document_id"
    }
    fields["document_id"] = document_map[cover.document_id]
    if cover.lead_member_id:
        fields["lead_member_id"] = councillor_map[cover.lead_member_id]
    return CoverSheet(**fields)
