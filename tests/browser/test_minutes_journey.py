"""An officer records the attendance and two minutes of the 24 July 2019 meeting, publishes
them as a draft, and, the 12 June minutes confirmed at its minute 63, confirms them at the next
meeting; the public meeting page shows them confirmed with their outcomes, and the councillors'
pages count the substitution and the apologies. Every page visited is checked with axe."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from committees.models import Meeting
from tests.support.demo import PFCF_SLUG, seed_meeting


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo-password-2019")
    page.get_by_role("button", name="Sign in").click()


def add_minute(page, item, text, outcome, axe_check=None, recipient=None):
    page.get_by_role("button", name="Add a minute").click()
    page.get_by_label("Agenda item").select_option(label=item)
    page.get_by_role("textbox", name="Minute", exact=True).fill(text)
    page.get_by_label("Outcome", exact=True).select_option(label=outcome[0])
    page.get_by_label("Text", exact=True).first.fill(outcome[1])
    if recipient:
        page.get_by_label("Made to, or asked of").select_option(label=recipient)
    if axe_check:
        axe_check(page)
    page.get_by_role("button", name="Save minute").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Minute saved")


def test_officer_minutes_a_meeting_publishes_and_confirms_them(page, demo, axe_check):
    july = seed_meeting()
    sign_in(page, "officer")
    page.goto(july.get_officer_url())
    page.get_by_role("link", name="Minutes and attendance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Minutes of Wednesday 24 July 2019")
    axe_check(page)

    # Attendance: the form lists the members on the day; Hendy sends Murphy.
    page.get_by_role("link", name="Record attendance").click()
    hendy = page.get_by_role("group", name="Councillor Hendy")
    hendy.get_by_label("Attendance").select_option(label="Apologies")
    hendy.get_by_label("Substituted by").select_option(label="Councillor Murphy")
    page.get_by_role("group", name="Councillor Kelly, Chair").get_by_label("Took the chair").check()
    page.get_by_label("The meeting started at").fill("2pm")
    page.get_by_label("The meeting finished at").fill("1pm")
    page.get_by_role("button", name="Save attendance").click()
    # A finish before the start: refused at the field, nothing saved.
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The meeting cannot finish before it started."
    )
    axe_check(page)
    page.get_by_label("The meeting finished at").fill("4.30pm")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        "Councillor Kelly, in the Chair. Councillor Winter, Vice Chair."
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text("Murphy (substituting for Hendy)")

    # Two minutes, tied to their agenda items, numbered on from June's 54-60.
    add_minute(
        page,
        "Minutes",
        "The minutes of 12 June 2019 were considered.",
        ("Resolved / agreed", "Members agreed the minutes of 12 June 2019 as an accurate record."),
        axe_check,
    )
    add_minute(
        page,
        "Revenue Monitor 2019/20 - Month 2",
        "Paul Looby presented the month two monitoring position.",
        ("Requested", "The Committee requested a breakdown of the overspend."),
        recipient="Cabinet",
    )
    expect(page.get_by_role("heading", name="61. Minutes")).to_be_visible()
    expect(
        page.get_by_role("heading", name="62. Revenue Monitor 2019/20 - Month 2")
    ).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Publish the draft minutes").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The draft minutes are published."
    )

    # June's minutes are confirmed at July's minute 61 first: minutes are confirmed in order.
    june = Meeting.objects.filter(committee__slug=PFCF_SLUG, starts_at__lt=july.starts_at).first()
    page.goto(reverse("officer:minutes_confirm", args=[june.pk]))
    page.get_by_label("At which minute did the committee agree them?").select_option(
        label="24 July 2019: Minutes"
    )
    axe_check(page)
    page.get_by_role("button", name="Confirm the minutes").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        "agreed at the meeting on 24 July 2019 (minute 61)"
    )

    # The next meeting minutes its Minutes item, and confirms July's minutes there.
    following = (
        Meeting.objects.filter(committee__slug=PFCF_SLUG, starts_at__gt=july.starts_at)
        .order_by("starts_at")
        .first()
    )
    page.goto(reverse("officer:minutes", args=[following.pk]))
    add_minute(
        page,
        "Minutes",
        "The minutes of 24 July 2019 were considered.",
        ("Resolved / agreed", "Members agreed the minutes of 24 July 2019 as an accurate record."),
    )
    page.goto(reverse("officer:minutes", args=[july.pk]))
    page.get_by_role("button", name="Confirm the minutes").click()
    page.get_by_label("At which minute did the committee agree them?").select_option(
        label=f"{following.date:%-d %B %Y}: Minutes"
    )
    page.get_by_role("button", name="Confirm the minutes").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Confirmed")

    # The public meeting page: confirmed, with the minutes and their outcomes.
    page.goto(july.get_absolute_url())
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        f"Minutes confirmed on {following.date:%-d %B %Y}"
    )
    minutes = page.locator(".minutes")
    expect(minutes).to_contain_text("61. Minutes")
    expect(minutes).to_contain_text("62. Revenue Monitor 2019/20 - Month 2")
    expect(minutes).to_contain_text("The Committee requested a breakdown of the overspend.")
    expect(minutes).to_contain_text("The meeting started at 2.00 pm and finished at 4.30 pm.")
    expect(page.get_by_text("At a future meeting, the committee will consider")).to_have_count(0)
    axe_check(page)

    # The councillors' attendance for 2019/2020: June and July.
    page.goto("/councillors/hendy/")
    row = page.get_by_role("row", name=re.compile(r"^2019.2020 "))
    expect(row.get_by_role("cell")).to_have_text(["2", "0", "0", "2", "0"])
    axe_check(page)
    page.goto("/councillors/murphy/")
    row = page.get_by_role("row", name=re.compile(r"^2019.2020 "))
    expect(row.get_by_role("cell")).to_have_text(["0", "0", "2", "0", "0"])
    page.goto(f"/committees/{PFCF_SLUG}/?attendance-sort=-apologies")
    first = page.locator("#attendance ~ table tbody tr").first
    expect(first.get_by_role("rowheader")).to_have_text(re.compile("Hendy|Ms Watkin|Wigens"))
    axe_check(page)
