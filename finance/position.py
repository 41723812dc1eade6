"""A monitor's position, worked out once from its figures: Table 1 with its totals, Table 3
grouped by directorate, the reconciliation problems and the words said about them.

The pack, the officer's pages and the public pages all read a `Position`, so that a figure is
computed in one place and the sentences cannot disagree with the tables.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch

from finance import arithmetic
from finance.arithmetic import direction, pounds
from finance.models import Directorate, KeyIssue, Line, Monitor


@dataclass(frozen=True)
class DirectorateIssues:
    """Table 3's rows for one directorate."""

    directorate: Directorate
    issues: list[KeyIssue]

    @property
    def total(self) -> Decimal:
        return arithmetic.total(issue.variation for issue in self.issues)


@dataclass
class Position:
    monitor: Monitor
    lines: list[Line]
    previous: Monitor | None
    previous_variations: dict[int, Decimal]
    directorates: list[Directorate]
    key_issues: list[KeyIssue]
    rows: list[arithmetic.Row] = field(init=False)

    def __post_init__(self):
        self.rows = [
            line.row(self.previous_variations.get(line.directorate_id) if self.previous else None)
            for line in self.lines
        ]

    @classmethod
    def of(cls, monitor: Monitor) -> "Position":
        """The position of `monitor`, in a fixed number of queries."""
        monitor = Monitor.objects.select_related("year", "overridden_by").get(pk=monitor.pk)
        previous = monitor.previous()
        previous_variations = {}
        if previous is not None:
            previous_variations = {
                line.directorate_id: line.variation for line in previous.lines.all()
            }
        return cls(
            monitor=monitor,
            lines=list(monitor.lines.select_related("directorate")),
            previous=previous,
            previous_variations=previous_variations,
            directorates=list(monitor.year.directorates.all()),
            key_issues=list(monitor.key_issues.select_related("directorate", "service")),
        )

    # ---- Table 1 -------------------------------------------------------------------------

    @cached_property
    def totals(self) -> arithmetic.Totals:
        return arithmetic.totals(self.rows)

    @property
    def table(self):
        """(line, row) pairs of Table 1, in the directorates' order."""
        return list(zip(self.lines, self.rows, strict=True))

    @property
    def movement_heading(self) -> str:
        if self.previous is None:
            return "Movement"
        return f"Movement from {self.previous.period_label}"

    @property
    def no_movement_note(self) -> str:
        """Why the movement column is empty, at the first monitor of the year."""
        if self.previous is not None:
            return ""
        return (
            f"{self.monitor.period_label} is the first monitor of {self.monitor.year}: "
            "there is no earlier position to move from."
        )

    # ---- Words from the figures ----------------------------------------------------------

    @property
    def headline(self) -> str:
        """ "The forecast revenue overspend is £3.958m against a net revenue budget of …"."""
        variation, budget = self.totals.variation, self.totals.budget
        if direction(variation) == "on budget":
            return f"The revenue outturn is forecast on its net budget of {pounds(budget)}."
        return (
            f"The forecast revenue {direction(variation)} is {pounds(abs(variation))} "
            f"against a net revenue budget of {pounds(budget)}."
        )

    def summary(self, line: Line, row: arithmetic.Row) -> str:
        """One directorate's line in words."""
        if direction(row.variation) == "on budget":
            return f"{line.directorate}: forecast on its budget of {pounds(row.budget)}."
        return (
            f"{line.directorate}: forecast {direction(row.variation)} of "
            f"{pounds(abs(row.variation))} against a budget of {pounds(row.budget)}."
        )

    @property
    def summaries(self) -> list[str]:
        return [self.summary(line, row) for line, row in self.table]

    @property
    def headline_figures(self) -> list[tuple[str, Decimal]]:
        """The headline figures the report has: working balance, savings target, at risk."""
        monitor = self.monitor
        figures = [
            ("Working balance", monitor.working_balance),
            ("Savings target", monitor.savings_target),
            ("Savings at risk", monitor.savings_at_risk),
        ]
        return [(label, value) for label, value in figures if value is not None]

    # ---- Table 3 -------------------------------------------------------------------------

    @cached_property
    def issues_by_directorate(self) -> list[DirectorateIssues]:
        grouped = {directorate.pk: [] for directorate in self.directorates}
        for issue in self.key_issues:
            grouped.setdefault(issue.directorate_id, []).append(issue)
        by_pk = {directorate.pk: directorate for directorate in self.directorates}
        return [DirectorateIssues(by_pk[pk], issues) for pk, issues in grouped.items() if issues]

    @property
    def key_issues_total(self) -> Decimal:
        return arithmetic.total(issue.variation for issue in self.key_issues)

    # ---- Reconciliation ------------------------------------------------------------------

    @cached_property
    def virements(self) -> list[arithmetic.Mismatch]:
        return self._budgets[0]

    @cached_property
    def _budgets(self):
        approved = {d.name: d.approved_budget for d in self.directorates}
        latest = {line.directorate.name: row.budget for line, row in self.table}
        return arithmetic.budget_mismatches(approved, latest)

    @property
    def approved_total(self) -> Decimal | None:
        budgets = [d.approved_budget for d in self.directorates if d.approved_budget is not None]
        return arithmetic.total(budgets) if budgets else None

    @cached_property
    def problems(self) -> list[str]:
        """Every mismatch, by directorate and amount: these stop publication."""
        problems = []
        entered = {line.directorate_id for line in self.lines}
        for directorate in self.directorates:
            if directorate.pk not in entered:
                problems.append(f"{directorate} has no figures in {self.monitor.period_label}.")
        unbalanced = self._budgets[1]
        if unbalanced is not None:
            problems.append(
                f"The directorates' latest budgets total {pounds(unbalanced.found)}, not the "
                f"approved net revenue budget of {pounds(unbalanced.expected)} "
                f"({_more_or_less(unbalanced.difference)})."
            )
        variations = {line.directorate.name: row.variation for line, row in self.table}
        issues = {}
        for issue in self.key_issues:
            issues.setdefault(issue.directorate.name, []).append(issue.variation)
        for mismatch in arithmetic.key_issue_mismatches(variations, issues):
            problems.append(
                f"The key issues of {mismatch.name} add up to {pounds(mismatch.found)}, not its "
                f"forecast variation of {pounds(mismatch.expected)} "
                f"({_more_or_less(mismatch.difference)})."
            )
        return problems

    @property
    def override_applies(self) -> bool:
        """The officer recorded a reason for publishing these very problems."""
        monitor = self.monitor
        return bool(monitor.override_reason) and monitor.override_problems == self.problems

    @property
    def blocking_problems(self) -> list[str]:
        return [] if self.override_applies else self.problems


