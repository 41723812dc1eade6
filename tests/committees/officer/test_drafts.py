"""Changes since publication in the officer's workspace: the agenda and the dashboard flag them,
and whoever edits a paper of a published agenda is told it stays a draft."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from committees.models import Document
from tests.factories import CoverSheetFactory, MeetingFactory, PublicationFactory
from tests.support.pages import form_values
from tests.support.pages import visible_text as text
from tests.support.users import user

pytestmark = pytest.mark.django_db

REVENUE = "Revenue Monitoring 2019/20 – Month 2"


def edit_url(document):
    return reverse("officer:document_edit", args=[document.pk])


@pytest.fixture
def revenue_report(demo):
    """The demo author's report, on an agenda published (as a record) now."""
    report = Document.objects.get(title__startswith=REVENUE)
    PublicationFactory(meeting=report.item.meeting)
    return report


def author_edits(client, report, **changes):
    client.force_login(user("author"))
    response = client.post(edit_url(report), form_values(client.get(edit_url(report)), **changes))
    assert response.status_code == 302, text(response)


def test_an_author_editing_a_published_report_is_told_it_stays_a_draft(client, revenue_report):
    client.force_login(user("author"))

    page = text(client.get(edit_url(revenue_report)))

    published = timezone.localdate().strftime("%-d %B %Y")
    assert (
        f"Warning This agenda was published on {published}. What you save here stays a draft, "
        "unseen by the public and councillors, until democratic services republish the agenda."
    ) in page


def test_nothing_warns_before_the_agenda_is_published(client, demo):
    report = CoverSheetFactory(
        document__item__meeting=MeetingFactory(), authors=[user("author").officer]
    ).document
    client.force_login(user("author"))
    assert "stays a draft" not in text(client.get(edit_url(report)))


def test_the_officers_agenda_flags_the_authors_edit(client, revenue_report):
    author_edits(client, revenue_report, purpose="The month two position, revised.")
    client.force_login(user("officer"))

    page = text(client.get(revenue_report.item.meeting.get_officer_url()))

    published = timezone.localdate().strftime("%-d %B %Y")
    assert f"The agenda has changed since it was published on {published}" in page
    assert f"Report “{REVENUE}” changed by Paul Looby" in page
    assert "see the agenda as published until you republish it" in page
    # The report itself is marked in the list of items, and nothing else is.
    assert f"{REVENUE} (report) Changed since publication" in page
    assert page.count("Changed since publication") == 1


def test_an_unchanged_published_agenda_is_not_flagged(client, revenue_report):
    client.force_login(user("officer"))
    page = text(client.get(revenue_report.item.meeting.get_officer_url()))
    assert "changed since it was published" not in page
    assert "Changed since publication" not in page


def published_upcoming(title):
    meeting = MeetingFactory(
        starts_at=timezone.now() + dt.timedelta(days=10), published_on=timezone.localdate()
    )
    report = CoverSheetFactory(
        document__item__meeting=meeting, document__title=title, authors=[user("author").officer]
    ).document
    PublicationFactory(meeting=meeting)
    return report


def test_the_dashboard_flags_what_changed_and_who_changed_it(client, demo):
    report = published_upcoming("Customer experience update")
    author_edits(client, report, purpose="Revised.")
    client.force_login(user("officer"))

    page = text(client.get(reverse("officer:dashboard")))

    assert "Changed since publication “Customer experience update” changed, by Paul Looby." in page


def test_the_dashboard_reads_the_changes_of_all_its_meetings_at_once(client, demo):
    def dashboard_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("officer:dashboard")).status_code == 200
        return len(queries)

    client.force_login(user("officer"))
    author_edits(client, published_upcoming("First"), purpose="Revised.")
    client.force_login(user("officer"))
    one = dashboard_queries()
    for n in range(4):
        author_edits(client, published_upcoming(f"Report {n}"), purpose="Revised.")
    client.force_login(user("officer"))

    assert dashboard_queries() == one
    assert text(client.get(reverse("officer:dashboard"))).count("Changed since publication") == 5
