"""Publishing an agenda: the checks, the record, and the frozen files the public is served."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from committees import publication as rules
from committees.models import AgendaItem, Meeting, Publication


@dataclass
class PublicationRefused(Exception):
    """The agenda cannot be published yet; `problems` says what to put right."""

    problems: list[str]

    def __str__(self):
        return " ".join(self.problems)


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def publication_problems(meeting, *, today, reason_for_urgency):
    """Everything that stops `meeting`'s agenda being published today, as sentences."""
    # Numbered over the whole agenda first: a filter before the window would renumber.
    problems = [
        f"Item {item.number}, “{item.title}”, has no report: add one, or mark it To Follow or "
        "Verbal."
        for item in meeting.items.numbered().prefetch_related("documents")
        if not (item.documents.all() or item.standing_text or item.to_follow or item.verbal)
    ]
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
        problems.append(f"The meeting is {meeting.get_status_display().lower()}.")
    if rules.is_late(meeting.date, today) and not reason_for_urgency.strip():
        deadline = rules.latest_publication_date(meeting.date)
        problems.append(
            f"The latest date to publish with five clear working days' notice was "
            f"{deadline:%-d %B %Y}. Give the reason for urgency to publish late."
        )
    return problems


def agenda_publish(
    *,
    meeting: Meeting,
    by,
    reason_for_urgency: str = "",
    note: str = "",
    supplement: bool = False,
    on: datetime.date | None = None,
) -> Publication:
    """Publish (or republish, or issue a supplement to) `meeting`'s agenda.

    Renders the public and restricted packs first; if rendering fails nothing is recorded and
    the previously published version stays live. `on` records a publication made before the
    portal (the demo's 2019 pack); it defaults to today.
    """
    # WeasyPrint is slow to import and large: load it only when something is published.
    from committees.packs.render import PackRenderError, render_pack_files

    today = on or timezone.localdate()
    problems = publication_problems(meeting, today=today, reason_for_urgency=reason_for_urgency)
    if problems:
        raise PublicationRefused(problems)
    if supplement:
        kind = Publication.Kind.SUPPLEMENT
    elif meeting.publications.exists():
        kind = Publication.Kind.REPUBLICATION
    else:
        kind = Publication.Kind.AGENDA
    # A supplement carries the To Follow items whose reports have now arrived.
    carried = []
    if supplement:
        carried = list(meeting.items.filter(to_follow=True, documents__isnull=False).distinct())
        if not carried:
            raise PublicationRefused(["No To Follow item has a report yet."])
    # Rendered outside any transaction: a large pack takes seconds, and SQLite would hold its
    # write lock all that time. The carried items lose their To Follow mark first, so that the
    # pack shows their pages, and get it back if rendering fails.
    carried_items = AgendaItem.objects.filter(pk__in=[item.pk for item in carried])
    carried_items.update(to_follow=False)
    try:
        files = render_pack_files(meeting, published_on=meeting.published_on or today)
    except PackRenderError as error:
        carried_items.update(to_follow=True)
        raise PublicationRefused([f"The agenda pack could not be rendered: {error}"]) from error

    with transaction.atomic():
        stem = f"{today:%Y%m%d}-{files.content_hash[:12]}"
        publication = Publication(
            meeting=meeting,
            kind=kind,
            published_at=timezone.now() if on is None else day_start(on),
            published_by=by,
            late=rules.is_late(meeting.date, today),
            reason_for_urgency=reason_for_urgency.strip(),
            note=note.strip(),
            agenda=files.public_pack.outline(),
            content_hash=files.content_hash,
            page_count=files.page_count,
        )
        publication.public_pdf.save(f"{stem}-public.pdf", ContentFile(files.public_pdf), save=False)
        publication.restricted_pdf.save(
            f"{stem}-restricted.pdf", ContentFile(files.restricted_pdf), save=False
        )
        # The web page's pack body, stored so the public page never shows a later draft.
        publication.public_html.save(
            f"{stem}-public.html", ContentFile(files.public_html.encode()), save=False
        )
        publication.full_clean()
        publication.save()
        if supplement:
            publication.items.set(carried)
        meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.published_on = meeting.published_on or today
        meeting.save(update_fields=["status", "published_on"])
    return publication
