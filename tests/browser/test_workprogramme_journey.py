"""An officer scores a new topic and schedules it onto an agenda, then records progress on a
tracked decision, which the public tracker shows."""

import datetime as dt
import re

from django.utils import timezone
from playwright.sync_api import expect

from committees.demo import PFCF
from committees.models import Meeting, Outcome
from tests.workprogramme.factories import outcome

ANSWERS = {
    "Public Interest": ("Yes", "Raised at ward surgeries across the city"),
    "Ability": ("Yes", "The parking strategy is being reviewed"),
    "Performance": ("No", ""),
    "Extent": ("Yes", ""),
    "Replication": ("No", ""),
    "Executive Decision": ("Yes", "Cabinet decides the new tariff in the spring"),
}


def sign_in_as_officer(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("demo-password-2019")
    page.get_by_role("button", name="Sign in").click()


def test_officer_scores_and_schedules_a_topic_and_records_progress(page, demo, axe_check):
    upcoming = Meeting.objects.upcoming().filter(committee__name=PFCF).first()
    committee = upcoming.committee
    asked = outcome(
        kind=Outcome.Kind.REQUESTED,
        committee=committee,
        made_on=timezone.localdate() - dt.timedelta(days=14),
        due_by=timezone.localdate() + dt.timedelta(days=30),
        text="The Committee requested a briefing on parking enforcement.",
    )
    sign_in_as_officer(page)

    page.get_by_role("link", name="Programmes and tracking").click()
    axe_check(page)
    page.get_by_role("link", name=f"{PFCF}: 2019/2020").click()
    page.get_by_role("button", name="Add a topic").click()
    page.get_by_label("Title").fill("Parking enforcement")
    page.get_by_label("Reason for consideration").fill("Member request after complaints")
    page.get_by_label("Type").select_option(label="Member request")
    for criterion, (answer, evidence) in ANSWERS.items():
        page.get_by_label(re.compile(f"^{criterion}: ")).select_option(label=answer)
        if evidence:
            page.get_by_label(f"Evidence for {criterion.lower()}").fill(evidence)
    axe_check(page)
    page.get_by_role("button", name="Save the topic").click()

    expect(page.locator("main")).to_contain_text("“Parking enforcement” saved, scored (4).")
    expect(page.locator("main")).to_contain_text("“Yes” without evidence: Extent.")
    row = page.locator("tr", has_text="Parking enforcement")
    expect(row).to_contain_text("(4) Medium")
    expect(row).to_contain_text("Evidence missing")
    axe_check(page)

    row.get_by_role("link", name="Schedule Parking enforcement").click()
    page.get_by_label("Meeting").select_option(label=f"{upcoming.starts_at:%-d %B %Y}")
    page.get_by_role("button", name="Schedule it").click()
    expect(page.locator("main")).to_contain_text("“Parking enforcement” is scheduled for")
    page.locator("tr", has_text="Parking enforcement").get_by_role(
        "link", name=f"{upcoming.starts_at:%-d %B %Y}"
    ).click()
    expect(page.locator("main")).to_contain_text("Parking enforcement")
    titles = page.locator("main").inner_text()
    assert titles.index("Parking enforcement") < titles.rindex("Work Programme")

    page.goto("/work-programmes/tracker/")
    decision_row = page.locator("tr", has_text="a briefing on parking enforcement")
    expect(decision_row).to_contain_text("Open")
    axe_check(page)

    page.get_by_role("link", name="Programmes and tracking").click()
    page.get_by_role("link", name=re.compile("a briefing on parking enforcement")).click()
    today = timezone.localdate()
    page.locator("#id_note-on_0").fill(str(today.day))
    page.locator("#id_note-on_1").fill(str(today.month))
    page.locator("#id_note-on_2").fill(str(today.year))
    page.get_by_label("Progress", exact=True).fill("Briefing drafted with the parking team.")
    axe_check(page)
    page.get_by_role("button", name="Add the progress note").click()
    expect(page.locator("main")).to_contain_text("Progress note added.")

    page.goto("/work-programmes/tracker/")
    decision_row = page.locator("tr", has_text="a briefing on parking enforcement")
    expect(decision_row).to_contain_text("In progress")
    expect(decision_row).to_contain_text("Briefing drafted with the parking team.")
    assert asked.tracked.notes.count() == 1
    axe_check(page)


def test_the_public_reads_and_filters_a_work_programme_and_a_programmes_updates(
    page, demo, axe_check
):
    page.goto("/")
    page.get_by_role("link", name="Work programmes").click()
    axe_check(page)
    page.get_by_role("link", name="Work programme 2019/2020").click()
    page.get_by_label("Priority").select_option(label="Medium")
    page.get_by_role("button", name="Apply filters").click()
    topics = page.locator("table.wp-topics tbody tr")
    expect(topics).to_have_count(4)
    expect(topics.first).to_contain_text("Customer Experience Programme update")
    page.locator("thead a", has_text="Score").click()
    expect(page.locator("th[aria-sort]")).to_contain_text("Score")
    axe_check(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Work programmes").click()
    page.get_by_role("link", name="Customer Experience Programme").click()
    expect(page.locator("main")).to_contain_text("Community Engagement (enabler)")
    expect(page.locator("main")).to_contain_text("Amber: at risk")
    axe_check(page)
