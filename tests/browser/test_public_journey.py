"""A member of the public finds the July 2019 agenda pack from the home page."""

import re

from playwright.sync_api import expect

from tests.support.demo import seed_meeting


def test_public_walks_from_home_to_the_agenda_pack(page, demo, publish, axe_check):
    publish(seed_meeting())  # the public sees only what was published, as `make run` has it
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Committee meetings, agendas and scrutiny"
    )
    axe_check(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Committees").click()
    axe_check(page)
    page.get_by_role(
        "link", name="Performance, Finance and Customer Focus Overview and Scrutiny Committee"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Performance, Finance")
    axe_check(page)

    page.get_by_role("link", name="Wednesday 24 July 2019").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting on Wednesday 24 July 2019")
    agenda = page.locator(".app-agenda > li h3")
    expect(agenda).to_have_count(11)
    expect(agenda.nth(5)).to_have_text("6. Revenue Monitor 2019/20 - Month 2")
    expect(agenda.nth(6)).to_contain_text("To Follow")
    axe_check(page)

    page.get_by_role("link", name=re.compile("Read the agenda pack")).click()
    expect(page.locator(".pack-front-sheet")).to_contain_text("Please ask for Jamie Sheldon")
    expect(page.locator("#item-6")).to_contain_text("Lead Member")
    axe_check(page)


def test_public_pages_work_without_javascript(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/calendar/2019/7/")
    page.get_by_role("link", name=re.compile("Performance, Finance")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting on Wednesday 24 July 2019")
    context.close()
