"""An officer enters a meeting with the GOV.UK date input (an impossible date first), creates a
duplicate only by confirming it, and deletes a meeting created by mistake; a councillor signs in
to their meetings; report text reads like the page, Word's header row included. Every page
visited is checked with axe."""

import datetime as dt

import docx
from django.urls import reverse
from django.utils import timezone
from docx.oxml.shared import OxmlElement, qn
from playwright.sync_api import expect

from committees.models import Meeting
from tests.factories import AgendaItemFactory, MeetingFactory

PFCF = "Performance, Finance and Customer Focus Overview and Scrutiny Committee"


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo-password-2019")
    page.get_by_role("button", name="Sign in").click()


def enter_date(page, day):
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))


def new_meeting_of_pfcf(page, axe_check):
    page.goto("/officer/")
    page.get_by_role("button", name="Create a meeting").click()
    axe_check(page)
    page.get_by_label("Which committee is the meeting of?").select_option(label=PFCF)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a meeting")
    axe_check(page)


def test_officer_enters_a_date_then_confirms_a_duplicate_then_deletes_it(page, demo, axe_check):
    sign_in(page, "officer")
    expect(page.locator(".app-account")).to_contain_text(
        "Signed in as Jamie Sheldon, democratic services officer"
    )
    axe_check(page)

    # The committee's usual venue and start time are filled in.
    new_meeting_of_pfcf(page, axe_check)
    expect(page.get_by_label("Start time")).to_have_value("14:00")
    expect(page.get_by_label("Venue")).not_to_have_value("")

    # 31 February: refused, with the error summary's link taking the reader to the day box.
    year = timezone.localdate().year + 1
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill(str(year))
    page.get_by_role("button", name="Create meeting").click()
    expect(page).to_have_title("Error: Create a meeting – Plymouth City Council scrutiny portal")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    message = page.locator("#id_date_error")
    expect(message).to_have_text("Error: Date of meeting must be a real date")
    axe_check(page)
    summary.get_by_role("link", name="Date of meeting must be a real date").click()
    expect(page.get_by_label("Day")).to_be_focused()
    expect(page.get_by_label("Day")).to_have_value("31")

    day = timezone.localdate() + dt.timedelta(days=45)
    enter_date(page, day)
    page.get_by_role("button", name="Create meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Agenda for {day:%A %-d %B %Y}")
    axe_check(page)

    # The same committee, date and time again: a warning, and a box to say it is meant.
    new_meeting_of_pfcf(page, axe_check)
    enter_date(page, day)
    page.get_by_role("button", name="Create meeting").click()
    expect(page).to_have_title("Error: Create a meeting – Plymouth City Council scrutiny portal")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        f"already has a meeting at 2.00 p.m. on {day:%A %-d %B %Y}"
    )
    axe_check(page)
    page.get_by_label("Create it anyway").check()
    page.get_by_role("button", name="Create meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Agenda for {day:%A %-d %B %Y}")
    twins = Meeting.objects.filter(committee__name=PFCF, starts_at__date=day)
    assert twins.count() == 2

    # The second was a mistake: never published, so it can be deleted.
    page.get_by_role("link", name="Delete this meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this meeting")
    axe_check(page)
    page.get_by_role("button", name="Delete this meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Meeting deleted")
    axe_check(page)
    assert twins.count() == 1

    # Cancelling the other reads as what the officer does.
    page.goto(twins.get().get_officer_url())
    page.get_by_role("link", name="Cancel the meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel this meeting")
    axe_check(page)


def test_a_councillor_lands_on_their_meetings(page, demo, axe_check):
    sign_in(page, "councillor")

    expect(page.get_by_role("heading", level=1)).to_have_text("My meetings")
    expect(page.locator("#main-content")).to_contain_text(PFCF)
    expect(page.locator(".app-account")).to_contain_text("councillor")
    axe_check(page)


def word_report_with_header_row(path):
    word = docx.Document()
    word.add_paragraph("The committee is asked to note the savings.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Directorate", "Saving £m"
    table.cell(1, 0).text, table.cell(1, 1).text = "Place", "1.200"
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(marker)
    word.save(path)
    return path


def test_report_text_reads_like_the_page(page, demo, axe_check, tmp_path):
    item = AgendaItemFactory(
        meeting=MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=40)), title="Savings"
    )
    sign_in(page, "officer")
    page.goto(reverse("officer:document_add", args=[item.pk, "report"]))
    page.get_by_label("Title of report").fill("Savings 2027/28")
    page.get_by_label("Import the report from Word (optional)").set_input_files(
        word_report_with_header_row(tmp_path / "savings.docx")
    )
    page.get_by_role("button", name="Save report").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    axe_check(page)

    # The editor's table dialog, in GOV.UK form styles, offers a header row.
    page.get_by_role("button", name="Insert table").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    expect(dialog.get_by_label("Include header row")).to_have_value("Yes")
    axe_check(page)
    dialog.get_by_role("button", name="Cancel").click()

    page.get_by_role("link", name="Preview as it will appear in the pack").click()
    body = page.locator(".pack-document__body")
    header = body.locator("thead th").first
    expect(header).to_have_text("Directorate")
    style = header.evaluate(
        "th => { const s = getComputedStyle(th); "
        "return [s.fontFamily, s.fontWeight, s.borderBottomStyle, s.textAlign]; }"
    )
    assert style == ["arial, sans-serif", "700", "solid", "left"]
    paragraph = body.locator("p").first.evaluate("p => getComputedStyle(p).fontFamily")
    assert paragraph == "arial, sans-serif"
    axe_check(page)
