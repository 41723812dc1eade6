"""The revenue monitor as a generated document of the agenda pack (README, "Adding an app").

An officer adds it to the finance report's item and chooses the monitor; the pack renders its
tables, charts and words from the figures, and the publish page lists every figure that does not
reconcile until it is put right or the officer records why it may go as it is.
"""

from django import forms

from committees.packs.registry import GeneratedDocument, GeneratorContext
from finance import charts
from finance.models import Monitor
from finance.position import Position, year_view
from finance.tables import TableOne, TableThree

KEY = "finance.revenue_monitor"

PRINT_CSS = """
@page finance-landscape {
  size: A4 landscape;
  margin: 18mm 20mm 20mm 20mm;
}
/* Table 1 has seven columns of figures: it goes on a landscape page of its own. */
.finance-landscape {
  page: finance-landscape;
}
.finance-table {
  font-size: 9pt;
}
.finance-table .finance-figure {
  text-align: right;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
/* Headings break between words, never inside one ("Variation" stays whole). */
.finance-table th {
  overflow-wrap: normal;
  word-break: normal;
  hyphens: manual;
}
/* A directorate's heading row stays with its first key issue. */
.finance-table__group {
  break-after: avoid;
}
.finance-table__total th,
.finance-table__total td {
  border-top: 1.5pt solid #0b0c0c;
  font-weight: bold;
}
.finance-chart {
  break-inside: avoid;
  margin: 0 0 1em;
}
.finance-chart img {
  width: 100%;
  max-height: 120mm;
  object-fit: contain;
}
"""


def monitor_of(ctx: GeneratorContext) -> Monitor:
    try:
        return Monitor.objects.select_related("year").get(pk=ctx.record_id)
    except Monitor.DoesNotExist:
        raise Monitor.DoesNotExist(
            f"“{ctx.document.title}” shows a revenue monitor that no longer exists: choose "
            "another for the document."
        ) from None


def context(ctx: GeneratorContext) -> dict:
    """Tables, charts and words of the monitor; the year's trend up to it."""
    position = Position.of(monitor_of(ctx))
    monitor = position.monitor
    to_date = monitor.year.monitors.filter(kind=monitor.kind, period__lte=monitor.period)
    return {
        "position": position,
        "table_one": TableOne.of(position),
        "table_three": TableThree.of(position),
        "by_directorate": by_directorate_chart(position),
        "trend": trend_chart(year_view(to_date)),
    }


def by_directorate_chart(position: Position) -> charts.Chart:
    return charts.variation_by_directorate(
        [(line.directorate.name, row.variation) for line, row in position.table],
        title=f"Forecast year-end variation by directorate, {position.monitor.period_label}",
    )


def trend_chart(view) -> charts.Chart:
    return charts.trend(
        list(zip(view.labels, view.totals, strict=True)),
        title=f"Total forecast variation through {view.year}",
    )


def problems(ctx: GeneratorContext) -> list[str]:
    try:
        return Position.of(monitor_of(ctx)).blocking_problems
    except Monitor.DoesNotExist as missing:
        return [str(missing)]


def monitor_field() -> forms.Field:
    return forms.ModelChoiceField(
        queryset=Monitor.objects.select_related("year").order_by("-year__start_year", "-period"),
        label="Which revenue monitor",
        empty_label="Choose a monitor",
        error_messages={"required": "Choose the revenue monitor the document shows."},
    )


revenue_monitor = GeneratedDocument(
    key=KEY,
    label="Revenue monitor",
    template="finance/pack/_revenue_monitor.html",
    context=context,
    problems=problems,
    print_css=PRINT_CSS,
    record_field=monitor_field,
)
