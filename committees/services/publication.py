"""Publishing an agenda: the checks, the job the worker carries out, and the frozen record.

Publication is one safe step. The officer's request becomes a PublicationJob (one per form
sent, one under way per meeting); the worker renders both packs without writing anything, stores
the files, and only then, in one transaction holding the meeting's row, re-checks the meeting and
records the publication. A failure at any step leaves the previous version live and the job says
why.
"""

import datetime
import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from committees import publication as rules
from committees import stored
from committees.confidentiality import confidentiality_changes
from committees.models import (
    AgendaItem,
    Document,
    Meeting,
    Publication,
    PublicationJob,
    PublishedFile,
)
from committees.packs import registry
from committees.packs.registry import GeneratorContext

logger = logging.getLogger(__name__)

State = PublicationJob.State


@dataclass
class PublicationRefused(Exception):
    """The agenda cannot be published; `problems` says what to put right."""

    problems: list[str]

    def __str__(self):
        return " ".join(self.problems)


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def agenda_problems(meeting):
    """What stops `meeting`'s agenda being published at all, as sentences."""
    # Numbered over the whole agenda first: a filter before the window would renumber.
    items = meeting.items.numbered().prefetch_related(
        Prefetch("documents", queryset=Document.objects.only("pk", "item_id"))
    )
    problems = [
        f"Item {item.number}, “{item.title}”, has no report: add one, or mark it To Follow or "
        "Verbal."
        for item in items
        if item.needs_report
    ]
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
        problems.append(f"The meeting is {meeting.get_status_display().lower()}.")
    return problems + generated_document_problems(meeting)


def generated_document_problems(meeting):
    """What the apps that generate the meeting's documents say must be put right first, and
    any generated document that no installed app provides (it would be published blank)."""
    problems = []
    for document in Document.objects.filter(
        item__meeting=meeting, kind=Document.Kind.GENERATED
    ).defer("body"):
        try:
            generator = registry.for_document(document)
        except registry.UnknownGenerator as error:
            problems.append(str(error))
            continue
        if generator.record_field is not None and document.generator_record is None:
            problems.append(
                f"“{document.title}” does not say which record it is generated from: choose one "
                "on its page."
            )
        elif generator.problems is not None:
            context = GeneratorContext.of(document, meeting=meeting, restricted=True)
            sentences = generator.problems(context)
            problems += [f"“{document.title}”: {sentence}" for sentence in sentences]
    return problems


def lateness_problems(meeting, *, on, reason_for_urgency):
    """LGA 1972 s.100B(4)(b): a late agenda needs a recorded reason for urgency."""
    if rules.is_late(meeting.date, on) and not reason_for_urgency.strip():
        deadline = rules.latest_publication_date(meeting.date)
        return [
            f"The latest date to publish with five clear working days' notice was "
            f"{deadline:%-d %B %Y}. Give the reason for urgency to publish late."
        ]
    return []


def supplement_items(meeting):
    """The To Follow items whose reports have arrived: what a supplement carries."""
    return list(meeting.items.filter(to_follow=True, documents__isnull=False).distinct())


def publication_request(
    *,
    meeting: Meeting,
    by,
    token: str,
    reason_for_urgency: str = "",
    note: str = "",
    supplement: bool = False,
    on: datetime.date | None = None,
) -> PublicationJob:
    """Ask for `meeting`'s agenda to be published (or republished, or supplemented).

    Returns the job; the same `token` (one publish form) always returns the same job, so a
    repeated POST publishes once. Raises PublicationRefused if the agenda cannot be published,
    or if another publication of the meeting is under way. `on` records a publication made
    before the portal (the demo's 2019 pack); it defaults to today.
    """
    existing = PublicationJob.objects.filter(token=token).first()
    if existing is not None:
        return existing
    on = on or timezone.localdate()
    problems = agenda_problems(meeting) + lateness_problems(
        meeting, on=on, reason_for_urgency=reason_for_urgency
    )
    if supplement and not supplement_items(meeting):
        problems.append("No To Follow item has a report yet.")
    if problems:
        raise PublicationRefused(problems)
    _give_up_stale_jobs(meeting)
    try:
        with transaction.atomic():
            return PublicationJob.objects.create(
                meeting=meeting,
                token=token,
                supplement=supplement,
                reason_for_urgency=reason_for_urgency.strip(),
                note=note.strip(),
                published_on=on,
                meeting_version=meeting.version,
                requested_by=by,
            )
    except IntegrityError:
        existing = PublicationJob.objects.filter(token=token).first()
        if existing is not None:  # the same form, sent twice at once
            return existing
        raise PublicationRefused(
            ["This meeting's agenda is already being published. Wait for it to finish."]
        ) from None


