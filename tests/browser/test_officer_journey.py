"""A democratic support officer builds and publishes an agenda; the public then reads it."""

import datetime as dt
import re
import signal

import docx
import weasyprint
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

PFCF = "Performance, Finance and Customer Focus Overview and Scrutiny Committee"
# Generous: the worker may be slow on a busy machine, and the page asks every 2 seconds.
PUBLISHED_WITHIN_MS = 60_000


def sign_in_as_officer(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("demo-password-2019")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")


def run_worker():
    """What `manage.py db_worker` does, once, for the queued tasks.

    In the test's own thread: the live server shares this thread's connection to the in-memory
    test database, and the worker sets signal handlers, which only the main thread may. The
    browser goes on polling the live server meanwhile. The handlers are put back afterwards, or
    Ctrl+C later in the session would be the worker's graceful exit.
    """
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = [signal.getsignal(number) for number in signals]
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    finally:
        for number, handler in zip(signals, handlers, strict=True):
            signal.signal(number, handler)


def word_report(path):
    document = docx.Document()
    document.add_heading("Budget scrutiny 2027/28", level=1)
    document.add_paragraph("WORD-CANARY: the draft budget closes a gap of £12.4m.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Directorate", "Saving £m"
    table.cell(1, 0).text, table.cell(1, 1).text = "Place", "1.200"
    document.save(path)
    return path


def pdf_appendix(path):
    html = "".join(f"<p style='break-after: page'>Budget table page {n}</p>" for n in (1, 2))
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    return path


def agenda_titles(page):
    return page.locator(".app-editor__item h3").all_inner_texts()


def test_officer_builds_and_publishes_an_agenda(browser, live_server, demo, axe_check, tmp_path):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()

    page.goto("/accounts/login/")
    axe_check(page)
    sign_in_as_officer(page)
    axe_check(page)

    # A new meeting starts with the committee's standing items.
    page.get_by_role("button", name="Create a meeting").click()
    axe_check(page)
    day = timezone.localdate() + dt.timedelta(days=35)
    page.get_by_label("Which committee is the meeting of?").select_option(label=PFCF)
    page.get_by_role("button", name="Continue").click()
    axe_check(page)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("14:00")
    page.get_by_role("button", name="Create meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Agenda for {day:%A %-d %B %Y}")
    axe_check(page)
    agenda_url = page.url

    # Two new items go in before the closing standing items; then one moves up.
    for title in ("Budget scrutiny", "Procurement update"):
        page.get_by_role("button", name="Add an item").click()
        axe_check(page)
        page.get_by_label("Title").fill(title)
        if title == "Procurement update":
            page.get_by_label("To follow").check()
        page.get_by_role("button", name="Add item").click()
    titles = agenda_titles(page)
    assert titles[4].startswith("5. Budget scrutiny")
    assert titles[5].startswith("6. Procurement update")
    page.get_by_role("button", name="Move up item 6").click()
    titles = agenda_titles(page)
    assert titles[4].startswith("5. Procurement update")
    assert titles[5].startswith("6. Budget scrutiny")
    assert titles[-1].startswith("8. Tracking Decisions")

    # A report imported from Word, then a PDF appendix.
    page.get_by_role("link", name="Add a report to item 6").click()
    axe_check(page)
    page.get_by_label("Title of report").fill("Budget scrutiny 2027/28")
    page.get_by_label("Import the report from Word (optional)").set_input_files(
        word_report(tmp_path / "budget.docx")
    )
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.locator("body")).to_contain_text("Budget scrutiny 2027/28")
    axe_check(page)
    page.goto(agenda_url)
    page.get_by_role("link", name="Add an appendix to item 6").click()
    page.get_by_label("Title of appendix").fill("Budget tables")
    page.get_by_label("Upload the appendix (optional)").set_input_files(
        pdf_appendix(tmp_path / "tables.pdf")
    )
    page.get_by_role("button", name=re.compile("^Save")).click()
    page.goto(agenda_url)
    expect(page.locator("#main-content")).to_contain_text("Budget tables")

    # Publish: the worker renders the packs while the progress page watches, updating itself.
    page.get_by_role("link", name="Publish the agenda").click()
    axe_check(page)
    page.get_by_role("button", name="Publish agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publishing the agenda")
    progress = page.locator("#publication-progress")
    expect(progress).to_contain_text("Waiting to start")
    axe_check(page)
    page.evaluate("window.notReloaded = true")  # gone if anything but htmx updated the page
    run_worker()
    expect(progress).to_contain_text("Agenda published", timeout=PUBLISHED_WITHIN_MS)
    assert page.evaluate("window.notReloaded === true")
    expect(progress).to_contain_text(re.compile(r"Public pack\s*Rendered: \d+ pages"))
    expect(progress).to_contain_text(re.compile(r"Restricted pack\s*Rendered: \d+ pages"))
    axe_check(page)
    page.get_by_role("link", name="See the public meeting page").click()
    expect(page.locator("#main-content")).to_contain_text("Appendix A: Budget tables")
    context.close()

    # A member of the public reads the published agenda and pack.
    public_context = browser.new_context(base_url=live_server.url)
    public = public_context.new_page()
    public.goto(agenda_url.replace("/officer/meetings/", "/meetings/"))
    agenda = public.locator(".app-agenda > li h3")
    expect(agenda.nth(4)).to_have_text("5. Procurement update – To Follow")
    expect(agenda.nth(5)).to_have_text("6. Budget scrutiny")
    expect(public.locator("#main-content")).to_contain_text("Appendix A: Budget tables")
    axe_check(public)
    public.get_by_role("link", name=re.compile("Read the agenda pack")).click()
    expect(public.locator(".pack")).to_contain_text("WORD-CANARY")
    axe_check(public)
    pdf = public.request.get(public.url.replace("/pack/", "/pack.pdf"))
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF-")
    public_context.close()


def test_refused_upload_shows_the_error_at_the_field(browser, live_server, demo, tmp_path):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in_as_officer(page)
    page.locator(".govuk-table a").first.click()
    page.get_by_role("link", name=re.compile("^Add an appendix to item")).first.click()
    fake = tmp_path / "minutes.pdf"
    fake.write_text("This is not a PDF at all.")
    page.get_by_label("Title of appendix").fill("Fake")
    page.get_by_label("Upload the appendix (optional)").set_input_files(fake)
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    context.close()


def test_publication_progress_works_without_javascript(browser, live_server, demo):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting), title="Budget monitoring")
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    page = context.new_page()
    sign_in_as_officer(page)
    page.goto(reverse("officer:meeting_publish", args=[meeting.pk]))
    page.get_by_role("button", name="Publish agenda").click()
    progress = page.locator("#publication-progress")
    expect(progress).to_contain_text("Waiting to start")

    run_worker()
    expect(progress).to_contain_text("Waiting to start")  # nothing updates it without a script
    page.get_by_role("link", name="Refresh to see progress").click()
    expect(progress).to_contain_text("Agenda published")
    expect(page.get_by_role("link", name="Refresh to see progress")).to_have_count(0)
    page.get_by_role("link", name="See the public meeting page").click()
    expect(page.locator("#main-content")).to_contain_text("Budget monitoring")
    context.close()
