"""The meeting page's published versions: each with what it changed and its own files, the
supplement packs beside the agenda pack, and exempt changes told only to those entitled."""

import datetime as dt
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

PFCF = "performance-finance-and-customer-focus-overview-and-scrutiny-committee"


def rows(response):
    """The published versions table, a list of rows of cell texts, newest first."""
    page = html.unescape(response.content.decode())
    table = page.split("Published versions")[1]
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S)
        if "<td" in row
    ]


@pytest.fixture
def meeting(demo, publish):
    """Published, republished with an item added and an exempt report revised, then
    supplemented with the To Follow item's report."""
    meeting = MeetingFactory(
        committee=Committee.objects.get(slug=PFCF), starts_at=timezone.now() + dt.timedelta(days=30)
    )
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget", position=1))
    procurement = AgendaItemFactory(
        meeting=meeting, title="Procurement", to_follow=True, position=2
    )
    exempt = AgendaItemFactory(
        meeting=meeting, title="Settlement", exempt=True, exempt_paragraph=5, position=3
    )
    advice = DocumentFactory(item=exempt, title="Legal advice", body="<p>First advice.</p>")
    publish(meeting)
    AgendaItemFactory(meeting=meeting, title="Performance", verbal=True, position=4)
    advice.body = "<p>Revised advice.</p>"
    advice.save()
    publish(meeting, note="Performance discussion added.")
    DocumentFactory(item=procurement, title="Procurement report")
    publish(meeting, supplement=True)
    return meeting


def test_each_version_lists_what_it_changed_newest_first(client, meeting):
    supplement, republication, agenda = rows(client.get(meeting.get_absolute_url()))
    assert supplement[1] == "Supplement 1 published Current"
    assert supplement[2] == (
        "Item 2, “Procurement”: no longer To Follow; report “Procurement report” added."
    )
    assert republication[1] == "Agenda republished"
    assert republication[2] == (
        "Performance discussion added. Item 3, “Performance”: added (Verbal). "
        "Item 4, “Settlement”: renumbered (was item 3)."
    )
    assert agenda[1] == "Agenda published" and agenda[2] == ""


def test_every_version_links_its_own_files_and_the_supplement_pack_is_offered(client, meeting):
    page = html.unescape(client.get(meeting.get_absolute_url()).content.decode())
    publications = list(meeting.publications.latest_first())
    for publication in publications:
        assert reverse("committees:publication_pdf", args=[meeting.pk, publication.pk]) in page
        assert (
            reverse("committees:publication_restricted_pdf", args=[meeting.pk, publication.pk])
            not in page
        )
    supplement = publications[0]
    assert "Download supplement 1 to the agenda (PDF" in page
    assert reverse("committees:supplement_pdf", args=[meeting.pk, supplement.pk]) in page
    assert "supplement-restricted.pdf" not in page


def test_exempt_changes_are_listed_only_to_readers_of_exempt_papers(client, meeting):
    public = " ".join(" ".join(row) for row in rows(client.get(meeting.get_absolute_url())))
    assert "Legal advice" not in public
    client.force_login(get_user_model().objects.get(username="councillor"))
    response = client.get(meeting.get_absolute_url())
    _, republication, _ = rows(response)
    assert (
        "Item 4, “Settlement”: renumbered (was item 3); report “Legal advice” revised."
        in (republication[2])
    )
    assert "supplement-restricted.pdf" in response.content.decode()
