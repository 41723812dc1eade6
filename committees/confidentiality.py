"""Changes to what is exempt (Part II) in an agenda, read from the history of its records.

The officer sees them before publishing; a publication refuses to go out if one was made while
its pack was rendering, as the render may predate it.
"""

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.contrib.auth.base_user import AbstractBaseUser

from committees.exemption import part_two
from committees.models import AgendaItem, BackgroundPaper, Document

LAST_PUBLICATION = object()


@dataclass
class ConfidentialityChange:
    """One change to whether an item, document or background paper is exempt, or why."""

    what: str
    change: str
    by: AbstractBaseUser | None
    at: datetime


DOCUMENT_KINDS = {Document.Kind.REPORT: "Report", Document.Kind.APPENDIX: "Appendix"}


def confidentiality_changes(meeting, *, since=LAST_PUBLICATION):
    """Every change to what is exempt in the meeting's agenda since `since` (by default since
    it was last published, or all if it never was), newest first: what the next publication
    releases or withholds anew.

    Read from the history of the meeting's items, their documents and the reports' background
    papers, so records removed since count too.
    """
    if since is LAST_PUBLICATION:
        since = meeting.publications.latest_first().values_list("published_at", flat=True).first()
    item_ids = AgendaItem.history.filter(meeting_id=meeting.pk).values("id")
    document_ids = Document.history.filter(item_id__in=item_ids).values("id")
    sources = [
        (AgendaItem.history.filter(meeting_id=meeting.pk), lambda record: "Item"),
        (
            Document.history.filter(item_id__in=item_ids).defer("body"),
            lambda record: DOCUMENT_KINDS.get(record.kind, "Document"),
        ),
        (
            BackgroundPaper.history.filter(cover_id__in=document_ids),
            lambda record: "Background paper",
        ),
    ]
    changes = []
    for records, kind in sources:
        if since is not None:
            # Only objects changed since, each with its whole history to compare against.
            records = records.filter(id__in=records.filter(history_date__gt=since).values("id"))
        records = records.select_related("history_user").order_by(
            "id", "history_date", "history_id"
        )
        for _, same_object in groupby(records, key=lambda record: record.id):
            previous = None
            for record in same_object:
                described = describe_exemption_change(record, previous)
                if described and (since is None or record.history_date > since):
                    changes.append(
                        ConfidentialityChange(
                            what=f"{kind(record)} “{record.title}”",
                            change=described,
                            by=record.history_user,
                            at=record.history_date,
                        )
                    )
                previous = record
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes


def describe_exemption_change(record, previous):
    """'Part I → Part II, paragraph 3', 'paragraph 3 → 1', 'Part II → Part I', or None if the
    historical `record` changed no exemption; `previous` is the same object's record before it.
    """
    now = exemption(record)
    if record.history_type == "+":
        return f"Added as {part_two(now)}" if now else None
    if record.history_type == "-":
        return f"Removed (was {part_two(now)})" if now else None
    before = now if previous is None else exemption(previous)
    if before == now:
        return None
    if before is None:
        return f"Part I → {part_two(now)}"
    if now is None:
        return "Part II → Part I"
    return f"paragraph {before} → {now}"


def exemption(record):
    """None for Part I; the Schedule 12A paragraph for Part II."""
    return record.exempt_paragraph if record.exempt else None
