"""The finance demo: the seed's Month 2 2019/20 monitor as data, and sample monitors for the
meetings around today (README, "Adding an app").

Table 1 is the seed's exactly; Table 3 holds the seed's key issues with their variations and
corrective actions. The seed's own figures disagree in two places, and the demo keeps both so
that the reconciliation shows them to the officer as it would any monitor's:

- its cover sheet quotes a revenue budget of £185.481m while its Table 1 adds up to £185.482m.
  The seed gives the approved budget only as that total; the demo puts the £0.001m under
  Corporate Items, so the directorates' approved budgets total £185.481m.
- the Strategic Co-operative Commissioning issue says the service forecasts "(£0.746m)", but
  the seed prints that figure in the Children's Directorate's rows (where it makes Table 3 add up
  to Table 1). The demo gives the figure to the issue that states it, so each directorate's key
  issues no longer add up to its variation, as the reconciliation then says.

The officer recorded why the monitor went out as it is, so the July 2019 pack publishes with a
note. Months before the seed's (Month 1) and the current financial year's are sample figures,
marked so wherever they are shown.
"""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from committees import demo
from committees.demo.common import saved
from committees.models import AgendaItem, Document, Meeting
from committees.services.agenda import agenda_item_add, default_insert_after
from finance.arithmetic import direction
from finance.generators import KEY
from finance.models import Directorate, FinancialYear, KeyIssue, Line, Monitor, Service
from finance.position import Position

D = Decimal
MONITOR_TITLE = "Month 2 Revenue Monitoring Report"
SEED_ITEM = "Revenue Monitor 2019/20 - Month 2"

# Table 1 of the seed: directorate, gross expenditure, gross income, forecast outturn (£m).
TABLE_ONE = [
    ("Executive Office", "6.458", "-0.608", "5.850"),
    ("Finance", "22.564", "-5.039", "17.942"),
    ("Customer and Corporate", "96.477", "-81.149", "16.768"),
    ("Children's Directorate", "138.502", "-91.812", "48.747"),
    ("Strategic Co-operative Commissioning Directorate", "124.991", "-38.013", "86.728"),
    ("Office of the Director of Public Health", "18.600", "-19.019", "-0.419"),
    ("Place Directorate", "80.747", "-57.100", "23.675"),
    ("Corporate Items", "10.679", "-20.796", "-9.851"),
]
# Where the seed's £185.481m differs from its table's £185.482m (see the module's docstring).
APPROVED_DIFFERENCE = {"Corporate Items": D("-0.001")}


# Table 3 of the seed: directorate, service (or null), issue, variation (null where the seed's
# cell is blank) and the management corrective action. The seed prints the (0.746) on a row of
# the Children's Directorate whose text gives no such figure; the file gives it to the Strategic
# Commissioning issue that states it (see the docstring).
TABLE_THREE = json.loads(
    (Path(__file__).parent / "demo_content" / "key_issues_2019_20_month_2.json").read_text("utf-8")
)

OVERRIDE_REASON = (
    "Published as the seed's report was: its text's approved budget of £185.481m against Table "
    "1's £185.482m, and Strategic Commissioning's (£0.746m) printed in the Children's "
    "Directorate's rows of Table 3."
)


def directorates(year: FinancialYear, differences=None) -> dict[str, Directorate]:
    """Table 1's directorates in `year`, approved their Table 1 budgets (give or take
    `differences`)."""
    made = {}
    for position, (name, expenditure, income, _) in enumerate(TABLE_ONE, start=1):
        budget = D(expenditure) + D(income) + (differences or {}).get(name, D(0))
        made[name] = saved(
            Directorate(year=year, name=name, position=position, approved_budget=budget)
        )
    return made


def seed_monitors(year, made, officer) -> Monitor:
    """Month 2 2019/20 as the seed has it, after a Month 1 its movement column implies."""
    # The seed's movement from Month 1 is 0.000 on every line: Month 1 had the same position.
    month_one = saved(Monitor(year=year, period=1, sample=True))
    month_two = saved(Monitor(year=year, period=2))
    for monitor in (month_one, month_two):
        for name, expenditure, income, outturn in TABLE_ONE:
            saved(
                Line(
                    monitor=monitor,
                    directorate=made[name],
                    gross_expenditure=D(expenditure),
                    gross_income=D(income),
                    forecast_outturn=D(outturn),
                )
            )
    services = {}
    for position, row in enumerate(TABLE_THREE, start=1):
        name, service, variation = row["directorate"], row["service"], row["variation"]
        if service and (name, service) not in services:
            services[name, service] = saved(Service(directorate=made[name], name=service))
        saved(
            KeyIssue(
                monitor=month_two,
                directorate=made[name],
                service=services.get((name, service)),
                position=position,
                issue=row["issue"],
                variation=None if variation is None else D(variation),
                action=row["action"],
            )
        )
    month_two.override_reason = OVERRIDE_REASON
    month_two.override_problems = Position.of(month_two).problems
    month_two.overridden_by = officer
    month_two.overridden_at = timezone.make_aware(dt.datetime(2019, 7, 15, 10))
    return saved(month_two)


