"""finance/arithmetic.py: the seed's Table 1 and Table 3 worked out from their inputs, and the
identities every monitor keeps, whatever its figures."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finance import arithmetic
from finance.arithmetic import FigureError, Row, figure, parse_figure, pounds
from finance.demo import TABLE_ONE

D = Decimal

# The seed's Table 1 inputs, as the demo loads them: gross expenditure, gross income, outturn.
SEED = TABLE_ONE
# What the seed prints for the budget and variation columns.
SEED_BUDGETS = ["5.850", "17.525", "15.328", "46.690", "86.978", "(0.419)", "23.647", "(10.117)"]
SEED_VARIATIONS = ["0.000", "0.417", "1.440", "2.057", "(0.250)", "0.000", "0.028", "0.266"]


def seed_rows():
    # Month 1's variations were the same: the seed's movement column is 0.000 throughout.
    rows = [Row(name, D(e), D(i), D(o)) for name, e, i, o in SEED]
    return [Row(r.name, r.expenditure, r.income, r.outturn, r.variation) for r in rows]


def test_the_seeds_table_1_is_reproduced_from_its_inputs():
    rows = seed_rows()
    assert [figure(row.budget) for row in rows] == SEED_BUDGETS
    assert [figure(row.variation) for row in rows] == SEED_VARIATIONS
    assert [figure(row.movement) for row in rows] == ["0.000"] * 8

    totals = arithmetic.totals(rows)
    assert figure(totals.expenditure) == "499.018"
    assert figure(totals.income) == "(313.536)"
    assert figure(totals.budget) == "185.482"
    assert figure(totals.outturn) == "189.440"
    assert figure(totals.variation) == "3.958"
    assert figure(totals.movement) == "0.000"


def test_the_seeds_table_3_as_printed_reconciles_to_each_directorates_variation():
    variations = {row.name: row.variation for row in seed_rows()}
    printed = {
        "Executive Office": ["0.000", "0.000"],
        "Finance": ["0.417"],
        "Customer and Corporate": ["0.000", "0.600", "0.000", "0.500", "-0.160", "0.500"],
        # The (0.746) sits in the Children's rows, as printed.
        "Children's Directorate": ["2.803", None, None, "-0.746"],
        "Strategic Co-operative Commissioning Directorate": [None, "-0.250", "0.000"],
        "Office of the Director of Public Health": ["0.000"],
        "Place Directorate": ["0.198", "0.000", "-0.170", "0.000", "0.000", "0.000", "0.000"],
        "Corporate Items": ["0.266"],
    }
    issues = {
        name: [None if v is None else D(v) for v in values] for name, values in printed.items()
    }

    assert arithmetic.key_issue_mismatches(variations, issues) == []
    assert figure(arithmetic.total(v for values in issues.values() for v in values)) == "3.958"


def test_a_key_issue_under_another_directorate_is_a_mismatch_both_ways():
    variations = {"Children's": D("2.057"), "Commissioning": D("-0.250")}
    issues = {"Children's": [D("2.803")], "Commissioning": [D("-0.746"), D("-0.250")]}

    mismatches = arithmetic.key_issue_mismatches(variations, issues)

    assert [(m.name, m.difference) for m in mismatches] == [
        ("Children's", D("0.746")),
        ("Commissioning", D("-0.746")),
    ]


def test_a_directorate_with_a_variation_and_no_key_issues_does_not_reconcile():
    [mismatch] = arithmetic.key_issue_mismatches({"Finance": D("0.417")}, {})
    assert (mismatch.expected, mismatch.found) == (D("0.417"), D("0.000"))


def test_virements_are_listed_and_an_unbalanced_total_is_a_mismatch():
    approved = {"A": D("10.000"), "B": D("5.000")}
    moved = {"A": D("9.000"), "B": D("6.000")}

    virements, unbalanced = arithmetic.budget_mismatches(approved, moved)
    assert [(v.name, v.difference) for v in virements] == [("A", D("-1")), ("B", D("1"))]
    assert unbalanced is None

    _, unbalanced = arithmetic.budget_mismatches(approved, {"A": D("10.001"), "B": D("5.000")})
    assert (unbalanced.expected, unbalanced.found) == (D("15.000"), D("15.001"))


def test_no_approved_budget_means_nothing_to_reconcile_to():
    assert arithmetic.budget_mismatches({"A": None}, {"A": D("1")}) == ([], None)


def test_the_first_monitor_of_a_year_has_no_movement():
    row = Row("Finance", D("1"), D("-0.5"), D("0.6"))
    assert row.movement is None
    assert arithmetic.totals([row]).movement is None
    assert figure(None) == ""


@pytest.mark.parametrize(
    ("value", "printed", "in_words", "direction"),
    [
        ("3.958", "3.958", "£3.958m", "overspend"),
        ("-0.25", "(0.250)", "(£0.250m)", "underspend"),
        ("0", "0.000", "£0.000m", "on budget"),
        ("-0.0004", "0.000", "£0.000m", "on budget"),
        ("1234.5", "1,234.500", "£1,234.500m", "overspend"),
    ],
)
def test_figures_are_written_as_councils_write_them(value, printed, in_words, direction):
    assert figure(D(value)) == printed
    assert pounds(D(value)) == in_words
    assert arithmetic.direction(D(value)) == direction


@pytest.mark.parametrize(
    ("text", "value"),
    [("3.958", "3.958"), ("(0.250)", "-0.250"), ("-0.25", "-0.250"), ("£1,234.5m", "1234.500")],
)
def test_figures_are_read_as_councils_write_them(text, value):
    assert parse_figure(text) == D(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "“abc” is not a number."),
        ("(0.25", "“(0.25” is not a number."),
        ("1.2345", "“1.2345” has more than three decimal places"),
        ("(-1)", "negative twice"),
    ],
)
def test_text_that_is_not_a_figure_is_refused_saying_why(text, message):
    with pytest.raises(FigureError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_figure(text)


# ---- Properties ------------------------------------------------------------------------------

money = st.decimals(min_value=D("-99999.999"), max_value=D("99999.999"), places=3, allow_nan=False)
income = st.decimals(min_value=D("-99999.999"), max_value=D("0"), places=3, allow_nan=False)
rows = st.lists(
    st.builds(Row, st.text(min_size=1, max_size=5), money, income, money, st.none() | money),
    max_size=12,
)


@given(rows)
def test_totals_are_the_sums_of_the_lines(rows):
    totals = arithmetic.totals(rows)
    assert totals.expenditure == sum((r.expenditure for r in rows), D(0))
    assert totals.income == sum((r.income for r in rows), D(0))
    assert totals.budget == totals.expenditure + totals.income
    assert totals.outturn == sum((r.outturn for r in rows), D(0))
    assert totals.variation == totals.outturn - totals.budget
    if rows and all(r.previous_variation is not None for r in rows):
        assert totals.movement == totals.variation - sum((r.previous_variation for r in rows), D(0))
    else:
        assert totals.movement is None


@given(money, income, money, money)
def test_variation_and_movement_identities(expenditure, income, outturn, previous):
    row = Row("X", expenditure, income, outturn, previous)
    assert row.budget == expenditure + income
    assert row.budget + row.variation == outturn
    assert previous + row.movement == row.variation
    assert isinstance(row.variation, Decimal) and isinstance(row.movement, Decimal)


@given(money)
def test_a_printed_figure_reads_back_as_the_same_figure(value):
    printed = figure(value)
    assert parse_figure(printed) == value
    assert printed.startswith("(") == (value < 0)
    assert printed.strip("()").split(".")[1].__len__() == 3
    assert parse_figure(pounds(value)) == value
