"""Published agendas: each publication's frozen files, and the jobs that produce them."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from committees.models.meetings import AgendaItem, Meeting


class PublicationQuerySet(models.QuerySet):
    def latest_first(self):
        """Newest first; the key settles two publications recorded in the same instant."""
        return self.order_by("-published_at", "-pk")

    def newest(self):
        """The newest publication, or None: of `meeting.publications`, the version the public
        is served."""
        return self.latest_first().first()

    def newest_of_each_meeting(self):
        """Each meeting's newest publication: the versions the public is served."""
        newest = Publication.objects.filter(meeting=OuterRef("meeting")).latest_first()
        return self.filter(pk=Subquery(newest.values("pk")[:1]))

    def for_public(self):
        """The publication record as pages list it, newest first."""
        return self.select_related("published_by").latest_first()


class Publication(models.Model):
    """A published, frozen version of a meeting's agenda pack, with its rendered files.

    The public is always served the latest publication's stored files, never a re-render.
    """

    class Kind(models.TextChoices):
        AGENDA = "agenda", "Agenda published"
        REPUBLICATION = "republication", "Agenda republished"
        SUPPLEMENT = "supplement", "Supplement published"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="publications")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AGENDA)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    late = models.BooleanField(
        default=False, help_text="Published with fewer than five clear working days' notice."
    )
    reason_for_urgency = models.TextField(
        blank=True,
        help_text="Why the item could not wait (Local Government Act 1972 s.100B(4)(b)); "
        "required when publication is late.",
    )
    note = models.TextField(blank=True, help_text="What this publication adds or changes.")
    items = models.ManyToManyField(
        AgendaItem, blank=True, related_name="supplements", help_text="Items a supplement carries."
    )
    agenda = models.JSONField(
        default=list, help_text="The published agenda as the public meeting page lists it."
    )
    content_hash = models.CharField(
        max_length=64, help_text="SHA-256 of what the public pack was rendered from (its ETag)."
    )
    public_pdf = models.ForeignKey(
        "StoredFile", on_delete=models.PROTECT, related_name="+", verbose_name="public PDF"
    )
    restricted_pdf = models.ForeignKey(
        "StoredFile", on_delete=models.PROTECT, related_name="+", verbose_name="restricted PDF"
    )
    public_html = models.ForeignKey(
        "StoredFile",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="public HTML",
        help_text="The pack page's body, so that the public page never shows a later draft.",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        get_latest_by = "published_at"
        constraints = [
            models.CheckConstraint(
                condition=~Q(late=True, reason_for_urgency=""),
                name="late_publication_has_reason",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.meeting}, {self.published_at:%-d %B %Y %H:%M}"


class StoredFile(models.Model):
    """Bytes frozen by a publication, kept once per content.

    A republication that leaves a file unchanged refers to the copy already stored. The storage
    name is a keyed hash of the content, so that knowing a public file (or its ETag) tells no
    one where a restricted one is; the plain SHA-256 checks the bytes each time they are served.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=200, unique=True, help_text="Name in the default storage.")
    size = models.PositiveBigIntegerField()
    stored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["stored_at"]

    def __str__(self):
        return self.name


class PublishedFile(models.Model):
    """An uploaded appendix as a publication froze it: what `/documents/<pk>/file/` serves
    while that publication is the meeting's latest, whatever the draft holds since."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    # A number, not a key: the document may be removed from the draft while this publication,
    # which still shows it, stays live.
    document_pk = models.PositiveBigIntegerField(db_index=True)
    title = models.CharField(max_length=300)
    appendix_ref = models.CharField(
        max_length=4, blank=True, help_text="The appendix letter it was published under."
    )
    exempt = models.BooleanField(
        help_text="The document or its item was exempt (Part II) when published."
    )
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["publication", "document_pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "document_pk"], name="published_file_once_per_publication"
            )
        ]

    def __str__(self):
        return self.title


class PublicationJobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=PublicationJob.ACTIVE_STATES)


class PublicationJob(models.Model):
    """An officer's request to publish, carried out by the task worker; its page shows progress.

    The token makes a repeated POST of the same form return the same job; at most one job per
    meeting is under way at a time.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RENDERING_PUBLIC = "rendering_public", "Rendering the public pack"
        RENDERING_RESTRICTED = "rendering_restricted", "Rendering the restricted pack"
        STORING = "storing", "Storing the files"
        DONE = "done", "Published"
        FAILED = "failed", "Not published"

    ACTIVE_STATES = [
        State.QUEUED,
        State.RENDERING_PUBLIC,
        State.RENDERING_RESTRICTED,
        State.STORING,
    ]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="publication_jobs")
    token = models.CharField(
        max_length=64, unique=True, help_text="From the publish form: one job per form sent."
    )
    supplement = models.BooleanField(default=False)
    reason_for_urgency = models.TextField(blank=True)
    note = models.TextField(blank=True)
    published_on = models.DateField(
        help_text="The day of publication: today, or an earlier day for packs published before "
        "the portal (the demo)."
    )
    meeting_version = models.PositiveIntegerField(
        help_text="The meeting's version when publication was asked for; a change meanwhile "
        "(a cancellation, a postponement) refuses the publication."
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(
        default=timezone.now, help_text="Last sign of life from the worker carrying it out."
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=30, choices=State.choices, default=State.QUEUED)
    public_pages = models.PositiveIntegerField(null=True, blank=True)
    restricted_pages = models.PositiveIntegerField(null=True, blank=True)
    problems = models.JSONField(default=list, blank=True, help_text="Why it was not published.")
    publication = models.OneToOneField(
        Publication, null=True, blank=True, on_delete=models.SET_NULL, related_name="job"
    )

    objects = PublicationJobQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(
                    state__in=["queued", "rendering_public", "rendering_restricted", "storing"]
                ),
                name="one_publication_job_under_way_per_meeting",
                violation_error_message="This meeting's agenda is already being published.",
            )
        ]

    def __str__(self):
        return f"Publication of {self.meeting} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("officer:publication_job", args=[self.pk])

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)
