"""The finance pages: the public page of a committee and year, the officers' monitor page with
its reconciliation and override, entry by hand, and the spreadsheet templates."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Document
from finance.models import FinancialYear, KeyIssue, Line, Monitor
from finance.position import Position
from tests.factories import AgendaItemFactory, DocumentFactory
from tests.support.demo import PFCF_SLUG, seed_meeting
from tests.support.pages import form_values, visible_text

pytestmark = pytest.mark.usefixtures("published_seed")


@pytest.fixture
def month_two():
    return Monitor.objects.get(year__start_year=2019, kind="month", period=2)


def public_url(start_year=2019):
    return reverse("finance:committee_year", args=[PFCF_SLUG, start_year])


def test_the_public_finance_page_shows_the_monitors_the_committee_was_presented(client):
    page = visible_text(client.get(public_url()))

    assert "Revenue monitoring 2019/20" in page
    assert "2019/20 Month 2" in page
    assert (
        "The forecast revenue overspend is £3.958m against a net revenue budget of £185.482m."
        in page
    )
    assert "Table 1: Revenue Monitoring Position" in page
    assert "Total 499.018 (313.536) 185.482 189.440 3.958 0.000" in page
    assert "Line chart of the total forecast variation by period." in page
    # Month 1 was never presented to the committee: the public does not see it.
    assert "2019/20 Month 1" not in page


def test_the_public_finance_pages_run_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    # The public version, committee, year, publications, documents, monitors, their lines (year
    # view), and the latest monitor's position: however many meetings and monitors there are.
    with django_assert_max_num_queries(14):
        assert client.get(public_url()).status_code == 200
    # The public version, publications, documents, monitors with their years, and the
    # committees' links.
    with django_assert_max_num_queries(5):
        page = visible_text(client.get(reverse("finance:public_index")))
    assert "Performance, Finance and Customer Focus Overview and Scrutiny Committee 2019/20" in page


def test_a_year_with_no_monitor_presented_says_so_and_an_unknown_year_is_not_found(client):
    this_year = FinancialYear.objects.covering(timezone.localdate()).get().start_year
    page = visible_text(client.get(public_url(this_year)))
    assert "has not been presented a revenue monitor of" in page
    assert client.get(public_url(1999)).status_code == 404


def test_officer_pages_are_for_staff_only(client, month_two):
    url = reverse("finance:monitor", args=[month_two.pk])
    assert client.get(url).status_code == 302
    client.force_login(_user("councillor"))
    assert client.get(url).status_code == 403


def _user(name):
    from tests.support.users import user

    return user(name)


def test_the_monitor_page_lists_what_does_not_reconcile_and_the_recorded_reason(
    client, officer, month_two
):
    client.force_login(officer)
    page = visible_text(client.get(reverse("finance:monitor", args=[month_two.pk])))

    assert "These figures do not reconcile, and may be published as they are" in page
    assert "The key issues of Children's Directorate add up to £2.803m" in page
    assert "Reason: Published as the seed's report was" in page
    assert "Corporate Items (10.118) (10.117) 0.001" in page


def test_an_officer_records_an_override_which_lapses_when_the_figures_change(
    client, officer, month_two
):
    client.force_login(officer)
    line = Line.objects.get(monitor=month_two, directorate__name="Finance")
    line.forecast_outturn = Decimal("18.000")
    line.save()
    url = reverse("finance:monitor", args=[month_two.pk])
    page = client.get(url)
    assert "cannot be published until they do" in visible_text(page)

    override = reverse("finance:monitor_override", args=[month_two.pk])
    empty = client.post(override, {"reason": " "})
    assert "Say why the monitor may be published as it is" in visible_text(empty)

    client.post(override, {"reason": "Finance's figure is agreed with the auditors."})
    month_two.refresh_from_db()
    assert month_two.overridden_by == officer
    assert Position.of(month_two).override_applies


def test_a_report_author_cannot_record_an_override(client, month_two):
    client.force_login(_user("author"))
    response = client.post(
        reverse("finance:monitor_override", args=[month_two.pk]), {"reason": "Because."}
    )
    assert response.status_code == 403


def test_figures_entered_by_hand_replace_the_lines_and_a_bad_figure_saves_nothing(
    client, officer, month_two
):
    client.force_login(officer)
    url = reverse("finance:monitor_lines", args=[month_two.pk])
    page = client.get(url)
    values = form_values(page)
    assert values["form-0-gross_income"] == "-0.608"

    values["form-1-forecast_outturn"] = "17.9421"
    values["form-2-gross_income"] = "81.149"
    refused = visible_text(client.post(url, values))
    assert "“17.9421” has more than three decimal places" in refused
    assert "Gross income is negative" in refused
    assert Line.objects.get(monitor=month_two, directorate__name="Finance").forecast_outturn == (
        Decimal("17.942")
    )

    values = form_values(page)
    values["form-1-forecast_outturn"] = "(1.000)"
    values["headline-working_balance"] = "8.050"
    assert client.post(url, values).status_code == 302
    assert Line.objects.get(monitor=month_two, directorate__name="Finance").forecast_outturn == (
        Decimal("-1.000")
    )
    month_two.refresh_from_db()
    assert month_two.working_balance == Decimal("8.050")
    monitor_page = visible_text(client.get(reverse("finance:monitor", args=[month_two.pk])))
    assert "Working balance £8.050m" in monitor_page


def test_key_issues_are_edited_a_directorate_at_a_time(client, officer, month_two):
    client.force_login(officer)
    finance = month_two.lines.get(directorate__name="Finance").directorate
    url = reverse("finance:monitor_key_issues", args=[month_two.pk, finance.pk])
    values = form_values(client.get(url))
    values["key_issues-1-issue"] = "Treasury management income is lower."
    values["key_issues-1-variation"] = "(0.417)"
    values["key_issues-0-DELETE"] = "on"

    assert client.post(url, values).status_code == 302
    [issue] = KeyIssue.objects.filter(monitor=month_two, directorate=finance)
    assert (issue.issue, issue.variation) == (
        "Treasury management income is lower.",
        Decimal("-0.417"),
    )


def test_the_template_spreadsheets_carry_the_years_directorates(client, officer):
    client.force_login(officer)
    response = client.get(reverse("finance:template", args=["2019", "xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Lines", "Key issues"]
    lines = [row[0] for row in workbook["Lines"].iter_rows(values_only=True)]
    assert lines[0] == "Directorate" and lines[1] == "Executive Office" and len(lines) == 9
    assert "Revenue monitor 2019-20 template.xlsx" in response["Content-Disposition"]

    csv = client.get(reverse("finance:template", args=["2019", "csv"])).content.decode()
    assert (
        csv.splitlines()[0]
        == "Directorate,Gross expenditure £m,Gross income £m,Forecast outturn £m"
    )


def test_a_monitor_presented_in_private_never_reaches_the_public_finance_page(
    client, publish, monitor_2031
):
    meeting = seed_meeting()
    item = AgendaItemFactory(
        meeting=meeting, title="Commercial budget", exempt=True, exempt_paragraph=3
    )
    DocumentFactory(
        item=item,
        kind=Document.Kind.GENERATED,
        title="Month 4 monitor",
        generator="finance.revenue_monitor",
        generator_record=monitor_2031.pk,
        exempt=True,
        exempt_paragraph=3,
    )
    publish(meeting)

    page = visible_text(client.get(public_url(2031)))
    assert "has not been presented a revenue monitor of 2031/32" in page
    assert "9.999" not in page
    assert "2031/32" not in visible_text(client.get(reverse("finance:public_index")))
