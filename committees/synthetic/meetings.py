"""The synthetic council's meetings and their agendas: items, reports with cover sheets,
appendices."""

import datetime as dt
import random

from django.utils import timezone

from committees.models import AgendaItem, CoverSheet, Document, Meeting
from committees.publication import latest_publication_date
from committees.synthetic.bodies import STANDING

# The months a committee meets in, each municipal year (May to April).
MONTHS = [6, 7, 9, 10, 11, 1, 2, 3]
# Meetings up to this far ahead have their agenda published already.
PUBLISHED_AHEAD = dt.timedelta(days=21)
TOPICS = [
    "Revenue Monitoring Report",
    "Capital Programme Update",
    "Performance Scorecard",
    "Customer Experience Annual Report",
    "Housing Delivery Plan",
    "Climate Emergency Action Plan",
    "Fees and Charges Review",
    "Commissioning Strategy",
    "Workforce Strategy",
    "Transformation Programme",
    "Risk Management Monitoring",
    "Corporate Plan Priorities",
    "Recycling Contract Review",
    "Road Safety Partnership",
    "School Place Planning",
    "Safeguarding Annual Report",
]
SENTENCES = [
    "The committee is asked to note the position at the end of the quarter.",
    "Spending is forecast to exceed the approved budget unless the measures below are taken.",
    "The service has worked with partners to reduce waiting times across the county.",
    "Officers will report progress against each recommendation at the next meeting.",
    "The proposals were shaped by the consultation held over the summer.",
    "Risks to delivery are set out in the table in section four.",
    "Members asked for the figures to be broken down by ward.",
    "The equality impact assessment is attached as an appendix.",
    "There are no additional staffing implications arising from this report.",
    "The Cabinet Member will respond to the committee's recommendations within two months.",
]
REASONS = {
    Meeting.Status.CANCELLED: "Cancelled: there was no business for the committee to transact.",
    Meeting.Status.POSTPONED: "Postponed to allow the budget consultation to conclude.",
}


def sentences(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))


def paragraphs(rng: random.Random, count: int) -> str:
    return "".join(f"<p>{sentences(rng)}</p>" for _ in range(count))


def meeting_day(rng: random.Random, year: int, month: int) -> dt.date:
    """A Tuesday, Wednesday or Thursday in the month's second or third week."""
    day = dt.date(year, month, rng.randint(8, 17))
    while day.weekday() not in (1, 2, 3):
        day += dt.timedelta(days=1)
    return day


def meetings(rng: random.Random, committees, years, today: dt.date) -> list[Meeting]:
    """Eight meetings of each committee each year, in date order. Those past are held and were
    published; those within three weeks are published; a few were cancelled or postponed."""
    made = []
    for year in years:
        start = year.start_date.year
        for committee in committees:
            for month in MONTHS:
                day = meeting_day(rng, start if month >= 5 else start + 1, month)
                starts_at = timezone.make_aware(
                    dt.datetime.combine(day, committee.default_start_time)
                )
                published_on = latest_publication_date(day) - dt.timedelta(days=rng.randint(0, 2))
                while published_on.weekday() >= 5:
                    published_on -= dt.timedelta(days=1)
                roll = rng.random()
                if roll < 0.02:
                    status, published_on = Meeting.Status.CANCELLED, None
                elif roll < 0.03:
                    status, published_on = Meeting.Status.POSTPONED, None
                elif day < today:
                    status = Meeting.Status.HELD
                elif day <= today + PUBLISHED_AHEAD and published_on <= today:
                    status = Meeting.Status.AGENDA_PUBLISHED
                else:
                    status, published_on = Meeting.Status.SCHEDULED, None
                made.append(
                    Meeting(
                        committee=committee,
                        municipal_year=year,
                        starts_at=starts_at,
                        venue_id=committee.default_venue_id,
                        status=status,
                        status_reason=REASONS.get(status, ""),
                        webcast=rng.random() < 0.3,
                        published_on=published_on,
                    )
                )
    made.sort(key=lambda meeting: meeting.starts_at)
    return Meeting.objects.bulk_create(made)


def agendas(rng: random.Random, meetings, officers, councillors) -> tuple[int, int]:
    """The agenda of every meeting: the standing items, then 2 to 9 items of business, most
    with a report and its cover sheet, some with appendices, a few verbal, one in twenty
    meetings with an exempt (Part II) item. Returns the numbers of items and documents."""
    items, business = [], []
    for meeting in meetings:
        opening = [entry for entry in STANDING if not entry[0]]
        closing = [entry for entry in STANDING if entry[0]]
        titles = rng.sample(TOPICS, rng.randint(2, 9))
        exempt_title = rng.choice(titles) if rng.random() < 0.05 else None
        position = 0
        for _, title, text in opening:
            position += 1
            items.append(AgendaItem(meeting=meeting, position=position, title=title,
                                    standing_text=text))  # fmt: skip
        for title in titles + [title for _, title, _ in closing]:
            position += 1
            exempt = title == exempt_title
            item = AgendaItem(
                meeting=meeting,
                position=position,
                title=title,
                verbal=title in TOPICS and rng.random() < 0.08,
                exempt=exempt,
                exempt_paragraph=3 if exempt else None,
            )
            items.append(item)
            if not item.verbal:
                business.append(item)
    AgendaItem.objects.bulk_create(items)

    documents, reports = [], []
    for item in business:
        if item.title in TOPICS:
            report = Document(item=item, position=1, kind=Document.Kind.REPORT, title=item.title,
                              body=paragraphs(rng, rng.randint(4, 10)))  # fmt: skip
            documents.append(report)
            reports.append(report)
            for number in range(rng.choice([0, 0, 0, 1, 1, 2])):
                documents.append(
                    Document(
                        item=item,
                        position=number + 2,
                        kind=Document.Kind.APPENDIX,
                        title=f"{item.title}: supporting data {number + 1}",
                        body=paragraphs(rng, rng.randint(2, 5)),
                    )
                )
        else:  # the work programme and the decisions tracked, written until their apps land
            documents.append(Document(item=item, position=1, kind=Document.Kind.REPORT,
                                      title=item.title, body=paragraphs(rng, 2)))  # fmt: skip
    Document.objects.bulk_create(documents)
    CoverSheet.objects.bulk_create(
        CoverSheet(
            document=report,
            lead_member=rng.choice(councillors),
            lead_director=rng.choice(officers),
            reference=f"EX/{report.pk}",
            key_decision=rng.random() < 0.1,
            purpose=sentences(rng),
            recommendations=sentences(rng),
            financial_implications=sentences(rng),
        )
        for report in reports
    )
    CoverSheet.authors.through.objects.bulk_create(
        CoverSheet.authors.through(coversheet_id=report.pk, officer_id=rng.choice(officers).pk)
        for report in reports
    )
    return len(items), len(documents)
