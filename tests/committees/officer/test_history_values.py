"""The history of changes: every change with its fields, as people read them, by whoever made
it, the report author's and the publication's own included."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Document
from committees.services.publication import agenda_publish
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.pages import form_values
from tests.support.pages import visible_text as text
from tests.support.users import user

pytestmark = pytest.mark.django_db

REVENUE = "Revenue Monitoring 2019/20 – Month 2"


def meeting_history(client, meeting):
    client.force_login(user("officer"))
    return text(client.get(reverse("officer:meeting_history", args=[meeting.pk])))


def test_the_authors_edit_is_in_the_meetings_history_with_its_fields(client, demo):
    report = Document.objects.get(title__startswith=REVENUE)
    edit = reverse("officer:document_edit", args=[report.pk])
    client.force_login(user("author"))
    client.post(edit, form_values(client.get(edit), purpose="The month two position."))

    page = meeting_history(client, report.item.meeting)

    assert (
        f"Paul Looby Cover sheet of “{REVENUE}” changed Purpose of report This report outlines"
    ) in page
    assert "changed to → The month two position." in page
    # The report itself was saved too, unchanged: no row says so.
    assert f"Paul Looby Report “{REVENUE}” changed" not in page
    assert "no field changed" not in page


def test_values_are_shown_as_the_portal_writes_them(client, demo):
    report = Document.objects.get(title__startswith=REVENUE)
    edit = reverse("officer:document_edit", args=[report.pk])
    client.force_login(user("officer"))
    client.post(
        edit,
        form_values(
            client.get(edit),
            key_decision="on",
            director_agreed_on_day="9",
            exempt="True",
            exempt_paragraph="3",
        ),
    )

    page = text(client.get(reverse("officer:document_history", args=[report.pk])))

    assert "Key decision No changed to → Yes" in page
    assert "Director agreed on 8 July 2019 changed to → 9 July 2019" in page
    assert "Exempt (Part II) No changed to → Yes" in page
    assert "Schedule 12A paragraph (blank) changed to → Paragraph 3" in page
    assert "2019-07-09" not in page


def test_a_supplement_records_its_to_follow_items_as_the_publishing_officers(client, demo):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item__meeting=meeting)
    to_follow = AgendaItemFactory(meeting=meeting, title="Budget scrutiny", to_follow=True)
    agenda_publish(meeting=meeting, by=user("officer"))
    DocumentFactory(item=to_follow)
    agenda_publish(meeting=meeting, by=user("officer"), supplement=True)

    page = meeting_history(client, meeting)

    assert (
        "Jamie Sheldon Agenda item “Budget scrutiny” changed (Supplement published) "
        "To follow Yes changed to → No"
    ) in page
    today = timezone.localdate().strftime("%-d %B %Y")
    assert f"Jamie Sheldon Meeting “{meeting}” changed (Agenda published)" in page
    assert "Status Scheduled changed to → Agenda published" in page
    assert f"Published on (blank) changed to → {today}" in page
    assert "agenda_published" not in page
