"""Part II: the resolution to exclude the press and public, printed before the exempt items
wherever the agenda is (the packs, the public meeting page, the officer's agenda), with each
exempt item's paragraph."""

import datetime as dt
import html
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from committees import exemption
from committees.packs.assemble import assemble
from committees.packs.render import render_pack_html
from committees.services.publication import agenda_publish
from committees.stored import read_verified
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory, PublicationFactory

pytestmark = pytest.mark.django_db

RESOLUTION = (
    "The Committee is asked to agree that the press and public be excluded from the meeting for "
    "the following item(s) of business on the grounds that it (they) involve(s) the likely "
    "disclosure of exempt information as defined in paragraph(s) 3 and 7 of Part 1 of Schedule "
    "12A of the Local Government Act 1972."
)


def words(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture
def meeting():
    """Two public items and two exempt ones, added in between: the exempt are numbered last."""
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, position=1, title="Budget update"))
    DocumentFactory(
        item=AgendaItemFactory(
            meeting=meeting, position=2, title="Land sale", exempt=True, exempt_paragraph=3
        )
    )
    DocumentFactory(
        item=AgendaItemFactory(
            meeting=meeting, position=3, title="Fraud case", exempt=True, exempt_paragraph=7
        )
    )
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, position=4, title="Work programme"))
    return meeting


def test_the_resolution_names_each_paragraph_once_in_order():
    assert exemption.exclusion([]) is None
    single = exemption.exclusion([(6, 3)])
    assert single.before == 6
    assert "in paragraph(s) 3 of Part 1 of Schedule 12A" in single.resolution
    several = exemption.exclusion([(7, 3), (5, 1), (6, 3), (8, 2)])
    assert several.before == 5
    assert "in paragraph(s) 1, 2 and 3 of Part 1 of Schedule 12A" in several.resolution


@pytest.mark.parametrize("restricted", [False, True])
def test_the_pack_agenda_prints_the_resolution_between_the_public_and_exempt_items(
    meeting, restricted
):
    agenda = words(render_pack_html(meeting, restricted=restricted)).split(" Budget update ")[1]

    assert agenda.index("Work programme") < agenda.index("Exclusion of the press and public")
    assert agenda.index(RESOLUTION) < agenda.index("3. Land sale") < agenda.index("4. Fraud case")
    assert agenda.count("Exclusion of the press and public") == 1


def test_the_restricted_pack_gives_each_exempt_items_paragraph(meeting):
    agenda = words(render_pack_html(meeting, restricted=True))

    assert "3. Land sale Part II - Not for publication (Schedule 12A, paragraph 3)" in agenda
    assert "4. Fraud case Part II - Not for publication (Schedule 12A, paragraph 7)" in agenda


def test_the_published_pdf_prints_the_resolution_before_the_exempt_items(meeting, db):
    officer = get_user_model().objects.create_user("officer", password="not-used-here")
    publication = agenda_publish(meeting=meeting, by=officer)

    reader = PdfReader(io.BytesIO(read_verified(publication.public_pdf)))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    assert RESOLUTION in printed
    assert printed.index(RESOLUTION) < printed.index("3. Land sale")


def test_an_agenda_without_exempt_items_has_no_resolution():
    meeting = MeetingFactory()
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget update"))

    assert "Exclusion of the press and public" not in render_pack_html(meeting, restricted=True)


def test_the_public_meeting_page_prints_the_resolution_from_the_published_agenda(client, meeting):
    PublicationFactory(meeting=meeting, agenda=assemble(meeting).outline())

    page = words(client.get(meeting.get_absolute_url()).content.decode())

    assert page.index("2. Work programme") < page.index("Exclusion of the press and public")
    assert page.index(RESOLUTION) < page.index("3. Land sale Not for publication")


def test_the_officers_agenda_explains_that_exempt_items_are_numbered_last(client, meeting):
    officer = get_user_model().objects.create_superuser("officer", password="not-used-here")
    client.force_login(officer)

    page = words(client.get(meeting.get_officer_url()).content.decode())

    explained = f"Exclusion of the press and public {RESOLUTION} {exemption.NUMBERED_LAST}"
    assert page.index("2. Work programme") < page.index(explained) < page.index("3. Land sale")
    assert "numbered after all the public items" in words(
        client.get(reverse("officer:item_add", args=[meeting.pk])).content.decode()
    )
