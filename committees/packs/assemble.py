"""Assemble a meeting's agenda pack from the database, for the HTML page and the PDF alike.

A public pack never carries exempt (Part II) content: exempt items and documents are replaced
here, before any template sees them, by a withheld marker with the Schedule 12A paragraph, and
exempt background papers are left out of the list.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch
from django.template.loader import render_to_string

from committees import exemption
from committees.models import (
    AgendaItem,
    BackgroundPaper,
    Council,
    CoverSheet,
    Document,
    Meeting,
    Membership,
)
from committees.packs import registry
from committees.packs.registry import GeneratedDocument, GeneratorContext


@dataclass
class PackDocument:
    """A document as the pack shows it; `document` is None when it is withheld."""

    title: str
    kind: str
    anchor: str
    document: Document | None = None
    exempt_paragraph: int | None = None
    appendix_ref: str = ""
    generator: GeneratedDocument | None = None
    generated_html: str = ""
    appendices: list["PackDocument"] = field(default_factory=list)
    background_papers: list[BackgroundPaper] = field(default_factory=list)

    @property
    def withheld(self):
        return self.document is None


@dataclass
class PackItem:
    """A numbered agenda item with the documents the reader may see."""

    item: AgendaItem
    anchor: str
    documents: list[PackDocument]
    withheld: bool

    @property
    def number(self):
        return self.item.number

    @property
    def has_pages(self):
        """The item has printed pages, so the front sheet gives it a page range."""
        return bool(self.documents)


@dataclass
class Pack:
    """Everything the pack templates need for one meeting."""

    council: Council | None
    meeting: Meeting
    members: list[Membership]
    items: list[PackItem]
    restricted: bool

    @cached_property
    def exclusion(self):
        """The resolution to exclude the press and public, printed before the exempt items."""
        return exemption.exclusion(
            (entry.number, entry.item.exempt_paragraph) for entry in self.items if entry.item.exempt
        )

    @property
    def members_sentence(self):
        return members_sentence(self.members)

    def outline(self):
        """The agenda as the public meeting page lists it; stored with each publication."""
        return [
            {
                "number": entry.number,
                "title": entry.item.title,
                "standing_text": "" if entry.withheld else entry.item.standing_text,
                "to_follow": entry.item.to_follow,
                "verbal": entry.item.verbal,
                "exempt_paragraph": entry.item.exempt_paragraph if entry.withheld else None,
                "anchor": entry.anchor,
                "documents": [
                    {
                        "title": part.title,
                        "anchor": part.anchor,
                        "appendix_ref": part.appendix_ref,
                        "exempt_paragraph": part.exempt_paragraph if part.withheld else None,
                    }
                    for part in entry.documents
                ],
            }
            for entry in self.items
        ]

    @property
    def title(self):
        return f"{self.meeting.committee} – {self.meeting.date:%-d %B %Y} – agenda pack"

    def generators(self):
        """The kinds of generated document the pack shows, each once, in order of appearance."""
        shown = {
            part.generator.key: part.generator
            for entry in self.items
            for part in entry.documents
            if part.generator is not None
        }
        return list(shown.values())


def members_sentence(memberships):
    """The front sheet's members line, in the council's style.

    'Councillor Kelly, Chair Councillor Winter, Vice Chair Councillors Derrick, Hendy and Wigens.'
    """
    parts = [
        f"Councillor {m.councillor.name}, {m.get_role_display()}"
        for m in memberships
        if m.role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR)
    ]
    others = [
        m.councillor.name
        for m in memberships
        if m.role not in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR)
    ]
    if len(others) == 1:
        parts.append(f"Councillor {others[0]}")
    elif others:
        parts.append(f"Councillors {', '.join(others[:-1])} and {others[-1]}")
    return " ".join(parts) + "." if parts else ""


def pack_documents(item, *, meeting, restricted):
    """The item's documents in order, with appendix letters and generated content resolved.

    A generated document whose generator no installed app provides raises UnknownGenerator,
    naming it: a pack never shows it blank.
    """
    documents = []
    for document, letter in item.lettered_documents():
        entry = PackDocument(
            title=document.title,
            kind=document.kind,
            anchor=f"document-{document.pk}",
            exempt_paragraph=document.exempt_paragraph,
            appendix_ref=letter,
        )
        if not document.exempt or restricted:
            entry.document = document
            entry.background_papers = background_papers(document, restricted=restricted)
            if document.generator:
                entry.generator = registry.for_document(document)
                context = GeneratorContext.of(document, meeting=meeting, restricted=restricted)
                entry.generated_html = render_to_string(
                    entry.generator.template, entry.generator.context(context)
                )
        documents.append(entry)
    # The cover sheet's appendix table lists the item's appendices, so its letters never drift.
    appendices = [entry for entry in documents if entry.appendix_ref]
    for entry in documents:
        if entry.kind == Document.Kind.REPORT:
            entry.appendices = appendices
    return documents


def background_papers(document, *, restricted):
    """The report's background papers the reader may see. LGA 1972 s.100D(4): the public list
    leaves out those that disclose exempt information, title and all."""
    try:
        papers = document.cover.background_papers.all()
    except CoverSheet.DoesNotExist:
        return []
    return [paper for paper in papers if restricted or not paper.exempt]


def document_queryset():
    """Documents with their cover sheets, authors and background papers: three queries."""
    return Document.objects.select_related(
        "cover__lead_member", "cover__lead_director", "cover__originating_slt_member"
    ).prefetch_related("cover__authors", "cover__background_papers")


def meeting_queryset():
    """Meetings with what the front sheet needs."""
    return Meeting.objects.select_related("committee__contact", "venue")


def assemble(meeting, *, restricted=False, released=frozenset()):
    """Build the pack of `meeting`; `restricted` includes exempt content (councillors, officers).

    `released` are To Follow items a supplement being rendered carries: shown with their
    reports, though not yet marked so in the database.
    """
    members = list(
        Membership.objects.filter(committee=meeting.committee_id)
        .current_on(meeting.date)
        .by_role()
        .select_related("councillor")
    )
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .numbered()
        .prefetch_related(Prefetch("documents", queryset=document_queryset()))
    )
    pack_items = []
    for item in items:
        if item.pk in released:
            item.to_follow = False
        withheld = item.exempt and not restricted
        pack_items.append(
            PackItem(
                item=item,
                anchor=f"item-{item.number}",
                documents=(
                    [] if withheld else pack_documents(item, meeting=meeting, restricted=restricted)
                ),
                withheld=withheld,
            )
        )
    return Pack(
        council=Council.current(),
        meeting=meeting,
        members=members,
        items=pack_items,
        restricted=restricted,
    )
