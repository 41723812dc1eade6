"""The decision tracker: every minuted outcome that asks something of someone, followed up
until it is done."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from committees.models import Councillor, Minutes, Officer, Outcome
from committees.models.mixins import ChangeHistory
from workprogramme import tracking

EXECUTIVE = (Outcome.Recipient.CABINET, Outcome.Recipient.CABINET_MEMBER)


class TrackedDecisionQuerySet(models.QuerySet):
    def public(self):
        """Decisions of minutes not exempt (Part II): what the public pack may print."""
        return self.filter(outcome__entry__exempt=False)

    def published(self):
        """Decisions the public tracker shows: of public minutes, published or confirmed."""
        return self.public().exclude(outcome__entry__minutes__status=Minutes.Status.DRAFT)

    def for_tracker(self):
        """With what the tracker table prints: the minute, its meeting and committee, the
        people responsible and the notes (four queries)."""
        return self.select_related(
            "outcome__entry__minutes__meeting__committee",
            "outcome__entry__minutes__meeting__municipal_year",
            "outcome__officer",
            "outcome__councillor",
            "officer",
            "councillor",
        ).prefetch_related("notes")


class TrackedDecision(models.Model):
    """A minuted recommendation, request or agreement to schedule, with its target date, who
    answers for it, its progress notes and, for a recommendation to the executive, the
    executive's response."""

    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
        REJECTED = "rejected", "Rejected"

    outcome = models.OneToOneField(Outcome, on_delete=models.CASCADE, related_name="tracked")
    target_date = models.DateField(null=True, blank=True)
    officer = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracked_decisions",
        verbose_name="officer responsible",
    )
    councillor = models.ForeignKey(
        Councillor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracked_decisions",
        verbose_name="cabinet member responsible",
    )
    response = models.CharField(
        max_length=20,
        choices=Response.choices,
        blank=True,
        verbose_name="executive's response",
        help_text="For a recommendation to the cabinet or a cabinet member.",
    )
    response_text = models.TextField(blank=True)
    response_on = models.DateField(null=True, blank=True, verbose_name="date of the response")
    history = ChangeHistory()

    objects = TrackedDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["outcome__entry__minutes__meeting__starts_at", "outcome__entry__position", "pk"]

    def __str__(self):
        return f"{self.meeting}: {self.outcome.text[:60]}"

    @property
    def meeting(self):
        return self.outcome.entry.minutes.meeting

    @property
    def made_on(self):
        return self.meeting.date

    @property
    def is_executive_recommendation(self):
        """A recommendation to the cabinet or a cabinet member: the executive must respond
        (LGA 2000 s.9FE)."""
        return self.outcome.kind == Outcome.Kind.RECOMMENDED and self.outcome.recipient in EXECUTIVE

    @property
    def response_due(self):
        return tracking.response_due(self.made_on) if self.is_executive_recommendation else None

    def response_late(self, as_of):
        return self.is_executive_recommendation and tracking.response_late(
            self.made_on, self.response_on, as_of
        )

    @property
    def effective_target(self):
        """The target date; for a recommendation to the executive without one, the s.9FE due
        date."""
        return self.target_date or self.response_due

    def status(self, as_of):
        """Computed from the dates and notes (workprogramme.tracking); reads `notes` through
        any prefetch."""
        return tracking.status(
            target_date=self.effective_target,
            note_dates=[(note.on, note.completes) for note in self.notes.all()],
            responded_on=self.response_on if self.response else None,
            as_of=as_of,
        )

    def clean(self):
        errors = {}
        made_on = self.made_on
        if self.target_date and self.target_date < made_on:
            errors["target_date"] = (
                f"The target date cannot be before the decision was made ({made_on:%-d %B %Y})."
            )
        if (self.response or self.response_text or self.response_on) and (
            not self.is_executive_recommendation
        ):
            errors["response"] = (
                "Only a recommendation to the cabinet or a cabinet member has an executive's "
                "response."
            )
        elif self.response or self.response_on:
            if not self.response:
                errors["response"] = "Say whether the executive accepted the recommendation."
            if not self.response_on:
                errors["response_on"] = "Enter the date of the executive's response."
            elif self.response_on < made_on:
                errors["response_on"] = (
                    f"The response cannot be before the recommendation ({made_on:%-d %B %Y})."
                )
            elif self.response_on > timezone.localdate():
                errors["response_on"] = "The date of the response cannot be in the future."
        if errors:
            raise ValidationError(errors)


class ProgressNote(models.Model):
    """A dated note of what has been done on a tracked decision."""

    decision = models.ForeignKey(TrackedDecision, on_delete=models.CASCADE, related_name="notes")
    on = models.DateField(verbose_name="date")
    text = models.TextField(verbose_name="progress")
    completes = models.BooleanField(
        default=False,
        verbose_name="This completes the decision",
        help_text="The decision has been carried out.",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = ChangeHistory()

    class Meta:
        ordering = ["decision", "on", "pk"]

    def __str__(self):
        return f"{self.on:%-d %B %Y}: {self.text[:60]}"

    def clean(self):
        if self.on and self.on > timezone.localdate():
            raise ValidationError({"on": "A progress note cannot be dated in the future."})
        if self.on and self.decision_id and self.on < self.decision.made_on:
            raise ValidationError(
                {
                    "on": "A progress note cannot be dated before the decision was made "
                    f"({self.decision.made_on:%-d %B %Y})."
                }
            )
