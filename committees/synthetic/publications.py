"""The publications of the synthetic meetings: each published agenda as a publication stores
it — the agenda outline the meeting page lists, the pack page's HTML rendered by the pack's own
templates, and a PDF — without laying out thousands of packs with WeasyPrint."""

import datetime as dt
import textwrap

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from committees import stored
from committees.models import Meeting, Publication, StoredFile
from committees.packs.assemble import assemble, meeting_queryset
from committees.services.publication import day_start
from committees.synthetic.pdf import text_pdf

LINES_PER_PAGE = 50
REPUBLISHED_EVERY = 12  # one published agenda in twelve was corrected and republished


def publish(meetings) -> int:
    """Store a publication of every meeting with a publication date; returns how many."""
    files: dict[str, StoredFile] = {}
    publications = []
    ids = [meeting.pk for meeting in meetings if meeting.published_on]
    for number, meeting in enumerate(meeting_queryset().filter(pk__in=ids).order_by("starts_at")):
        public = assemble(meeting, restricted=False)
        exempt = any(entry.withheld for entry in public.items)
        restricted = assemble(meeting, restricted=True) if exempt else public
        pages = pack_pages(public)
        publication = Publication(
            meeting=meeting,
            kind=Publication.Kind.AGENDA,
            published_at=day_start(meeting.published_on),
            agenda=public.outline(),
            restricted_agenda=restricted.outline(),
            page_count=len(pages),
            last_page=len(pages) - 1,
            restricted_last_page=len(pack_pages(restricted)) - 1,
            public_html=_stored(files, _html(public).encode(), ".html"),
            public_pdf=_stored(files, text_pdf(pages, title=public.title), ".pdf"),
        )
        publication.content_hash = publication.public_html.sha256
        publication.restricted_pdf = (
            _stored(files, text_pdf(pack_pages(restricted), title=restricted.title), ".pdf")
            if exempt
            else publication.public_pdf
        )
        publications.append(publication)
        if number % REPUBLISHED_EVERY == 0:
            publications.append(_republished(publication))
    StoredFile.objects.bulk_create(files.values())
    Publication.objects.bulk_create(publications)
    return len(publications)


def _html(pack) -> str:
    return render_to_string("committees/pack/_pack.html", {"pack": pack})


def _republished(publication: Publication) -> Publication:
    return Publication(
        meeting=publication.meeting,
        kind=Publication.Kind.REPUBLICATION,
        published_at=publication.published_at + dt.timedelta(days=1, hours=3),
        note="A corrected table in the revenue monitoring report.",
        **{
            field: getattr(publication, field)
            for field in (
                "agenda",
                "restricted_agenda",
                "content_hash",
                "page_count",
                "last_page",
                "restricted_last_page",
                "public_html",
                "public_pdf",
                "restricted_pdf",
            )
        },
    )


def _stored(files: dict[str, StoredFile], data: bytes, suffix: str) -> StoredFile:
    """The (unsaved) StoredFile of `data`, written to storage once per content."""
    digest = stored.sha256(data)
    if digest not in files:
        name = default_storage.save(stored.stored_name(digest, suffix), ContentFile(data))
        files[digest] = StoredFile(sha256=digest, name=name, size=len(data))
    return files[digest]


def pack_pages(pack) -> list[list[str]]:
    """The pack as pages of text lines: the front sheet with the agenda, then each document
    the reader may see, its text wrapped and split into pages."""
    meeting: Meeting = pack.meeting
    front = [
        str(pack.council or ""),
        str(meeting.committee),
        f"{meeting.date:%A %-d %B %Y}, {meeting.venue or ''}",
        "",
        "Agenda",
        *(f"{entry.number}. {entry.item.title}" for entry in pack.items),
    ]
    pages = [front]
    for entry in pack.items:
        for part in entry.documents:
            text = (
                part.title if part.withheld else f"{part.title}\n{strip_tags(part.document.body)}"
            )
            lines = [
                line for paragraph in text.split("\n") for line in textwrap.wrap(paragraph, 95)
            ]
            pages += [
                lines[start : start + LINES_PER_PAGE]
                for start in range(0, len(lines), LINES_PER_PAGE)
            ]
    return pages
