"""People as cover sheets describe them (committees/models/people.py)."""

from committees.models import Councillor, Officer


def test_councillor_is_described_with_full_name_and_portfolio_as_on_a_cover_sheet():
    lowry = Councillor(name="Lowry", full_name="Mark Lowry", portfolio="Cabinet Member for Finance")

    assert lowry.described == "Councillor Mark Lowry (Cabinet Member for Finance)"


def test_councillor_without_portfolio_is_described_as_styled():
    assert Councillor(name="Mrs Johnson").described == "Councillor Mrs Johnson"


def test_officer_is_described_with_job_title():
    looby = Officer(name="Paul Looby", job_title="Head of Financial Planning and Reporting")

    assert looby.described == "Paul Looby (Head of Financial Planning and Reporting)"
