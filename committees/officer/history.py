"""Who changed what and when, read from django-simple-history's records."""

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Max
from django.utils.html import strip_tags
from django.utils.text import Truncator

from committees.models import AgendaItem, BackgroundPaper, Document


def history_changes(records, part=None):
    """Each historical record with the fields it changed, newest first.

    `records` may hold the history of several objects; each is compared with the record before
    it of the same object. `part` names what changed; by default the model and the object.
    """

    def key(record):
        meta = record.instance_type._meta
        return (meta.label, getattr(record, meta.pk.attname))

    changes = []
    for _, same_object in groupby(sorted(records, key=key), key=key):
        previous = None
        for record in sorted(same_object, key=lambda r: (r.history_date, r.history_id)):
            fields = []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(
                    previous, excluded_fields=["version"], foreign_keys_are_objs=True
                )
                for change in delta.changes:
                    field = record.instance_type._meta.get_field(change.field)
                    fields.append(
                        {
                            "label": str(field.verbose_name).capitalize(),
                            "old": shown_value(change.old, field),
                            "new": shown_value(change.new, field),
                        }
                    )
            label = part or (
                f"{str(record.instance_type._meta.verbose_name).capitalize()} “{record.instance}”"
            )
            changes.append({"record": record, "part": label, "fields": fields})
            previous = record
    changes.sort(key=lambda change: change["record"].history_date, reverse=True)
    return changes


def shown_value(value, field):
    """A changed value as the history table shows it: long text and HTML cut to a few words,
    a many-to-many field as the names it links to."""
    if field.many_to_many:
        value = ", ".join(str(row[field.m2m_reverse_field_name()]) for row in value)
    if value in (None, ""):
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = strip_tags(str(value)).strip() or "(images or formatting only)"
    return Truncator(" ".join(text.split())).words(25)


@dataclass
class ConfidentialityChange:
    """One change to whether an item, document or background paper is exempt, or why."""

    what: str
    change: str
    by: AbstractBaseUser | None
    at: datetime


DOCUMENT_KINDS = {Document.Kind.REPORT: "Report", Document.Kind.APPENDIX: "Appendix"}


def confidentiality_changes(meeting):
    """Every change to what is exempt in the meeting's agenda since it was last published (all,
    if it never was), newest first: what the next publication releases or withholds anew.

    Read from the history of the meeting's items, their documents and the reports' background
    papers, so records removed since count too.
    """
    since = meeting.publications.aggregate(latest=Max("published_at"))["latest"]
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
        return f"Added as Part II, paragraph {now}" if now else None
    if record.history_type == "-":
        return f"Removed (was Part II, paragraph {now})" if now else None
    before = now if previous is None else exemption(previous)
    if before == now:
        return None
    if before is None:
        return f"Part I → Part II, paragraph {now}"
    if now is None:
        return "Part II → Part I"
    return f"paragraph {before} → {now}"


def exemption(record):
    """None for Part I; the Schedule 12A paragraph for Part II."""
    return record.exempt_paragraph if record.exempt else None
