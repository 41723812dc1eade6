"""A report author edits a report of a published agenda: they are told it stays a draft, the
public still reads the published version, and the officer's agenda and history show the change."""

import re

from playwright.sync_api import expect

from committees.models import Document

REVENUE = "Revenue Monitoring 2019/20 – Month 2"
REVISED = "DRAFT-CANARY: the month two position after the July forecast."


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo-password-2019")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")


def test_an_authors_edit_of_a_published_report_stays_a_draft_until_republished(
    browser, live_server, demo, publish, axe_check
):
    report = Document.objects.get(title=REVENUE)
    meeting = report.item.meeting
    publish(meeting)  # on 16 July 2019, as the seed pack was

    # The author opens their report from the dashboard and is warned before editing.
    author = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    author.goto("/accounts/login/")
    axe_check(author)
    sign_in(author, "author")
    axe_check(author)
    author.get_by_role("link", name=REVENUE).click()
    warning = author.locator(".govuk-warning-text")
    expect(warning).to_contain_text(
        "This agenda was published on 16 July 2019. What you save here stays a draft, unseen by "
        "the public and councillors, until democratic services republish the agenda."
    )
    axe_check(author)
    author.get_by_label("Purpose of report").fill(REVISED)
    author.get_by_role("button", name="Save report").click()
    expect(author.locator(".govuk-notification-banner--success")).to_contain_text("Report saved")
    expect(warning).to_be_visible()
    axe_check(author)

    # The public still reads the agenda as published.
    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto(meeting.get_absolute_url() + "pack/")
    expect(public.locator(".pack")).to_contain_text("Lead Member")
    expect(public.locator(".pack")).not_to_contain_text("DRAFT-CANARY")
    axe_check(public)

    # The officer's agenda flags the report, and the history says what the author changed.
    officer = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    sign_in(officer, "officer")
    officer.goto(meeting.get_officer_url())
    banner = officer.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("The agenda has changed since it was published on 16 July 2019")
    expect(banner).to_contain_text(f"Report “{REVENUE}” changed by Paul Looby")
    expect(officer.locator(f"#item-{report.item_id}")).to_contain_text("Changed since publication")
    axe_check(officer)
    officer.get_by_role("link", name="Changes to this meeting and its agenda").click()
    latest = officer.locator("tbody tr").first
    expect(latest).to_contain_text("Paul Looby")
    expect(latest).to_contain_text(re.compile(r"Purpose of report.*DRAFT-CANARY", re.S))
    axe_check(officer)
    officer.goto(meeting.get_officer_url())
    officer.get_by_role("link", name="republish it").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Republish the agenda")
    axe_check(officer)
