"""finance/position.py on the demo: the seed's Month 2 as the reconciliation reads it, the
officer's override and when it lapses, and the words written from the figures."""

from decimal import Decimal

import pytest
from django.utils import timezone

from committees.services.publication import agenda_problems
from finance.models import FinancialYear, Line, Monitor
from finance.position import Position, year_view
from tests.support.demo import seed_meeting

pytestmark = pytest.mark.usefixtures("demo")


def month(period, start_year=2019):
    return Monitor.objects.get(year__start_year=start_year, kind="month", period=period)


def test_the_reconciliation_finds_where_the_seeds_own_figures_disagree():
    position = Position.of(month(2))

    assert position.problems == [
        "The directorates' latest budgets total £185.482m, not the approved net revenue budget "
        "of £185.481m (£0.001m more).",
        "The key issues of Children's Directorate add up to £2.803m, not its forecast variation "
        "of £2.057m (£0.746m more).",
        "The key issues of Strategic Co-operative Commissioning Directorate add up to "
        "(£0.996m), not its forecast variation of (£0.250m) (£0.746m less).",
    ]
    assert [(v.name, v.difference) for v in position.virements] == [
        ("Corporate Items", Decimal("0.001"))
    ]
    # The officer recorded why it may go as it is: nothing blocks publication.
    assert position.override_applies
    assert position.blocking_problems == []
    assert agenda_problems(seed_meeting()) == []


def test_the_override_lapses_when_the_figures_it_was_recorded_for_change():
    line = Line.objects.get(monitor=month(2), directorate__name="Finance")
    line.forecast_outturn += Decimal("0.100")
    line.save()

    position = Position.of(month(2))
    assert not position.override_applies
    problems = agenda_problems(seed_meeting())
    assert (
        "“Month 2 Revenue Monitoring Report”: The key issues of Finance add up to £0.417m, not "
        "its forecast variation of £0.517m (£0.100m less)." in problems
    )
    assert len(problems) == 4


def test_headline_and_summaries_are_written_from_the_figures():
    position = Position.of(month(2))

    assert position.headline == (
        "The forecast revenue overspend is £3.958m against a net revenue budget of £185.482m."
    )
    assert position.summaries[4] == (
        "Strategic Co-operative Commissioning Directorate: forecast underspend of £0.250m "
        "against a budget of £86.978m."
    )
    assert position.summaries[5] == (
        "Office of the Director of Public Health: forecast on its budget of (£0.419m)."
    )


def test_the_first_monitor_of_a_year_says_there_is_no_movement():
    position = Position.of(month(1))

    assert position.previous is None
    assert all(row.movement is None for row in position.rows)
    assert position.no_movement_note == (
        "Month 1 is the first monitor of 2019/20: there is no earlier position to move from."
    )
    assert Position.of(month(2)).movement_heading == "Movement from Month 1"


def test_the_demo_has_sample_monitors_for_this_financial_years_months(demo):
    today = timezone.localdate()
    year = FinancialYear.objects.covering(today).get()
    monitors = list(year.monitors.all())
    assert [m.period for m in monitors] == list(range(1, (today.month - 4) % 12 + 1))
    assert all(m.sample for m in monitors)
    view = year_view(year.monitors.all())
    assert view.labels == [f"Month {m.period}" for m in monitors]
    assert len(view.rows) == 8
    assert all(Position.of(m).problems == [] for m in monitors)
