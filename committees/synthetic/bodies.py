"""The synthetic council's years, committees and their members."""

import datetime as dt
import random

from django.utils.text import slugify

from committees.demo.common import municipal_year_start
from committees.models import (
    Committee,
    Membership,
    MunicipalYear,
    Responsibility,
    StandingItem,
)

SUBJECTS = [
    "Adult Social Care",
    "Children and Young People",
    "Climate Emergency",
    "Corporate Performance",
    "Customer Services",
    "Economic Development",
    "Education and Skills",
    "Finance and Budget",
    "Health and Wellbeing",
    "Highways and Transport",
    "Housing",
    "Leisure and Culture",
    "Planning and Regeneration",
    "Public Protection",
    "Safer Communities",
    "Strategic Procurement",
    "Waste and Recycling",
    "Workforce and Equalities",
    "Digital Services",
    "Coastal Communities",
]
# Opening and closing items every agenda carries (as the council's committees have them).
STANDING = [
    (False, "Apologies", "To receive apologies for non-attendance submitted by Councillors."),
    (False, "Declarations of Interest", "Councillors will be asked to make any declarations."),
    (False, "Minutes", "To confirm the minutes of the last meeting."),
    (False, "Chair's Urgent Business", "To receive reports on business which is urgent."),
    (True, "Work Programme", ""),
    (True, "Tracking Decisions", ""),
]
MEMBERS_PER_COMMITTEE = 9


def municipal_years(today: dt.date, years: int) -> list[MunicipalYear]:
    """`years` municipal years, May to April, the last the one covering `today`."""
    last = municipal_year_start(today)
    return MunicipalYear.objects.bulk_create(
        MunicipalYear(
            label=f"{start}/{start + 1}",
            start_date=dt.date(start, 5, 1),
            end_date=dt.date(start + 1, 4, 30),
        )
        for start in range(last - years + 1, last + 1)
    )


def committee_name(number: int) -> str:
    subject = SUBJECTS[number % len(SUBJECTS)]
    suffix = f" {number // len(SUBJECTS) + 1}" if number >= len(SUBJECTS) else ""
    return f"{subject} Overview and Scrutiny Committee{suffix}"


def committees(rng: random.Random, count: int, venues, officers, priorities) -> list[Committee]:
    made = Committee.objects.bulk_create(
        Committee(
            name=committee_name(number),
            short_name=committee_name(number).replace(" Overview and Scrutiny Committee", ""),
            slug=slugify(committee_name(number)),
            terms_of_reference=(
                f"To scrutinise the council's policies, performance and spending on "
                f"{SUBJECTS[number % len(SUBJECTS)].lower()}, and to make recommendations to "
                "the Cabinet."
            ),
            default_venue=venues[number % len(venues)],
            default_start_time=dt.time(10 if number % 3 == 0 else 14, 0),
            contact=officers[number % len(officers)],
        )
        for number in range(count)
    )
    Responsibility.objects.bulk_create(
        Responsibility(committee=committee, position=position, title=f"{topic} {area}")
        for committee in made
        for position, (topic, area) in enumerate(
            rng.sample(
                [
                    (committee.short_name, area)
                    for area in ("policy", "performance", "budget", "commissioning", "partners")
                ],
                3,
            ),
            start=1,
        )
    )
    StandingItem.objects.bulk_create(
        StandingItem(
            committee=committee, at_end=at_end, position=position, title=title, standing_text=text
        )
        for committee in made
        for position, (at_end, title, text) in enumerate(STANDING, start=1)
    )
    Committee.priorities.through.objects.bulk_create(
        Committee.priorities.through(committee_id=committee.pk, corporateplanpriority_id=p.pk)
        for committee in made
        for p in rng.sample(priorities, 2)
    )
    return made


def memberships(rng: random.Random, committees, councillors, years) -> None:
    """Each committee's chair, vice chair and members for each year; the current year's seats
    are still held."""
    seats = []
    for year in years:
        current = year is years[-1]
        for committee in committees:
            chosen = rng.sample(councillors, MEMBERS_PER_COMMITTEE)
            roles = [Membership.Role.CHAIR, Membership.Role.VICE_CHAIR] + [
                Membership.Role.MEMBER
            ] * (MEMBERS_PER_COMMITTEE - 2)
            seats += [
                Membership(
                    committee=committee,
                    councillor=councillor,
                    role=role,
                    start_date=year.start_date,
                    end_date=None if current else year.end_date,
                )
                for councillor, role in zip(chosen, roles, strict=True)
            ]
    Membership.objects.bulk_create(seats)
