"""Part II worded one way everywhere: the paragraphs every form offers, the line of the cover
sheet and the restricted pack, the public's notice and the officers' tags."""

import html

import pytest
from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags

from committees.models import AgendaItem, BackgroundPaper, Document
from committees.officer.forms import AgendaItemForm, BackgroundPaperForm, DocumentForm
from committees.packs.render import render_pack_html
from tests.factories import AgendaItemFactory, CouncilFactory, DocumentFactory

pytestmark = pytest.mark.django_db

FINANCIAL_AFFAIRS = (
    3,
    "Paragraph 3: Information relating to the financial or business affairs of any particular "
    "person (including the authority holding that information).",
)


def text(markup):
    return " ".join(html.unescape(strip_tags(markup)).split())


def offered(field):
    return [(value, label) for value, label in field.choices if value != ""]


def test_every_form_offers_the_seven_paragraphs_with_their_statutory_descriptions(rf, admin_user):
    document = DocumentFactory()
    request = rf.get("/")
    request.user = admin_user
    fields = {
        "agenda item": AgendaItemForm(instance=document.item),
        "report": DocumentForm(instance=document),
        "background paper": BackgroundPaperForm(),
        **{
            f"admin {model.__name__}": admin.site._registry[model].get_form(request)()
            for model in (AgendaItem, Document, BackgroundPaper)
        },
    }

    for name, form in fields.items():
        choices = offered(form.fields["exempt_paragraph"])
        assert [number for number, _ in choices] == [1, 2, 3, 4, 5, 6, 7], name
        assert FINANCIAL_AFFAIRS in choices, name


def test_public_notice_gives_the_statutory_ground():
    notice = render_to_string("committees/_not_for_publication.html", {"paragraph": 3})
    inline = render_to_string(
        "committees/_not_for_publication.html", {"paragraph": 3, "inline": True}
    )

    assert text(notice) == (
        "Not for publication – exempt information under paragraph 3 of Part 1 of Schedule 12A "
        "to the Local Government Act 1972."
    )
    assert text(inline) == (
        "Not for publication (exempt under paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972)"
    )


def test_restricted_pack_marks_an_exempt_appendix_as_its_cover_sheet_would():
    CouncilFactory()
    appendix = DocumentFactory(
        kind=Document.Kind.APPENDIX, title="Site valuation", exempt=True, exempt_paragraph=5
    )
    meeting = appendix.item.meeting

    restricted = text(render_pack_html(meeting, restricted=True))
    public = text(render_pack_html(meeting, restricted=False))

    assert "Part II - Not for publication (Schedule 12A, paragraph 5)" in restricted
    assert "Part II" not in public
    assert "exempt information under paragraph 5 of Part 1 of Schedule 12A" in public


def test_officers_agenda_tags_exempt_items_and_documents_with_their_paragraph(client, admin_user):
    item = AgendaItemFactory(title="Land disposal", exempt=True, exempt_paragraph=3)
    DocumentFactory(item=item, title="Valuation", exempt=True, exempt_paragraph=5)
    client.force_login(admin_user)

    page = text(client.get(reverse("officer:meeting", args=[item.meeting_id])).content.decode())

    assert "Land disposal Part II, paragraph 3" in page
    assert "Valuation (report, Part II, paragraph 5)" in page