def headline(variation: Decimal, budget: Decimal) -> str:
    """ "The forecast revenue overspend is £3.958m against a net revenue budget of £185.482m."."""
    if direction(variation) == "on budget":
        return f"The revenue outturn is forecast on its net budget of {pounds(budget)}."
    return (
        f"The forecast revenue {direction(variation)} is {pounds(abs(variation))} "
        f"against a net revenue budget of {pounds(budget)}."
    )


def _more_or_less(difference: Decimal) -> str:
    return f"{pounds(abs(difference))} {'more' if difference > 0 else 'less'}"


def monitors_with_lines(monitors):
    """`monitors` with their lines and directorates: for year views, two queries."""
    return monitors.select_related("year").prefetch_related(
        Prefetch("lines", queryset=Line.objects.select_related("directorate"))
    )


@dataclass(frozen=True)
class YearView:
    """Each directorate's forecast variation, period by period, through a financial year."""

    year: object
    labels: list[str]
    rows: list[tuple[str, list[Decimal | None]]]
    totals: list[Decimal]
    budgets: list[Decimal]
    monitors: list[Monitor]

    @property
    def headlines(self) -> list[str]:
        return [headline(v, b) for v, b in zip(self.totals, self.budgets, strict=True)]


def year_view(monitors) -> YearView:
    """The year view of `monitors` (of one financial year), in two queries."""
    monitors = sorted(monitors_with_lines(monitors), key=lambda m: m.end_month)
    year = monitors[0].year if monitors else None
    directorates = {}
    for monitor in monitors:
        for line in monitor.lines.all():
            directorates.setdefault(line.directorate_id, line.directorate)
    order = sorted(directorates.values(), key=lambda d: (d.position, d.name))
    variations = {
        (monitor.pk, line.directorate_id): line.row().variation
        for monitor in monitors
        for line in monitor.lines.all()
    }
    rows = [(d.name, [variations.get((monitor.pk, d.pk)) for monitor in monitors]) for d in order]
    totals = [
        arithmetic.total(variations.get((monitor.pk, d.pk)) for d in order) for monitor in monitors
    ]
    budgets = [
        arithmetic.total(line.row().budget for line in monitor.lines.all()) for monitor in monitors
    ]
    return YearView(
        year=year,
        labels=[monitor.period_label for monitor in monitors],
        rows=rows,
        totals=totals,
        budgets=budgets,
        monitors=monitors,
    )