def publication_start(**request) -> PublicationJob:
    """`publication_request`, and the worker told to carry it out."""
    from committees.tasks import publish

    with transaction.atomic():
        job = publication_request(**request)
        if job.state == State.QUEUED:
            publish.enqueue(job.pk)
    return job


def _give_up_stale_jobs(meeting):
    """A job whose worker stopped answering (killed, restarted) must not block the meeting."""
    stale_before = timezone.now() - datetime.timedelta(seconds=settings.PUBLICATION_STALE_SECONDS)
    meeting.publication_jobs.active().filter(heartbeat_at__lt=stale_before).update(
        state=State.FAILED,
        finished_at=timezone.now(),
        problems=["The worker stopped before it finished; nothing was published."],
    )


class _JobProgress:
    """Records a job's stage and shows the worker is alive, at most every few seconds."""

    INTERVAL = 5

    def __init__(self, job):
        self.job = job
        self.last = 0.0

    def stage(self, state, pages=None):
        fields = {"state": state, "heartbeat_at": timezone.now()}
        if state == State.RENDERING_RESTRICTED:
            fields["public_pages"] = pages
        elif state == State.STORING:
            fields["restricted_pages"] = pages
        self._update(**fields)

    def heartbeat(self):
        if time.monotonic() - self.last >= self.INTERVAL:
            self._update(heartbeat_at=timezone.now())

    def _update(self, **fields):
        PublicationJob.objects.filter(pk=self.job.pk).update(**fields)
        for name, value in fields.items():
            setattr(self.job, name, value)
        self.last = time.monotonic()


def publication_job_run(*, job: PublicationJob) -> PublicationJob:
    """Carry out `job`: render, store, then record the publication. Safe to call twice."""
    claimed = PublicationJob.objects.filter(pk=job.pk, state=State.QUEUED).update(
        state=State.RENDERING_PUBLIC, heartbeat_at=timezone.now()
    )
    if not claimed:  # another worker has it, or it has finished
        job.refresh_from_db()
        return job
    job.state = State.RENDERING_PUBLIC
    created = []
    try:
        publication = _publish(job, _JobProgress(job), created)
    except PublicationRefused as refusal:
        stored.discard(created)
        _finish(job, State.FAILED, problems=refusal.problems)
    except Exception:
        stored.discard(created)
        logger.exception("Publication of %s failed", job.meeting)
        _finish(
            job,
            State.FAILED,
            problems=[
                "Something went wrong while publishing; nothing was published. The "
                "error has been logged. Try again, and tell the system administrator if "
                "it happens again."
            ],
        )
        raise
    else:
        _finish(job, State.DONE, publication=publication)
    return job


def _finish(job, state, *, problems=(), publication=None):
    job.state = state
    job.problems = list(problems)
    job.publication = publication
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "problems", "publication", "finished_at"])


