"""Confidentiality changes since the last publication (committees/confidentiality.py): what the
publish page lists, and the changes of every exempt record."""

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from committees.confidentiality import confidentiality_changes
from committees.models import Document
from committees.services.publication import agenda_publish
from tests.factories import (
    AgendaItemFactory,
    BackgroundPaperFactory,
    CoverSheetFactory,
    DocumentFactory,
    PublicationFactory,
)
from tests.support.meetings import meeting_in
from tests.support.pages import form_values, text

pytestmark = pytest.mark.usefixtures("demo")


def changes_listed(response):
    """The rows of the publish page's confidentiality changes, as text."""
    section = text(response).split("Confidentiality changes since the last publication")[1]
    section = section.split("<form")[0]
    rows = re.findall(r"<tbody.*?</tbody>", section, re.S)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", rows[0], re.S) if rows else []
    return [" ".join(strip_tags(row).split()) for row in rows]


def test_publish_page_lists_confidentiality_changes_since_the_last_publication(client, officer):
    meeting = meeting_in(30)
    item = meeting.items.get()
    valuation = DocumentFactory(
        item=item,
        kind=Document.Kind.APPENDIX,
        title="Site valuation",
        exempt=True,
        exempt_paragraph=3,
    )
    tenders = DocumentFactory(item=item, kind=Document.Kind.APPENDIX, title="Tenders received")
    client.force_login(officer)
    edit = reverse("officer:document_edit", args=[tenders.pk])
    client.post(edit, form_values(client.get(edit), exempt="True", exempt_paragraph="3"))
    agenda_publish(meeting=meeting, by=officer)
    url = reverse("officer:meeting_publish", args=[meeting.pk])
    page = client.get(url)
    assert changes_listed(page) == []
    assert "None." in text(page).split("since the last publication")[1].split("<form")[0]

    edit = reverse("officer:document_edit", args=[valuation.pk])
    client.post(edit, form_values(client.get(edit), exempt="False", exempt_paragraph=""))

    rows = changes_listed(client.get(url))
    assert len(rows) == 1
    assert rows[0].startswith("Appendix “Site valuation” Part II → Part I Jamie Sheldon")


def test_confidentiality_changes_include_exempt_records_created_changed_and_removed(db):
    meeting = meeting_in(30)
    report = Document.objects.get(item__meeting=meeting)
    PublicationFactory(meeting=meeting)
    legal = BackgroundPaperFactory(
        cover=CoverSheetFactory(document=report),
        title="Legal advice",
        exempt=True,
        exempt_paragraph=5,
    )
    BackgroundPaperFactory(cover=legal.cover, title="Budget book")  # Part I: no change
    report.exempt, report.exempt_paragraph = True, 3
    report.save()
    report.exempt_paragraph = 1
    report.save()
    AgendaItemFactory(meeting=meeting, title="Land", exempt=True, exempt_paragraph=3).delete()

    changes = [(change.what, change.change) for change in confidentiality_changes(meeting)]

    assert sorted(changes) == sorted(
        [
            ("Background paper “Legal advice”", "Added as Part II, paragraph 5"),
            (f"Report “{report.title}”", "Part I → Part II, paragraph 3"),
            (f"Report “{report.title}”", "paragraph 3 → 1"),
            ("Item “Land”", "Added as Part II, paragraph 3"),
            ("Item “Land”", "Removed (was Part II, paragraph 3)"),
        ]
    )
