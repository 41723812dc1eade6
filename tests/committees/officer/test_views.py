"""The officer workspace (committees/officer/views.py): who may open which page, the agenda
editor and concurrent edits, on the demo, signed in as its officer."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee, Document, Meeting
from committees.services import agenda as agenda_services
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.demo import PFCF_SLUG
from tests.support.meetings import titles
from tests.support.pages import text
from tests.support.urls import officer_urls
from tests.support.users import user

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def officer_user(officer):
    return officer


# -- caching -----------------------------------------------------------------------------------


def test_officer_pages_are_never_cached(officer_client):
    response = officer_client.get(reverse("officer:dashboard"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


# -- who may open which officer page -----------------------------------------------------------


@pytest.fixture
def url_matrix(demo):
    """Every officer URL, on a report that the demo author did not write."""
    meeting = Meeting.objects.get(committee__slug=PFCF_SLUG, starts_at__date=dt.date(2019, 7, 24))
    document = Document.objects.get(title="Customer Experience Programme Update")
    return officer_urls(meeting, document.item, document, meeting.committee)


def test_anonymous_visitors_are_sent_to_sign_in_from_every_officer_url(client, url_matrix):
    for url in url_matrix:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_councillors_get_403_on_every_officer_url(client, url_matrix):
    client.force_login(user("councillor"))
    for url in url_matrix:
        assert client.get(url).status_code == 403, url


def test_report_author_gets_403_on_agendas_and_on_other_authors_reports(client, url_matrix):
    client.force_login(user("author"))
    dashboard = reverse("officer:dashboard")
    for url in url_matrix:
        expected = 200 if url == dashboard else 403
        assert client.get(url).status_code == expected, url


def test_report_author_edits_their_own_report(client, demo):
    client.force_login(user("author"))
    own = Document.objects.get(title__startswith="Revenue Monitoring 2019/20")
    assert own.title in text(client.get(reverse("officer:dashboard")))
    assert client.get(reverse("officer:document_edit", args=[own.pk])).status_code == 200


def test_officers_open_every_officer_url(officer_client, url_matrix):
    for url in url_matrix:
        status = officer_client.get(url).status_code
        # Moving an item is a POST-only action.
        assert status == (405 if url.endswith("/move/") else 200), url


# -- building a meeting ------------------------------------------------------------------------


def test_new_meeting_starts_with_the_committees_standing_items(officer_client):
    committee = Committee.objects.get(slug=PFCF_SLUG)
    day = timezone.localdate() + dt.timedelta(days=60)
    response = officer_client.post(
        f"{reverse('officer:meeting_create')}?committee={committee.slug}",
        {
            "date_day": day.day,
            "date_month": day.month,
            "date_year": day.year,
            "start_time": "14:00",
            "venue": committee.default_venue_id,
            "version": 1,
        },
    )
    meeting = Meeting.objects.get(committee=committee, starts_at__date=day)
    assert response.url == reverse("officer:meeting", args=[meeting.pk])
    assert titles(meeting) == [
        "Apologies",
        "Declarations of Interest",
        "Minutes",
        "Chair's Urgent Business",
        "Work Programme",
        "Tracking Decisions",
    ]


def test_meeting_outside_any_municipal_year_is_refused_at_the_date(officer_client):
    committee = Committee.objects.get(slug=PFCF_SLUG)
    response = officer_client.post(
        f"{reverse('officer:meeting_create')}?committee={committee.slug}",
        {"date_day": 10, "date_month": 1, "date_year": 1990, "start_time": "14:00", "version": 1},
    )
    assert response.status_code == 200
    assert "No municipal year covers 10 January 1990" in text(response)
    assert not Meeting.objects.filter(starts_at__year=1990).exists()


def test_added_item_goes_before_the_closing_standing_items(officer_client, upcoming):
    url = reverse("officer:item_add", args=[upcoming.pk])
    offered = officer_client.get(url).content.decode()
    after = re.search(r'<option value="(\d+)" selected>', offered)[1]
    response = officer_client.post(
        url, {"title": "Budget scrutiny", "after": after, "version": upcoming.version}
    )
    assert response.status_code == 302
    assert titles(upcoming)[-3:] == ["Budget scrutiny", "Work Programme", "Tracking Decisions"]


def test_item_placed_at_the_start_becomes_item_one(officer_client, upcoming):
    response = officer_client.post(
        reverse("officer:item_add", args=[upcoming.pk]),
        {"title": "Budget scrutiny", "after": "", "version": upcoming.version},
    )
    assert response.status_code == 302
    assert titles(upcoming)[0] == "Budget scrutiny"


def test_move_buttons_reorder_items_and_renumber(officer_client, upcoming):
    first, second = list(upcoming.items.numbered())[:2]
    officer_client.post(
        reverse("officer:item_move", args=[second.pk]),
        {"direction": "up", "meeting_version": upcoming.version},
    )
    assert titles(upcoming)[:2] == [second.title, first.title]


def test_a_move_from_a_stale_page_is_refused(officer_client, upcoming):
    stale = upcoming.version
    first, second = list(upcoming.items.numbered())[:2]
    officer_client.post(
        reverse("officer:item_move", args=[second.pk]),
        {"direction": "up", "meeting_version": stale},
    )
    response = officer_client.post(
        reverse("officer:item_move", args=[second.pk]),
        {"direction": "down", "meeting_version": stale},
        follow=True,
    )
    assert "The agenda changed while you were looking at it" in text(response)
    assert titles(upcoming)[:2] == [second.title, first.title]


def test_exempt_item_needs_its_paragraph(officer_client, upcoming):
    item = upcoming.items.first()
    response = officer_client.post(
        reverse("officer:item_edit", args=[item.pk]),
        {"title": item.title, "exempt": "on", "exempt_paragraph": "", "version": item.version},
    )
    assert "Choose the Schedule 12A paragraph that makes this exempt." in text(response)
    item.refresh_from_db()
    assert not item.exempt


def test_second_editor_of_the_same_item_is_refused_and_keeps_their_text(client, demo, upcoming):
    item = upcoming.items.first()
    officer = user("officer")
    other = get_user_model().objects.create_user("second.officer", password="x")
    other.groups.set(officer.groups.all())
    client.force_login(officer)
    url = reverse("officer:item_edit", args=[item.pk])
    version = item.version
    first = client.post(url, {"title": "Apologies (first editor)", "version": version})
    assert first.status_code == 302
    client.force_login(other)
    second = client.post(url, {"title": "Apologies (second editor)", "version": version})
    page = text(second)
    assert second.status_code == 200
    assert "Someone else changed" in page
    assert 'value="Apologies (second editor)"' in page
    item.refresh_from_db()
    assert item.title == "Apologies (first editor)"
    # The form now carries the saved version: saving again replaces it knowingly.
    assert f'name="version" value="{item.version}"' in page
    again = client.post(url, {"title": "Apologies (second editor)", "version": item.version})
    assert again.status_code == 302
    item.refresh_from_db()
    assert item.title == "Apologies (second editor)"


def test_postponed_meeting_shows_the_reason_publicly(officer_client, upcoming):
    officer_client.post(
        reverse("officer:meeting_postpone", args=[upcoming.pk]),
        {"reason": "The chair is unwell; a new date will follow."},
    )
    upcoming.refresh_from_db()
    assert upcoming.status == Meeting.Status.POSTPONED
    # Read as the public reads it: `client` is the officer's own client, signed in.
    page = text(Client().get(upcoming.get_absolute_url()))
    assert "This meeting has been postponed. The chair is unwell" in page


def test_history_shows_who_changed_which_fields(officer_client, upcoming):
    item = upcoming.items.first()
    officer_client.post(
        reverse("officer:item_edit", args=[item.pk]),
        {
            "title": "Apologies for absence",
            "standing_text": item.standing_text,
            "version": item.version,
        },
    )
    page = text(officer_client.get(reverse("officer:meeting_history", args=[upcoming.pk])))
    assert "Jamie Sheldon" in page
    assert "Agenda item “Apologies for absence” changed" in " ".join(page.split())
    assert "Title" in page and "Apologies for absence" in page


def test_dashboard_counts_items_without_reports_and_to_follow(officer_client, demo):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=20))
    AgendaItemFactory(meeting=meeting, title="Needs a report")
    AgendaItemFactory(meeting=meeting, title="Coming later", to_follow=True)
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Has one"))
    response = officer_client.get(reverse("officer:dashboard"))
    row = next(m for m in response.context["meetings"] if m.pk == meeting.pk)
    assert row.items_without_reports == 1
    assert row.items_to_follow == 1
    assert row.days_left == (meeting.publication_deadline - timezone.localdate()).days


def test_dashboard_agenda_and_publish_page_agree_on_the_items_without_reports(officer_client):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=20))
    AgendaItemFactory(meeting=meeting, position=1, title="Waiting for its report")
    AgendaItemFactory(meeting=meeting, position=2, title="Apologies", standing_text="To receive.")
    AgendaItemFactory(meeting=meeting, position=3, title="Coming later", to_follow=True)
    AgendaItemFactory(meeting=meeting, position=4, title="Oral update", verbal=True)
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, position=5, title="Reported"))
    AgendaItemFactory(
        meeting=meeting, position=0, title="Exempt, waiting", exempt=True, exempt_paragraph=3
    )

    dashboard = officer_client.get(reverse("officer:dashboard"))
    row = next(m for m in dashboard.context["meetings"] if m.pk == meeting.pk)
    agenda = text(officer_client.get(meeting.get_officer_url()))
    publish = officer_client.get(reverse("officer:meeting_publish", args=[meeting.pk]))

    assert row.items_without_reports == 2
    assert agenda.count("No report yet") == 2
    assert publish.context["problems"] == [
        "Item 1, “Waiting for its report”, has no report: add one, or mark it To Follow or Verbal.",
        "Item 6, “Exempt, waiting”, has no report: add one, or mark it To Follow or Verbal.",
    ]


def test_standing_items_are_edited_per_committee_and_used_by_new_meetings(officer_client):
    committee = Committee.objects.get(slug=PFCF_SLUG)
    url = reverse("officer:standing_items", args=[committee.slug])
    page = text(officer_client.get(url))
    assert "Apologies" in page
    formset = officer_client.get(url).context["formset"]
    saved = formset.initial_forms
    data = {"standing_items-TOTAL_FORMS": len(saved), "standing_items-INITIAL_FORMS": len(saved)}
    for index, form in enumerate(saved):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if name == "title" and value == "Apologies":
                value = "Apologies for absence"
            if value not in (None, False):
                data[f"standing_items-{index}-{name}"] = getattr(value, "pk", value)
    response = officer_client.post(url, data)
    assert response.status_code == 302
    meeting = agenda_services.meeting_create(
        meeting=Meeting(committee=committee, starts_at=timezone.now() + dt.timedelta(days=90))
    )
    assert titles(meeting)[0] == "Apologies for absence"
