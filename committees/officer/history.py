"""Who changed what and when, read from django-simple-history's records."""

from itertools import groupby

from django.utils.html import strip_tags
from django.utils.text import Truncator


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
