"""Who changed what and when, read from django-simple-history's records."""

import datetime
from itertools import groupby

from django.core.exceptions import ObjectDoesNotExist
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst

# Never shown: the counter that refuses silent overwrites changes with every save.
UNSHOWN = ["version"]
# A field shown by another: an uploaded file by the name it had, not its name in storage.
SHOWN_BY = {"upload": "upload_name"}


def history_changes(records, part=None):
    """Each historical record with the fields it changed, newest first.

    `records` may hold the history of several objects; each is compared with the record before
    it of the same object. A change that changed nothing shown is left out. `part` names what
    changed; by default the kind of record and its title.
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
                fields = changed_fields(record, previous)
            if fields or record.history_type != "~":
                changes.append(
                    {"record": record, "part": part or part_name(record), "fields": fields}
                )
            previous = record
    changes.sort(key=lambda change: change["record"].history_date, reverse=True)
    return changes


def changed_fields(record, previous):
    """[{"label", "old", "new"}, …]: what `record` changed since `previous`, as people read it."""
    meta = record.instance_type._meta
    delta = record.diff_against(
        previous,
        excluded_fields=[*UNSHOWN, *SHOWN_BY.values()],
        foreign_keys_are_objs=True,
    )
    fields = []
    for change in delta.changes:
        field = meta.get_field(SHOWN_BY.get(change.field, change.field))
        old, new = change.old, change.new
        if change.field in SHOWN_BY:
            old, new = getattr(previous, field.attname), getattr(record, field.attname)
        fields.append(
            {
                "label": capfirst(field.verbose_name),
                "old": shown_value(old, field),
                "new": shown_value(new, field),
            }
        )
    return fields


def part_name(record):
    """'Report “Budget scrutiny”', 'Cover sheet of “Budget scrutiny”', 'Agenda item “…”'."""
    meta = record.instance_type._meta
    if meta.model_name == "coversheet":
        try:
            return f"Cover sheet of “{record.document.title}”"
        except ObjectDoesNotExist:  # the report was removed since
            return "Cover sheet"
    if meta.model_name == "document" and record.kind in ("report", "appendix"):
        return f"{record.get_kind_display()} “{record.title}”"
    return f"{capfirst(meta.verbose_name)} “{record.instance}”"


def shown_value(value, field):
    """A changed value as the history table shows it: a choice by its label, a date as the
    portal writes dates, yes or no, long text and HTML cut to a few words, a many-to-many field
    as the names it links to."""
    if field.many_to_many:
        value = ", ".join(str(row[field.m2m_reverse_field_name()]) for row in value)
    if value in (None, ""):
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return dateformat.format(timezone.localtime(value), "j F Y, g.i a")
    if isinstance(value, datetime.date):
        return dateformat.format(value, "j F Y")
    text = strip_tags(str(value)).strip() or "(images or formatting only)"
    return Truncator(" ".join(text.split())).words(25)
