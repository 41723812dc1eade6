"""What a publication records of its version, and what publishing now would change."""

import datetime as dt

import pytest
import weasyprint
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.utils import timezone

from committees.models import Publication
from committees.services.publication import unpublished_changes
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory


def pdf(text):
    return ContentFile(weasyprint.HTML(string=f"<p>{text}</p>").write_pdf(), name="tables.pdf")


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    budget = AgendaItemFactory(meeting=meeting, title="Budget", position=1)
    DocumentFactory(item=budget, title="Budget report")
    DocumentFactory(item=budget, kind="appendix", title="Tables", body="", upload=pdf("Tables v1"))
    exempt = AgendaItemFactory(
        meeting=meeting, title="Settlement", exempt=True, exempt_paragraph=5, position=2
    )
    DocumentFactory(item=exempt, title="Legal advice", body="<p>First advice.</p>")
    AgendaItemFactory(meeting=meeting, title="Procurement", to_follow=True, position=3)
    return meeting


def test_nothing_to_compare_before_the_first_publication(meeting):
    assert unpublished_changes(meeting) is None


def test_publishing_again_unchanged_changes_nothing(meeting, publish):
    publish(meeting)
    assert unpublished_changes(meeting) == []


def test_a_replaced_upload_is_told_by_its_bytes(meeting, publish):
    publish(meeting)
    tables = meeting.items.get(title="Budget").documents.get(title="Tables")
    tables.upload.save("tables-again.pdf", pdf("Tables v1"))  # the same file, sent again
    assert unpublished_changes(meeting) == []
    tables.upload.save("tables-v2.pdf", pdf("Tables v2"))
    assert unpublished_changes(meeting) == ["Item 1, “Budget”: Appendix A “Tables” replaced."]


def test_the_officer_is_told_of_changes_to_exempt_papers(meeting, publish):
    publish(meeting)
    advice = meeting.items.get(title="Settlement").documents.get()
    advice.body = "<p>Revised advice.</p>"
    advice.save()
    assert unpublished_changes(meeting) == ["Item 3, “Settlement”: report “Legal advice” revised."]


def test_a_publication_records_both_outlines_and_the_last_page_of_its_pack(meeting, publish):
    agenda = publish(meeting)
    public_titles = [d["title"] for i in agenda.agenda for d in i["documents"]]
    restricted_titles = [d["title"] for i in agenda.restricted_agenda for d in i["documents"]]
    assert "Legal advice" not in public_titles and "Legal advice" in restricted_titles
    assert agenda.supplement_number is None and agenda.supplement_public_pdf is None
    assert 0 < agenda.last_page < agenda.page_count


def test_a_meeting_numbers_each_supplement_once(meeting, publish):
    publish(meeting)
    DocumentFactory(item=meeting.items.get(title="Procurement"), title="Procurement report")
    supplement = publish(meeting, supplement=True)
    assert supplement.title == "Supplement 1 published"
    supplement.pk = None
    with pytest.raises(IntegrityError):
        Publication.objects.bulk_create([supplement])
