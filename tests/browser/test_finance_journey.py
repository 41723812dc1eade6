"""A finance officer imports a monitor from a spreadsheet, puts it on an agenda, sees the
reconciliation stop publication, records why it may go, publishes, and the public reads the
monitor's tables and chart on the committee's finance page."""

import datetime as dt
import io
import re

import openpyxl
from django.utils import timezone
from playwright.sync_api import expect

from committees.models import Committee
from finance.imports import ISSUE_COLUMNS, LINE_COLUMNS
from finance.models import Monitor
from tests.browser.test_officer_journey import (
    PFCF,
    PUBLISHED_WITHIN_MS,
    run_worker,
    sign_in_as_officer,
)
from tests.factories import AgendaItemFactory, MeetingFactory

# 2019/20's directorates (the demo's): gross expenditure, gross income, forecast outturn.
LINES = [
    ("Executive Office", 6.458, -0.608, 5.85),
    ("Finance", 22.564, -5.039, 18.0),
    ("Customer and Corporate", 96.477, -81.149, 15.328),
    ("Children's Directorate", 138.502, -91.812, 46.69),
    ("Strategic Co-operative Commissioning Directorate", 124.991, -38.013, 86.978),
    ("Office of the Director of Public Health", 18.6, -19.019, -0.419),
    ("Place Directorate", 80.747, -57.1, 23.647),
    ("Corporate Items", 10.679, -20.796, -10.117),
]


def spreadsheet(path, *, bad_cell=False):
    book = openpyxl.Workbook()
    lines = book.active
    lines.title = "Lines"
    lines.append(LINE_COLUMNS)
    for row in LINES:
        lines.append(list(row))
    if bad_cell:
        lines["C4"] = "eighty-one"
    issues = book.create_sheet("Key issues")
    issues.append(ISSUE_COLUMNS)
    # Finance's variation is 0.475; its key issue says 0.417: the reconciliation will say so.
    issues.append(["Finance", "", "Treasury management savings at risk.", 0.417, "Advisers."])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_monitor_imported_reconciled_overridden_published_and_read(
    browser, live_server, demo, axe_check, tmp_path
):
    committee = Committee.objects.get(name=PFCF)
    meeting = MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=35))
    AgendaItemFactory(meeting=meeting, position=1, title="Revenue Monitor 2019/20 - Month 3")
    monitors = Monitor.objects.count()
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in_as_officer(page)

    # The spreadsheet with one bad cell: the error names its sheet, row and column.
    page.get_by_role("link", name="Revenue monitoring").click()
    axe_check(page)
    page.get_by_role("link", name="Import a monitor from a spreadsheet").click()
    page.get_by_label("Financial year").select_option(label="2019/20")
    page.get_by_label("Monitored by").select_option(label="Month")
    page.get_by_label("Period").fill("3")
    page.get_by_label("Spreadsheet").set_input_files(
        spreadsheet(tmp_path / "m3.xlsx", bad_cell=True)
    )
    page.get_by_role("button", name="Import").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "Sheet “Lines”, row 4, column C (Gross income £m): “eighty-one” is not a number."
    )
    expect(page.locator(".govuk-error-message")).to_contain_text("row 4, column C")
    axe_check(page)
    assert Monitor.objects.count() == monitors

    # Fixed, it imports whole; the monitor's page says what does not reconcile.
    page.get_by_label("Period").fill("3")
    page.get_by_label("Spreadsheet").set_input_files(spreadsheet(tmp_path / "m3-fixed.xlsx"))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revenue monitor 2019/20 – Month 3")
    problem = "The key issues of Finance add up to £0.417m, not its forecast variation of £0.475m"
    expect(page.locator(".finance-problems")).to_contain_text(problem)
    axe_check(page)
    monitor_url = page.url

    # On the agenda, the monitor stops publication until an officer says why it may go.
    page.goto(meeting.get_officer_url())
    page.get_by_role("link", name="Add a generated document to item 1").click()
    page.get_by_label("Revenue monitor").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Which revenue monitor").select_option(
        label="Revenue monitor 2019/20 – Month 3"
    )
    page.get_by_role("button", name="Save document").click()
    page.goto(meeting.get_officer_url())
    page.get_by_role("link", name="Publish the agenda").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(problem)
    axe_check(page)

    page.goto(monitor_url)
    page.get_by_label("Why may it be published as it is?").fill(
        "The Finance key issue is being revised by the finance team."
    )
    page.get_by_role("button", name="Allow publication as it is").click()
    expect(page.locator("body")).to_contain_text("and may be published as they are")
    axe_check(page)

    page.goto(meeting.get_officer_url())
    page.get_by_role("link", name="Publish the agenda").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    page.get_by_role("button", name="Publish agenda").click()
    run_worker()
    expect(page.locator("#publication-progress")).to_contain_text(
        "Agenda published", timeout=PUBLISHED_WITHIN_MS
    )
    context.close()

    # The public reads the tables and chart on the committee's finance page.
    public_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    public = public_context.new_page()
    public.goto("/")
    public.get_by_role("link", name="Finance", exact=True).click()
    axe_check(public)
    public.get_by_role("link", name="2019/20").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Revenue monitoring 2019/20")
    table = public.locator("table", has_text="Table 1: Revenue Monitoring Position")
    expect(table.locator(".finance-table__total")).to_contain_text(
        re.compile(r"Total\s*499\.018\s*\(313\.536\)\s*185\.482\s*185\.957\s*0\.475")
    )
    expect(public.get_by_role("img", name=re.compile("^Bar chart of the forecast"))).to_be_visible()
    expect(public.locator("body")).to_contain_text(
        "The forecast revenue overspend is £0.475m against a net revenue budget of £185.482m."
    )
    axe_check(public)
    public_context.close()
