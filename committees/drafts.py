"""Changes since publication: what the draft of a published agenda holds that its readers do not
see yet, read from the history of changes made since the latest publication.

The public and councillors are served the latest publication's frozen files; an edit saved since
stays in the draft until the agenda is republished. The history records a save only when it
changed something (committees.models.mixins.ChangeHistory), so a record made since the
publication means a difference. Records that publication makes itself (a supplement's To Follow
items released) carry the publication's kind as their reason and are not differences.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import F, Q

from committees.models import AgendaItem, BackgroundPaper, CoverSheet, Document, Publication

# The reason publication gives the changes it makes itself ("Supplement published").
PUBLICATION_REASONS = Publication.Kind.labels


@dataclass
class Change:
    """An item or a document of the draft that differs from the publication."""

    pk: int
    what: str  # "Item", "Report", "Appendix" or "Document"
    title: str
    action: str  # "added", "changed" or "removed"
    by: list[str]


@dataclass
class DraftChanges:
    """What changed in one meeting's draft since `publication`."""

    publication: Publication
    items: list[Change] = field(default_factory=list)
    documents: list[Change] = field(default_factory=list)

    def __bool__(self):
        return bool(self.items or self.documents)

    @property
    def people(self):
        """Who made the changes, each once, in the order of their first change."""
        return list(dict.fromkeys(name for change in self.changes for name in change.by))

    @property
    def changes(self):
        return [*self.items, *self.documents]

    @property
    def item_pks(self):
        return {change.pk for change in self.items}

    @property
    def document_pks(self):
        return {change.pk for change in self.documents}


def since(publication):
    """The moment the publication's content was read: when the officer asked for it, as the
    worker renders afterwards (an edit made while it rendered counts as a change, to be safe)."""
    job = getattr(publication, "job", None)
    return job.requested_at if job is not None else publication.published_at


def changes_since_publication(meetings) -> dict[int, DraftChanges]:
    """{meeting pk: DraftChanges} for those of `meetings` published and changed since.

    Five queries however many meetings: the newest publications, then the history of items,
    documents, cover sheets and background papers made since each.
    """
    publications = {
        publication.meeting_id: publication
        for publication in Publication.objects.filter(meeting__in=meetings)
        .newest_of_each_meeting()
        .select_related("job")
    }
    if not publications:
        return {}

    def made_since(meeting_path):
        return reduce(
            or_,
            (
                Q(**{meeting_path: meeting_pk, "history_date__gt": since(publication)})
                for meeting_pk, publication in publications.items()
            ),
        )

    def records(model, meeting_path, **annotations):
        return (
            model.history.filter(made_since(meeting_path))
            .exclude(history_change_reason__in=PUBLICATION_REASONS)
            .annotate(meeting_pk=F(meeting_path), **annotations)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )

    items = records(AgendaItem, "meeting_id", key=F("id"), title_now=F("title"))
    documents = records(
        Document, "item__meeting_id", key=F("id"), title_now=F("title"), kind_now=F("kind")
    )
    # A cover sheet and its background papers are part of their report.
    covers = records(
        CoverSheet,
        "document__item__meeting_id",
        key=F("document_id"),
        title_now=F("document__title"),
        kind_now=F("document__kind"),
    )
    papers = records(
        BackgroundPaper,
        "cover__document__item__meeting_id",
        key=F("cover_id"),
        title_now=F("cover__document__title"),
        kind_now=F("cover__document__kind"),
    )

    found = {pk: DraftChanges(publication) for pk, publication in publications.items()}
    for meeting_pk, changes in _changes(items).items():
        found[meeting_pk].items = changes
    for meeting_pk, changes in _changes([*documents, *covers, *papers], own=Document).items():
        found[meeting_pk].documents = changes
    return {pk: changes for pk, changes in found.items() if changes}


def _changes(records, own=AgendaItem):
    """{meeting pk: [Change, …]} from the records, grouped by the item or document they change.

    Whether it was added or removed is read from its `own` records (a document's, not its cover
    sheet's); one added and removed again since the publication is no difference.
    """
    grouped = defaultdict(list)
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        grouped[(record.meeting_pk, record.key)].append(record)
    by_meeting = defaultdict(list)
    for (meeting_pk, key), group in grouped.items():
        own_records = [r for r in group if r.instance_type is own]
        added = bool(own_records) and own_records[0].history_type == "+"
        removed = bool(own_records) and own_records[-1].history_type == "-"
        if added and removed:
            continue
        latest = (own_records or group)[-1]
        by_meeting[meeting_pk].append(
            Change(
                pk=key,
                what=_what(getattr(latest, "kind_now", None)),
                title=latest.title_now,
                action="added" if added else "removed" if removed else "changed",
                by=list(dict.fromkeys(_name(r.history_user) for r in group if r.history_user)),
            )
        )
    return by_meeting


def _what(kind):
    if kind in (Document.Kind.REPORT, Document.Kind.APPENDIX):
        return Document.Kind(kind).label
    return "Document" if kind else "Item"


def _name(user):
    return user.get_full_name() or user.get_username()
