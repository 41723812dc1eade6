"""The council and its bodies: venues, municipal years, the scrutiny committees with their
responsibilities, corporate plan priorities, standing items and members."""

import datetime as dt

from django.utils.text import slugify

from committees.demo.common import municipal_year_start, saved
from committees.models import (
    Committee,
    CorporatePlanPriority,
    Council,
    Membership,
    MunicipalYear,
    Responsibility,
    StandingItem,
    Venue,
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


def council() -> Council:
    return saved(
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


def venues() -> dict[str, Venue]:
    council_house = "Council House\nArmada Way\nPlymouth"
    return {
        name: saved(Venue(name=name, address=address))
        for name, address in [
            ("Warspite Room, Council House", council_house),
            ("Council Chamber, Council House", council_house),
            ("Board Room, Ballard House", "Ballard House\nPlymouth\nPL1 3BJ"),
        ]
    }


def municipal_years(today: dt.date) -> dict[int, MunicipalYear]:
    """May to April, contiguous: the seeds' years plus the current and next ones."""
    current = municipal_year_start(today)
    years = {}
    for start in sorted({2014, 2018, 2019, current, current + 1}):
        years[start] = saved(
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


def committees(venues, officers) -> dict[str, Committee]:
    warspite = venues["Warspite Room, Council House"]
    # Minute 57 (12 June 2019): PFCF moved from 3pm to 2pm "to be in line with other Scrutiny
    # Committees", so 2pm is every scrutiny committee's start time from then on.
    two_pm = dt.time(14, 0)

    priorities: dict[str, CorporatePlanPriority] = {}
    for _, _, titles in SCRUTINY_COMMITTEES:
        for title in titles:
            if title not in priorities:
                priorities[title] = saved(
                    CorporatePlanPriority(title=title, position=len(priorities) + 1)
                )

    committees = {}
    for short_name, responsibilities, priority_titles in SCRUTINY_COMMITTEES:
        committee = saved(
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
    # Its minutes run on from meeting to meeting: those of 12 June 2019 are numbered 54-60.
    committees[PFCF].first_minute_number = 54
    committees[PFCF].save(update_fields=["contact", "first_minute_number"])

    for name, kind in [
        # Created in 2019 (minute 58 of 12 June 2019).
        ("Overview and Scrutiny Management Committee", Committee.Kind.MANAGEMENT_BOARD),
        # Seed 000, 2015.
        (CO_OPERATIVE_SCRUTINY_BOARD, Committee.Kind.SCRUTINY_BOARD),
    ]:
        committees[name] = saved(
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


def memberships(committees, councillors, years, today) -> None:
    chair, vice, member = Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER

    def seats(committee_name, start, end, roles):
        for name, role in roles:
            saved(
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


def minutes_item(previous: dt.date | None) -> dict:
    """The Minutes item, naming the previous meeting where the demo has one."""
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


def opening_items(previous: dt.date | None) -> list[dict]:
    """The committee's opening standing items, the minutes naming the previous meeting."""
    return [
        minutes_item(previous) if title == "Minutes" else {"title": title, "standing_text": text}
        for title, text in OPENING_ITEMS
    ]


def closing_items() -> list[dict]:
    return [{"title": title, "standing_text": text} for title, text in CLOSING_ITEMS]
