"""An officer publishes an agenda with a To Follow item, adds its report and publishes a
supplement; the public then finds the supplement pack, the complete pack and the earlier
version, with what changed."""

import datetime as dt
import io
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from committees.models import Committee
from tests.browser.test_officer_journey import (
    PUBLISHED_WITHIN_MS,
    run_worker,
    sign_in_as_officer,
)
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

PFCF = "performance-finance-and-customer-focus-overview-and-scrutiny-committee"


def publish(page, axe_check, button, *, published):
    """Press the publish page's `button`, let the worker carry it out, see it done."""
    page.get_by_role("button", name=button).click()
    progress = page.locator("#publication-progress")
    expect(progress).to_contain_text("Waiting to start")
    axe_check(page)
    run_worker()
    expect(progress).to_contain_text(published, timeout=PUBLISHED_WITHIN_MS)
    axe_check(page)


def pdf_text(response):
    assert response.ok and response.body().startswith(b"%PDF-")
    return " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.body())).pages
        ).split()
    )


def test_officer_publishes_a_supplement_and_the_public_reads_every_version(
    browser, live_server, demo, axe_check
):
    meeting = MeetingFactory(
        committee=Committee.objects.get(slug=PFCF), starts_at=timezone.now() + dt.timedelta(days=30)
    )
    budget = AgendaItemFactory(meeting=meeting, title="Budget monitoring", position=1)
    DocumentFactory(item=budget, title="Budget monitoring report")
    AgendaItemFactory(meeting=meeting, title="Procurement update", to_follow=True, position=2)

    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.goto("/accounts/login/")
    axe_check(page)
    sign_in_as_officer(page)
    axe_check(page)
    page.goto(reverse("officer:meeting_publish", args=[meeting.pk]))
    axe_check(page)
    publish(page, axe_check, "Publish agenda", published="Agenda published")

    # The To Follow report arrives.
    page.goto(meeting.get_officer_url())
    axe_check(page)
    page.get_by_role("link", name="Add a report to item 2").click()
    axe_check(page)
    page.get_by_label("Title of report").fill("Procurement report")
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.locator("body")).to_contain_text("Procurement report")
    axe_check(page)

    # Before publishing, the officer sees what the supplement changes.
    page.goto(reverse("officer:meeting_publish", args=[meeting.pk]))
    changes = "Item 2, “Procurement update”: report “Procurement report” added."
    expect(page.locator("#main-content")).to_contain_text(changes)
    axe_check(page)
    publish(
        page,
        axe_check,
        "Publish a supplement for the To Follow items",
        published="Supplement 1 published",
    )
    context.close()

    # The public reads the meeting page: the supplement pack beside the complete pack, and the
    # earlier version with what each version changed.
    public_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    public = public_context.new_page()
    public.goto(meeting.get_absolute_url())
    axe_check(public)
    expect(public.locator(".app-agenda > li h3").nth(1)).to_have_text("2. Procurement update")
    versions = public.locator(".app-versions tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("Supplement 1 published")
    expect(versions.nth(0)).to_contain_text(
        "Item 2, “Procurement update”: no longer To Follow; report “Procurement report” added."
    )
    expect(versions.nth(1)).to_contain_text("Agenda published")

    supplement = pdf_text(
        public.request.get(
            public.get_by_role(
                "link", name=re.compile("^Download supplement 1 to the agenda")
            ).get_attribute("href")
        )
    )
    assert "Supplement 1 to the agenda" in supplement and "Procurement report" in supplement
    assert "Budget monitoring report" not in supplement

    complete = pdf_text(
        public.request.get(
            public.get_by_role("link", name=re.compile("^Download the agenda pack")).get_attribute(
                "href"
            )
        )
    )
    assert "Budget monitoring report" in complete and "Procurement report" in complete

    earlier = pdf_text(
        public.request.get(versions.nth(1).get_by_role("link").first.get_attribute("href"))
    )
    assert "Procurement update – To Follow" in earlier
    assert "Procurement report" not in earlier
    public_context.close()