def add_monitor_document(item: AgendaItem, monitor: Monitor, title: str) -> Document:
    return saved(
        Document(
            item=item,
            position=item.documents.count() + 1,
            kind=Document.Kind.GENERATED,
            title=title,
            generator=KEY,
            generator_record=monitor.pk,
        )
    )


def period_reported_at(year: FinancialYear, meeting_date: dt.date) -> int | None:
    """The month a meeting sees: the one ended two months before (July sees May, Month 2)."""
    reported = (meeting_date.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    reported = (reported - dt.timedelta(days=1)).replace(day=1)
    month = (reported.month - 4) % 12 + 1
    in_year = dt.date(year.start_year, 4, 1) <= reported <= year.end_date
    return month if in_year else None


def sample_figures(month: int) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """Made-up figures for the current year: the seed's budgets, a pressure that grows and is
    then brought back as corrective action takes hold."""
    drift = [
        D("0.000"),
        D("0.400"),
        D("0.900"),
        D("1.200"),
        D("1.100"),
        D("0.800"),
        D("0.500"),
        D("0.300"),
        D("0.200"),
        D("0.100"),
        D("0.050"),
        D("0.000"),
    ][month - 1]
    figures = []
    for index, (name, expenditure, income, outturn) in enumerate(TABLE_ONE):
        budget = D(expenditure) + D(income)
        base = D(outturn) - budget
        share = drift if index % 2 else -drift / 2
        figures.append(
            (name, D(expenditure), D(income), (budget + base + share).quantize(D("0.001")))
        )
    return figures


def sample_monitors(ctx: demo.DemoContext) -> None:
    """This financial year's months up to the last one ended, as sample figures, each on the
    agenda of the meeting around today that sees it."""
    year = saved(
        FinancialYear(start_year=ctx.today.year if ctx.today.month >= 4 else ctx.today.year - 1)
    )
    made = directorates(year)
    last = (ctx.today.month - 4) % 12  # months of the year ended before today's
    monitors = {}
    for month in range(1, last + 1):
        monitor = saved(Monitor(year=year, period=month, sample=True))
        for name, expenditure, income, outturn in sample_figures(month):
            line = saved(
                Line(
                    monitor=monitor,
                    directorate=made[name],
                    gross_expenditure=expenditure,
                    gross_income=income,
                    forecast_outturn=outturn,
                )
            )
            if variation := line.variation:
                saved(
                    KeyIssue(
                        monitor=monitor,
                        directorate=made[name],
                        issue=f"Sample issue: a {direction(variation)} in {name}.",
                        variation=variation,
                        action="Sample corrective action.",
                    )
                )
        monitors[month] = monitor
    meetings = Meeting.objects.filter(
        committee=ctx.committees[demo.PFCF], starts_at__date__gte=year.start_date
    ).exclude(starts_at__date__in=list(ctx.meetings_2019))
    for meeting in meetings:
        month = period_reported_at(year, meeting.date)
        if month not in monitors:
            continue
        item = agenda_item_add(
            item=AgendaItem(meeting=meeting, title=f"Revenue Monitor {year} - Month {month}"),
            after=default_insert_after(meeting),
            expected_meeting_version=meeting.version,
        )
        add_monitor_document(item, monitors[month], f"Month {month} Revenue Monitoring Report")


def load(ctx: demo.DemoContext) -> None:
    officer = get_user_model().objects.get(username="officer")
    year = saved(FinancialYear(start_year=2019))
    made = directorates(year, APPROVED_DIFFERENCE)
    month_two = seed_monitors(year, made, officer)
    july = ctx.meetings_2019[dt.date(2019, 7, 24)]
    add_monitor_document(july.items.get(title=SEED_ITEM), month_two, MONITOR_TITLE)
    if ctx.today >= dt.date(2020, 4, 1):
        sample_monitors(ctx)


demo.register("finance", load)
