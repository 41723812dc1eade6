"""Publishing an agenda (committees/services/publication.py, and the officer's publish page):
the checks, the record, the frozen version and supplements; published by the demo's officer."""

import io
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from pypdf import PdfReader

from committees.models import Document, Meeting, Publication
from committees.packs.pdf import PackRenderError
from committees.services.publication import PublicationRefused, agenda_publish
from committees.stored import read_verified
from tests.factories import (
    AgendaItemFactory,
    BackgroundPaperFactory,
    CoverSheetFactory,
    DocumentFactory,
)
from tests.support.meetings import meeting_in
from tests.support.pages import text
from tests.support.worker import run_worker

pytestmark = pytest.mark.usefixtures("demo")


def test_publishing_records_who_and_when_and_marks_the_meeting(officer):
    meeting = meeting_in(30)
    publication = agenda_publish(meeting=meeting, by=officer)
    meeting.refresh_from_db()
    assert publication.kind == Publication.Kind.AGENDA
    assert publication.published_by == officer
    assert not publication.late
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.published_on == timezone.localdate()
    assert read_verified(publication.public_pdf).startswith(b"%PDF-")
    assert publication.page_count >= 2


def test_item_without_a_report_must_be_to_follow_or_verbal(officer):
    meeting = meeting_in(30)
    AgendaItemFactory(meeting=meeting, title="Housing update")
    with pytest.raises(PublicationRefused) as refused:
        agenda_publish(meeting=meeting, by=officer)
    assert "Item 2, “Housing update”, has no report" in str(refused.value)
    assert not meeting.publications.exists()


def test_late_publication_needs_a_reason_which_is_recorded_and_shown(client, officer):
    meeting = meeting_in(3)
    with pytest.raises(PublicationRefused) as refused:
        agenda_publish(meeting=meeting, by=officer)
    assert "Give the reason for urgency" in str(refused.value)
    publication = agenda_publish(
        meeting=meeting, by=officer, reason_for_urgency="The budget figures arrived late."
    )
    assert publication.late
    page = text(client.get(meeting.get_absolute_url()))
    assert "Published late." in page
    assert "The budget figures arrived late." in page


def test_changes_after_publication_stay_draft_until_republished(client, officer):
    meeting = meeting_in(30)
    agenda_publish(meeting=meeting, by=officer)
    AgendaItemFactory(meeting=meeting, title="Late addition", verbal=True)
    assert "Late addition" not in text(client.get(meeting.get_absolute_url()))
    assert "Late addition" not in text(client.get(reverse("committees:pack", args=[meeting.pk])))
    republication = agenda_publish(meeting=meeting, by=officer, note="Item 2 added")
    assert republication.kind == Publication.Kind.REPUBLICATION
    page = text(client.get(meeting.get_absolute_url()))
    assert "Late addition" in page
    assert "Agenda republished" in page and "Item 2 added" in page


def test_supplement_carries_the_to_follow_items_whose_reports_arrived(client, officer):
    meeting = meeting_in(30)
    to_follow = AgendaItemFactory(meeting=meeting, title="Procurement update", to_follow=True)
    agenda_publish(meeting=meeting, by=officer)
    with pytest.raises(PublicationRefused, match="No To Follow item has a report yet"):
        agenda_publish(meeting=meeting, by=officer, supplement=True)
    DocumentFactory(item=to_follow, title="Procurement report")
    supplement = agenda_publish(meeting=meeting, by=officer, supplement=True)
    assert list(supplement.items.all()) == [to_follow]
    to_follow.refresh_from_db()
    assert not to_follow.to_follow
    assert "Supplement 1 published" in text(client.get(meeting.get_absolute_url()))


def test_failed_render_publishes_nothing_and_keeps_the_live_version(client, officer):
    meeting = meeting_in(30)
    first = agenda_publish(meeting=meeting, by=officer)
    AgendaItemFactory(meeting=meeting, title="Never seen", verbal=True)
    with (
        mock.patch(
            "committees.packs.render.write_pack_pdf", side_effect=PackRenderError("engine failed")
        ),
        pytest.raises(PublicationRefused, match="could not be rendered: engine failed"),
    ):
        agenda_publish(meeting=meeting, by=officer, note="second")
    assert list(meeting.publications.all()) == [first]
    assert "Never seen" not in text(client.get(meeting.get_absolute_url()))


def test_publish_page_lists_what_is_missing(client, officer):
    meeting = meeting_in(30)
    AgendaItemFactory(meeting=meeting, title="Housing update")
    client.force_login(officer)
    url = reverse("officer:meeting_publish", args=[meeting.pk])
    page = text(client.get(url))
    assert "The agenda cannot be published yet" in page
    assert "“Housing update”, has no report" in page
    response = client.post(url, {"action": "publish"})
    assert "“Housing update”, has no report" in text(response)
    assert not meeting.publications.exists()


def test_publish_page_hands_publication_to_the_worker_and_shows_its_progress(client, officer):
    meeting = meeting_in(30)
    client.force_login(officer)
    url = reverse("officer:meeting_publish", args=[meeting.pk])
    token = client.get(url).context["form"].initial["token"]
    response = client.post(url, {"action": "publish", "token": token}, follow=True)
    assert "Waiting to start" in text(response)
    assert not meeting.publications.exists()  # nothing is rendered in the request

    run_worker()
    progress = text(client.get(response.redirect_chain[-1][0]))
    publication = meeting.publications.get()
    assert "Agenda published" in progress
    assert f"Public pack Rendered: {publication.page_count} pages" in " ".join(
        strip_tags(progress).split()
    )


def test_first_publication_pdf_prints_the_publication_date(officer):
    meeting = meeting_in(30)
    publication = agenda_publish(meeting=meeting, by=officer)
    pdf = PdfReader(io.BytesIO(read_verified(publication.public_pdf)))
    front_sheet = pdf.pages[0].extract_text()
    assert f"Published {timezone.localdate():%-d %B %Y}" in " ".join(front_sheet.split())
    assert "Draft" not in front_sheet


def test_failed_supplement_keeps_its_items_to_follow(officer):
    meeting = meeting_in(30)
    to_follow = AgendaItemFactory(meeting=meeting, title="Procurement update", to_follow=True)
    agenda_publish(meeting=meeting, by=officer)
    DocumentFactory(item=to_follow, title="Procurement report")
    with (
        mock.patch(
            "committees.packs.render.write_pack_pdf", side_effect=PackRenderError("engine failed")
        ),
        pytest.raises(PublicationRefused),
    ):
        agenda_publish(meeting=meeting, by=officer, supplement=True)
    to_follow.refresh_from_db()
    assert to_follow.to_follow
    assert meeting.publications.count() == 1


def pdf_text(stored):
    pages = PdfReader(io.BytesIO(read_verified(stored))).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_exempt_background_papers_are_left_out_of_the_published_public_pack(client, officer):
    meeting = meeting_in(30)
    cover = CoverSheetFactory(document=Document.objects.get(item__meeting=meeting))
    BackgroundPaperFactory(cover=cover, title="CANARY-PAPER-8120", exempt=True, exempt_paragraph=3)

    publication = agenda_publish(meeting=meeting, by=officer)

    assert "CANARY-PAPER-8120" not in read_verified(publication.public_html).decode()
    assert "CANARY-PAPER-8120" not in text(
        client.get(reverse("committees:pack", args=[meeting.pk]))
    )
    assert "CANARY-PAPER-8120" not in pdf_text(publication.public_pdf)
    assert "CANARY-PAPER-8120" in pdf_text(publication.restricted_pdf)
