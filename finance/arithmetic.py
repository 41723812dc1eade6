"""Revenue monitoring arithmetic, in Decimal only (DESIGN.md, "Rules that are computed").

Figures are £m to three decimals, as councils report them. Income is negative, so that a
directorate's latest approved budget is its gross expenditure plus its gross income; a positive
variation is an overspend. Nothing here touches the database: the models hand in figures and
get figures (and the mismatches an officer must see) back.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal("0.000")
PLACES = Decimal("0.001")


def budget(expenditure: Decimal, income: Decimal) -> Decimal:
    """Latest approved budget: gross expenditure + gross income (income is negative)."""
    return expenditure + income


def variation(outturn: Decimal, budget: Decimal) -> Decimal:
    """Forecast year-end variation: forecast outturn − budget (positive is an overspend)."""
    return outturn - budget


def movement(variation: Decimal, previous: Decimal | None) -> Decimal | None:
    """Change in variation since the previous monitor of the year; None at the first."""
    return None if previous is None else variation - previous


def total(values: Iterable[Decimal | None]) -> Decimal:
    """The sum of a column, blanks counted as nothing."""
    return sum((value for value in values if value is not None), ZERO)


@dataclass(frozen=True)
class Row:
    """One directorate's line of Table 1, from the figures the finance team enters."""

    name: str
    expenditure: Decimal
    income: Decimal
    outturn: Decimal
    previous_variation: Decimal | None = None

    @property
    def budget(self) -> Decimal:
        return budget(self.expenditure, self.income)

    @property
    def variation(self) -> Decimal:
        return variation(self.outturn, self.budget)

    @property
    def movement(self) -> Decimal | None:
        return movement(self.variation, self.previous_variation)


@dataclass(frozen=True)
class Totals:
    """The total row of Table 1: every column a sum of the lines."""

    expenditure: Decimal
    income: Decimal
    budget: Decimal
    outturn: Decimal
    variation: Decimal
    movement: Decimal | None


def totals(rows: list[Row]) -> Totals:
    """Totals of every column; movement only where every line has one."""
    movements = [row.movement for row in rows]
    return Totals(
        expenditure=total(row.expenditure for row in rows),
        income=total(row.income for row in rows),
        budget=total(row.budget for row in rows),
        outturn=total(row.outturn for row in rows),
        variation=total(row.variation for row in rows),
        movement=None if not rows or None in movements else total(movements),
    )


@dataclass(frozen=True)
class Mismatch:
    """Figures that should agree and do not: `found` − `expected` is `difference`."""

    name: str
    expected: Decimal
    found: Decimal

    @property
    def difference(self) -> Decimal:
        return self.found - self.expected


def key_issue_mismatches(
    variations: Mapping[str, Decimal], issues: Mapping[str, Iterable[Decimal | None]]
) -> list[Mismatch]:
    """Directorates whose key issues do not add up to their variation in Table 1.

    A directorate with no key issues reconciles only if its variation is nil.
    """
    return [
        Mismatch(name, expected, found)
        for name, expected in variations.items()
        if (found := total(issues.get(name, ()))) != expected
    ]


def budget_mismatches(
    approved: Mapping[str, Decimal | None], latest: Mapping[str, Decimal]
) -> tuple[list[Mismatch], Mismatch | None]:
    """The virements (directorates whose latest budget differs from the approved one) and, if
    the latest budgets do not total the approved budget, that mismatch.

    Virements move budget between directorates and net to nothing; what they do not net to
    is budget nobody approved (or lost). With no approved budget recorded there is nothing to
    reconcile to.
    """
    known = {name: amount for name, amount in approved.items() if amount is not None}
    virements = [
        Mismatch(name, known[name], found)
        for name, found in latest.items()
        if name in known and found != known[name]
    ]
    approved_total, latest_total = total(known.values()), total(latest.values())
    unbalanced = (
        None
        if not known or approved_total == latest_total
        else Mismatch("Net revenue budget", approved_total, latest_total)
    )
    return virements, unbalanced


# ---- Writing and reading figures as councils print them ------------------------------------


def figure(value: Decimal | None) -> str:
    """£m to three decimals, negatives in brackets: 3.958, (0.250); blank for no figure."""
    if value is None:
        return ""
    rounded = value.quantize(PLACES, rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.3f}"
    return f"({text})" if rounded < 0 else text


def pounds(value: Decimal) -> str:
    """A figure in a sentence: £3.958m, (£0.419m)."""
    text = f"£{figure(abs(value))}m"
    return f"({text})" if value.quantize(PLACES, rounding=ROUND_HALF_UP) < 0 else text


def direction(value: Decimal) -> str:
    """ "overspend", "underspend" or "on budget", by the variation's sign."""
    rounded = value.quantize(PLACES, rounding=ROUND_HALF_UP)
    if rounded > 0:
        return "overspend"
    if rounded < 0:
        return "underspend"
    return "on budget"


FIGURE = re.compile(r"(\()?£?(-?[\d,]*\.?\d+)m?(\))?")


class FigureError(ValueError):
    """Text that is not a figure in £m to three decimals; the message says why."""


def parse_figure(text: str) -> Decimal:
    """A figure as written in a sheet or form: 3.958, (0.250), -0.25, 1,234.5, £0.417m."""
    cleaned = text.strip().replace(" ", "")
    match = FIGURE.fullmatch(cleaned)
    if not match or bool(match[1]) != bool(match[3]):
        raise FigureError(f"“{text}” is not a number.")
    try:
        value = Decimal(match[2].replace(",", ""))
    except InvalidOperation:
        raise FigureError(f"“{text}” is not a number.") from None
    if match[1]:
        if value < 0:
            raise FigureError(f"“{text}” is negative twice: use brackets or a minus sign.")
        value = -value
    return checked_places(value, text)


def checked_places(value: Decimal, text: str | None = None) -> Decimal:
    """`value` if it has at most three decimal places (the sheet is in £m)."""
    if not value.is_finite():
        raise FigureError(f"“{text if text is not None else value}” is not a number.")
    if value.as_tuple().exponent < -3 and value != value.quantize(PLACES):
        raise FigureError(
            f"“{text if text is not None else value}” has more than three decimal places: "
            "figures are in £m to the nearest thousand pounds."
        )
    return value.quantize(PLACES)
