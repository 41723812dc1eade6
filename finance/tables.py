"""The monitor's tables as django-tables2 tables, rendered by finance/_table.html with GOV.UK's
table styles: figures right-aligned, the total row the last row of the body (a <tfoot> would be
repeated by the PDF engine at the foot of every page the table runs over)."""

import django_tables2 as tables
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from finance.arithmetic import figure

TEMPLATE = "finance/_table.html"
NUMERIC = {
    "th": {"class": "govuk-table__header govuk-table__header--numeric finance-figure"},
    "td": {"class": "govuk-table__cell govuk-table__cell--numeric finance-figure"},
    "tf": {"class": "govuk-table__header govuk-table__header--numeric finance-figure"},
}
TEXT = {
    "th": {"class": "govuk-table__header"},
    "td": {"class": "govuk-table__cell"},
    "tf": {"class": "govuk-table__header"},
}


class FigureColumn(tables.Column):
    """A column of £m figures, printed as councils print them: 3.958, (0.250)."""

    def __init__(self, *args, blank="", **kwargs):
        kwargs.setdefault("attrs", NUMERIC)
        kwargs.setdefault("orderable", False)
        super().__init__(*args, default=blank, **kwargs)

    def render(self, value):
        return figure(value)


class FinanceTable(tables.Table):
    """A table with a caption, a row of units under the headings and an optional total row."""

    caption = ""
    units = "£m"
    row_headers = True

    class Meta:
        orderable = False
        attrs = {"class": "govuk-table finance-table"}

    def __init__(self, data, *, caption="", total=None, **kwargs):
        super().__init__(data, template_name=TEMPLATE, **kwargs)
        self.caption = caption or self.caption
        self.total = total  # {column name: value}, printed once as the last row

    @property
    def total_cells(self):
        if self.total is None:
            return None
        return [
            (column, self.total.get(column.name, ""), index == 0)
            for index, column in enumerate(self.columns)
        ]


class TableOne(FinanceTable):
    """Table 1: Revenue Monitoring Position."""

    directorate = tables.Column(verbose_name="Directorate", attrs=TEXT)
    expenditure = FigureColumn(verbose_name="Gross Expenditure")
    income = FigureColumn(verbose_name="Gross Income")
    budget = FigureColumn(verbose_name="Latest Approved Budget")
    outturn = FigureColumn(verbose_name="Forecast Outturn")
    variation = FigureColumn(verbose_name="Forecast Year End Variation")
    movement = FigureColumn(verbose_name="Movement", blank="–")

    @classmethod
    def of(cls, position):
        rows = [
            {
                "directorate": line.directorate.name,
                "expenditure": row.expenditure,
                "income": row.income,
                "budget": row.budget,
                "outturn": row.outturn,
                "variation": row.variation,
                "movement": row.movement,
            }
            for line, row in position.table
        ]
        totals = position.totals
        year = position.monitor.year
        table = cls(
            rows,
            caption="Table 1: Revenue Monitoring Position",
            total={
                "directorate": "Total",
                "expenditure": figure(totals.expenditure),
                "income": figure(totals.income),
                "budget": figure(totals.budget),
                "outturn": figure(totals.outturn),
                "variation": figure(totals.variation),
                "movement": figure(totals.movement) if totals.movement is not None else "–",
            },
        )
        table.columns["budget"].column.verbose_name = f"{year} Latest Approved Budget"
        table.columns["movement"].column.verbose_name = position.movement_heading
        return table


class TableThree(FinanceTable):
    """Table 3: Key Issues and Corrective Actions, grouped by directorate."""

    issue = tables.Column(verbose_name="Issue", attrs=TEXT)
    variation = FigureColumn(verbose_name="Variation £m")
    action = tables.Column(verbose_name="Management Corrective Action", attrs=TEXT, default="")
    units = ""
    row_headers = False

    def render_issue(self, record):
        heading = record["heading"]
        text = linebreaks_filter(record["issue"], autoescape=True)
        if heading:
            return format_html('<p class="govuk-body"><strong>{}</strong></p>{}', heading, text)
        return format_html("{}", text)

    def render_action(self, value):
        return linebreaks_filter(value, autoescape=True)

    @classmethod
    def of(cls, position):
        rows = []
        for group in position.issues_by_directorate:
            rows.append({"group": group.directorate.name})
            rows += [
                {
                    "group": None,
                    "heading": issue.service.name if issue.service else "",
                    "issue": issue.issue,
                    "variation": issue.variation,
                    "action": issue.action,
                }
                for issue in group.issues
            ]
        return cls(
            rows,
            caption="Table 3: Key Issues and Corrective Actions",
            total={"issue": "Total", "variation": figure(position.key_issues_total)},
        )


class YearTable(FinanceTable):
    """Each directorate's forecast variation, period by period through a financial year."""

    directorate = tables.Column(verbose_name="Directorate", attrs=TEXT)

    @classmethod
    def of(cls, year_view):
        periods = [(f"p{index}", label) for index, label in enumerate(year_view.labels)]
        rows = [
            {
                "directorate": name,
                **{key: value for (key, _), value in zip(periods, values, strict=True)},
            }
            for name, values in year_view.rows
        ]
        return cls(
            rows,
            caption=f"Forecast year-end variation by directorate, {year_view.year}",
            total={
                "directorate": "Total",
                **{
                    key: figure(value)
                    for (key, _), value in zip(periods, year_view.totals, strict=True)
                },
            },
            extra_columns=[(key, FigureColumn(verbose_name=label)) for key, label in periods],
        )


class MonitorTable(tables.Table):
    """The monitors of a year, for the finance pages."""

    period = tables.Column(
        verbose_name="Period", accessor="monitor", attrs=TEXT, linkify=lambda record: record["url"]
    )
    as_at = tables.Column(verbose_name="As at", attrs=TEXT)
    headline = tables.Column(verbose_name="Position", attrs=TEXT)

    class Meta:
        orderable = False
        attrs = {"class": "govuk-table"}

    caption = ""
    units = ""
    total_cells = None
    row_headers = True

    def __init__(self, data, **kwargs):
        super().__init__(data, template_name=TEMPLATE, **kwargs)

    def render_period(self, record):
        sample = mark_safe(' <strong class="govuk-tag govuk-tag--yellow">Sample figures</strong>')
        return format_html("{}{}", record["label"], sample if record["sample"] else "")
