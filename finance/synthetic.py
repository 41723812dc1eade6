"""Revenue monitoring in the synthetic council (`manage.py load_synthetic`; README, "Adding an
app"): a financial year for each municipal year, its directorates, a monitor for each month
already over, and each published meeting of the committee that scrutinises the budget presented
the monitor of two months before, as a generated document of an item of its agenda.

The committee is the Finance and Budget one, or the first committee when there are fewer than
that one's number. Figures are drawn from the context's seeded `rng` and marked as samples.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import Max

from committees import synthetic
from committees.models import AgendaItem, Document
from committees.synthetic.bodies import STANDING
from finance.generators import KEY
from finance.models import Directorate, FinancialYear, Line, Monitor

FINANCE_COMMITTEE = "Finance and Budget"
DIRECTORATES = [
    "Executive Office",
    "Finance",
    "Customer and Corporate",
    "Children's Directorate",
    "Adult Social Care",
    "Public Health",
    "Place Directorate",
    "Corporate Items",
]
STANDING_TITLES = {title for _, title, _ in STANDING}
THOUSANDTH = Decimal("0.001")


def money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(THOUSANDTH)


def month_start(start_year: int, period: int) -> dt.date:
    """The first day of month `period` (April is 1) of the financial year `start_year`."""
    month = (period + 2) % 12 + 1
    return dt.date(start_year + (1 if month < 4 else 0), month, 1)


def presented_period(day: dt.date) -> tuple[int, int]:
    """The financial year and month of the monitor a meeting on `day` is presented: the month
    two before the meeting's, as the seed's July meeting had Month 2."""
    year, month = (day.year, day.month - 2) if day.month > 2 else (day.year - 1, day.month + 10)
    start_year = year if month >= 4 else year - 1
    return start_year, (month - 4) % 12 + 1


def years_and_directorates(ctx, start_years) -> dict[int, list[Directorate]]:
    """The financial years with their directorates, each carrying on the year before's."""
    years = FinancialYear.objects.bulk_create(FinancialYear(start_year=y) for y in start_years)
    made = Directorate.objects.bulk_create(
        Directorate(
            year=year,
            name=name,
            position=position,
            approved_budget=money(ctx.rng.uniform(-10, 90)),
        )
        for year in years
        for position, name in enumerate(DIRECTORATES, start=1)
    )
    by_year = {
        year.start_year: made[n * len(DIRECTORATES) : (n + 1) * len(DIRECTORATES)]
        for n, year in enumerate(years)
    }
    Directorate.succeeds.through.objects.bulk_create(
        Directorate.succeeds.through(from_directorate_id=now.pk, to_directorate_id=before.pk)
        for start_year, directorates in by_year.items()
        if start_year - 1 in by_year
        for now, before in zip(directorates, by_year[start_year - 1], strict=True)
    )
    return by_year


def monitors(ctx, by_year) -> dict[tuple[int, int], Monitor]:
    """A monitor for each month over by `ctx.today`, with a line for each directorate: its
    approved budget, and a forecast a little off it."""
    made = Monitor.objects.bulk_create(
        Monitor(
            year=directorates[0].year,
            kind=Monitor.Kind.MONTH,
            period=period,
            working_balance=money(ctx.rng.uniform(8, 15)),
            savings_target=money(ctx.rng.uniform(5, 20)),
            savings_at_risk=money(ctx.rng.uniform(0, 4)),
            sample=True,
        )
        for start_year, directorates in by_year.items()
        for period in range(1, 13)
        if month_start(start_year + (1 if period == 12 else 0), period % 12 + 1) <= ctx.today
    )
    lines = []
    for monitor in made:
        for directorate in by_year[monitor.year.start_year]:
            income = money(-ctx.rng.uniform(0, 90))
            budget = directorate.approved_budget
            lines.append(
                Line(
                    monitor=monitor,
                    directorate=directorate,
                    gross_expenditure=budget - income,
                    gross_income=income,
                    forecast_outturn=budget + money(ctx.rng.uniform(-0.8, 1.2)),
                )
            )
    Line.objects.bulk_create(lines)
    return {(monitor.year.start_year, monitor.period): monitor for monitor in made}


def presentations(ctx, by_period) -> None:
    """Each published meeting of the finance committee presents the monitor of two months
    before (when there is one), after the documents of its first public item of business."""
    committee = next(
        (c for c in ctx.committees if c.short_name.startswith(FINANCE_COMMITTEE)),
        ctx.committees[0],
    )
    meetings = {
        meeting.pk: by_period[presented_period(meeting.date)]
        for meeting in ctx.meetings
        if meeting.committee_id == committee.pk
        and meeting.published_on
        and presented_period(meeting.date) in by_period
    }
    items = (
        AgendaItem.objects.filter(meeting__in=meetings, exempt=False, verbal=False)
        .exclude(title__in=STANDING_TITLES)
        .annotate(last=Max("documents__position"))
        .order_by("meeting", "position")
    )
    first_items = {}
    for item in items:
        first_items.setdefault(item.meeting_id, item)
    Document.objects.bulk_create(
        Document(
            item=item,
            position=(item.last or 0) + 1,
            kind=Document.Kind.GENERATED,
            title=f"{meetings[meeting_pk].period_label} Revenue Monitoring Report",
            generator=KEY,
            generator_record=meetings[meeting_pk].pk,
        )
        for meeting_pk, item in first_items.items()
    )


def load(ctx: synthetic.SyntheticContext) -> None:
    first = ctx.municipal_years[0].start_date.year
    current = ctx.today.year if ctx.today.month >= 4 else ctx.today.year - 1
    by_year = years_and_directorates(ctx, range(first, current + 1))
    presentations(ctx, monitors(ctx, by_year))


synthetic.register("finance", load)
