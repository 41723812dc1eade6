"""A committee's work programme for a municipal year: its topics, their scores and where each
stands on the committee's agendas."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse

from committees.models import (
    AgendaItem,
    Committee,
    Councillor,
    Meeting,
    MunicipalYear,
    Officer,
    Outcome,
)
from committees.models.mixins import ChangeHistory
from workprogramme import prioritisation


class WorkProgramme(models.Model):
    """One committee's programme of topics for one municipal year: the council's 'live
    document'."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="work_programmes"
    )
    municipal_year = models.ForeignKey(
        MunicipalYear, on_delete=models.PROTECT, related_name="work_programmes"
    )
    enquiries_officer = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Named in the enquiries line; the committee's contact if blank.",
    )
    enquiries_role = models.CharField(
        max_length=100,
        blank=True,
        help_text="As the enquiries line styles them: 'Democratic Advisor'.",
    )
    enquiries_phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["committee", "-municipal_year__start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "municipal_year"],
                name="one_work_programme_per_committee_and_year",
                violation_error_message="The committee already has a work programme for this year.",
            )
        ]

    def __str__(self):
        return f"{self.committee}: work programme {self.municipal_year}"

    def get_absolute_url(self):
        return reverse(
            "workprogramme:programme",
            args=[self.committee.slug, self.municipal_year.start_date.year],
        )

    @property
    def enquiries(self):
        """'Jamie Sheldon, Democratic Advisor on 01752 304001', as the seed's enquiries line."""
        officer = self.enquiries_officer or self.committee.contact
        if officer is None:
            return ""
        role = self.enquiries_role or officer.job_title
        phone = self.enquiries_phone or officer.phone
        return f"{officer.name}, {role}" + (f" on {phone}" if phone else "")


class TopicQuerySet(models.QuerySet):
    def with_status(self, today):
        """Annotate `status_code`: withdrawn, considered (its meeting has been held), scheduled,
        or to be scheduled."""
        return self.annotate(
            status_code=Case(
                When(withdrawn_on__isnull=False, then=Value(Topic.Status.WITHDRAWN)),
                When(meeting__starts_at__date__lt=today, then=Value(Topic.Status.CONSIDERED)),
                When(meeting__isnull=False, then=Value(Topic.Status.SCHEDULED)),
                default=Value(Topic.Status.TO_BE_SCHEDULED),
            )
        )

    def for_listing(self):
        return self.select_related("meeting", "programme").prefetch_related(
            "cabinet_members", "officers"
        )


class Topic(models.Model):
    """A topic on a work programme: why the committee takes it, who answers for it, how it
    scores on the prioritisation tool and the meeting it is scheduled for."""

    class Kind(models.TextChoices):
        STANDING = "standing", "Standing report"
        UPDATE = "update", "Update"
        MEMBER_REQUEST = "member_request", "Member request"
        SELECT_REVIEW = "select_review", "Select committee review"
        JOINT_REVIEW = "joint_review", "Joint select committee review"

    class Status(models.TextChoices):
        TO_BE_SCHEDULED = "to_be_scheduled", "To be scheduled"
        SCHEDULED = "scheduled", "Scheduled"
        CONSIDERED = "considered", "Considered"
        WITHDRAWN = "withdrawn", "Withdrawn"

    REVIEWS = (Kind.SELECT_REVIEW, Kind.JOINT_REVIEW)

    programme = models.ForeignKey(WorkProgramme, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(max_length=300)
    reason = models.TextField(blank=True, verbose_name="reason for consideration")
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.UPDATE, verbose_name="type"
    )
    cabinet_members = models.ManyToManyField(
        Councillor,
        blank=True,
        related_name="work_programme_topics",
        verbose_name="responsible cabinet members",
    )
    officers = models.ManyToManyField(
        Officer,
        blank=True,
        related_name="work_programme_topics",
        verbose_name="responsible officers",
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_programme_topics",
        help_text="Blank while the topic is to be scheduled.",
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_programme_topic",
        editable=False,
        help_text="The agenda item scheduling added.",
    )
    position = models.PositiveIntegerField(default=0, help_text="Order among the meeting's topics.")
    source_outcome = models.ForeignKey(
        Outcome,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_programme_topics",
        editable=False,
        help_text="The 'agreed to schedule' minute the topic came from.",
    )
    withdrawn_on = models.DateField(null=True, blank=True, editable=False)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, help_text="Counted from the prioritisation tool."
    )
    public_interest = models.BooleanField(null=True, blank=True)
    public_interest_evidence = models.TextField(blank=True)
    ability = models.BooleanField(null=True, blank=True)
    ability_evidence = models.TextField(blank=True)
    performance = models.BooleanField(null=True, blank=True)
    performance_evidence = models.TextField(blank=True)
    extent = models.BooleanField(null=True, blank=True)
    extent_evidence = models.TextField(blank=True)
    replication = models.BooleanField(null=True, blank=True)
    replication_evidence = models.TextField(blank=True)
    executive_decision = models.BooleanField(null=True, blank=True)
    executive_decision_evidence = models.TextField(blank=True)
    history = ChangeHistory(m2m_fields=[cabinet_members, officers])

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "meeting__starts_at", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=6), name="topic_score_0_to_6"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.score = prioritisation.score(self.answers)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.programme.get_absolute_url() + f"#topic-{self.pk}"

    @property
    def answers(self):
        return {c.name: getattr(self, c.name) for c in prioritisation.CRITERIA}

    @property
    def evidence(self):
        return {c.name: getattr(self, f"{c.name}_evidence") for c in prioritisation.CRITERIA}

    @property
    def criteria(self):
        """[(criterion, answer, evidence)] for the tool's table."""
        return [
            (c, getattr(self, c.name), getattr(self, f"{c.name}_evidence"))
            for c in prioritisation.CRITERIA
        ]

    @property
    def band(self):
        return prioritisation.band(self.score)

    @property
    def unevidenced(self):
        return prioritisation.unevidenced(self.answers, self.evidence)

    @property
    def status_label(self):
        """The label of `status_code`, which `TopicQuerySet.with_status` annotates."""
        return self.Status(self.status_code).label

    @property
    def is_review(self):
        return self.kind in self.REVIEWS

    def clean(self):
        prioritisation.check_answers(self.answers)
        if (
            self.meeting_id
            and self.programme_id
            and self.meeting.committee_id != self.programme.committee_id
        ):
            raise ValidationError({"meeting": f"{self.meeting} is a meeting of another committee."})


class TopicEvent(models.Model):
    """A step in a topic's history across meetings."""

    class Kind(models.TextChoices):
        ADDED = "added", "Added to the programme"
        SCHEDULED = "scheduled", "Scheduled"
        MOVED = "moved", "Moved"
        UNSCHEDULED = "unscheduled", "Back to be scheduled"
        CONSIDERED = "considered", "Considered"
        WITHDRAWN = "withdrawn", "Withdrawn"

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    on = models.DateField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["topic", "on", "pk"]

    def __str__(self):
        return f"{self.topic}: {self.get_kind_display()} on {self.on:%-d %B %Y}"