def _publish(job, progress, created) -> Publication:
    # WeasyPrint is slow to import and large: load it only when something is published.
    from committees.packs.render import PackRenderError, render_pack_files

    started = time.monotonic()
    meeting = Meeting.objects.select_related("committee__contact", "venue").get(pk=job.meeting_id)
    problems = agenda_problems(meeting)
    carried = supplement_items(meeting) if job.supplement else []
    if job.supplement and not carried:
        problems.append("No To Follow item has a report yet.")
    if problems:
        raise PublicationRefused(problems)
    try:
        files = render_pack_files(
            meeting,
            published_on=meeting.published_on or job.published_on,
            released=frozenset(item.pk for item in carried),
            on_stage=progress.stage,
            on_wait=progress.heartbeat,
        )
    except PackRenderError as error:
        raise PublicationRefused([f"The agenda pack could not be rendered: {error}"]) from error
    progress.heartbeat()
    try:
        public_pdf = stored.store(files.public_pdf, suffix=".pdf", created=created)
        restricted_pdf = stored.store(files.restricted_pdf, suffix=".pdf", created=created)
        public_html = stored.store(files.public_html.encode(), suffix=".html", created=created)
        uploads = [
            (upload, stored.store(upload.data, suffix=".pdf", created=created))
            for upload in files.uploads
        ]
    except stored.StorageFailed as error:
        raise PublicationRefused([str(error)]) from error

    with transaction.atomic():
        # Held to the end of the transaction: publications of one meeting are serialised, and a
        # cancellation or postponement saved while the pack rendered wins.
        meeting = Meeting.objects.select_for_update().get(pk=job.meeting_id)
        if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
            raise PublicationRefused(
                [
                    f"The meeting was {meeting.get_status_display().lower()} while the pack was "
                    "being rendered, so the agenda was not published."
                ]
            )
        if confidentiality_changes(meeting, since=job.requested_at):
            raise PublicationRefused(
                [
                    "What is exempt (Part II) changed while the pack was being rendered, so this "
                    "version was not published. Check the confidentiality changes, then publish "
                    "again."
                ]
            )
        if meeting.version != job.meeting_version:
            raise PublicationRefused(
                [
                    "The meeting or its agenda changed while the pack was being rendered, so this "
                    "version was not published. Check the agenda, then publish again."
                ]
            )
        if job.supplement:
            kind = Publication.Kind.SUPPLEMENT
        elif meeting.publications.exists():
            kind = Publication.Kind.REPUBLICATION
        else:
            kind = Publication.Kind.AGENDA
        publication = Publication(
            meeting=meeting,
            kind=kind,
            published_at=(
                timezone.now()
                if job.published_on == timezone.localdate()
                else day_start(job.published_on)
            ),
            published_by=job.requested_by,
            late=rules.is_late(meeting.date, job.published_on),
            reason_for_urgency=job.reason_for_urgency,
            note=job.note,
            agenda=files.public_pack.outline(),
            content_hash=files.content_hash,
            page_count=files.page_count,
            public_pdf=public_pdf,
            restricted_pdf=restricted_pdf,
            public_html=public_html,
        )
        publication.full_clean()
        publication.save()
        PublishedFile.objects.bulk_create(
            PublishedFile(
                publication=publication,
                document_pk=upload.document_pk,
                title=upload.title,
                appendix_ref=upload.appendix_ref,
                exempt=upload.exempt,
                file=file,
            )
            for upload, file in uploads
        )
        if carried:
            publication.items.set(carried)
            released = list(AgendaItem.objects.filter(pk__in=[item.pk for item in carried]))
            for item in released:
                item.to_follow = False
            # In the agenda's history, as the publishing officer's, like any other change; the
            # reason tells committees.drafts that the publication made it.
            bulk_update_with_history(
                released,
                AgendaItem,
                ["to_follow"],
                default_user=job.requested_by,
                default_change_reason=publication.get_kind_display(),
            )
        if meeting.status == Meeting.Status.SCHEDULED:  # a held meeting stays held
            meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.published_on = meeting.published_on or job.published_on
        meeting._history_user = job.requested_by
        meeting._change_reason = publication.get_kind_display()
        meeting.save(update_fields=["status", "published_on"])
    logger.info(
        "Published %s: %d public and %d restricted pages in %.1f s",
        meeting,
        files.page_count,
        files.restricted_page_count,
        time.monotonic() - started,
    )
    return publication


def agenda_publish(*, meeting: Meeting, by, token: str | None = None, **request) -> Publication:
    """Publish now, in this process: for the demo loader, commands and tests.

    Officers publish through `publication_start`, which the worker carries out.
    """
    job = publication_request(meeting=meeting, by=by, token=token or uuid.uuid4().hex, **request)
    publication_job_run(job=job)
    if job.state != State.DONE:
        raise PublicationRefused(job.problems)
    return job.publication


def publications_record_earlier() -> list[Publication]:
    """Freeze the agendas of meetings published before the portal kept publication records.

    Public pages serve nothing but publications, so until then such a meeting shows no agenda.
    An agenda the rules refuse (an item without its report) is left for an officer to publish,
    with a warning in the log.
    """
    recorded = []
    for meeting in Meeting.objects.filter(
        published_on__isnull=False, publications__isnull=True
    ).select_related("committee__contact", "venue"):
        try:
            recorded.append(
                agenda_publish(
                    meeting=meeting,
                    by=None,
                    on=meeting.published_on,
                    note="Published before the portal kept publication records.",
                )
            )
        except PublicationRefused as refusal:
            logger.warning("The agenda of %s was not recorded: %s", meeting, refusal)
    return recorded
