"""The record of a meeting: who attended, the numbered minutes and what the committee decided,
declarations of interest, and the minutes' confirmation at a later meeting.

What the minutes say is held here; the rules that number them, confirm them and check
attendance against membership live in `committees.minutes`, and the officer's changes go
through `committees.services.minutes`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from committees.models.meetings import AgendaItem, Meeting
from committees.models.mixins import (
    ChangeHistory,
    ExemptMixin,
    VersionedMixin,
    exemption_constraints,
)
from committees.models.people import Councillor, Officer
from committees.sanitise import sanitise_html


class MinutesQuerySet(models.QuerySet):
    def public(self):
        """Minutes the public reads: published as a draft, or confirmed."""
        return self.exclude(status=Minutes.Status.DRAFT)


class Minutes(VersionedMixin):
    """The minutes of one meeting: written as a draft, published with the council's caveat,
    confirmed at a later meeting of the same committee, and locked from then on."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft, not yet published"
        PUBLISHED = "published", "Published as a draft"
        CONFIRMED = "confirmed", "Confirmed"

    # Kept for at least six years (LGA 1972 s.100C): a meeting with minutes cannot be deleted.
    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    started_at = models.TimeField(null=True, blank=True, verbose_name="meeting started at")
    finished_at = models.TimeField(null=True, blank=True, verbose_name="meeting finished at")
    published_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Date the draft minutes were published."
    )
    confirmed_by = models.OneToOneField(
        "MinuteEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        editable=False,
        related_name="confirms",
        help_text="The minute of a later meeting at which the committee agreed these minutes.",
    )
    history = ChangeHistory()

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "minutes"
        constraints = [
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(finished_at__gt=models.F("started_at")),
                name="minutes_finish_after_start",
                violation_error_message="The meeting cannot finish before it started.",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_by__isnull=False),
                name="confirmed_minutes_name_their_confirmation",
            ),
        ]

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT

    @property
    def is_locked(self):
        """Confirmed minutes change only by an explicit amendment with its reason."""
        return self.status == self.Status.CONFIRMED

    def clean(self):
        if self.started_at and self.finished_at and self.finished_at <= self.started_at:
            raise ValidationError({"finished_at": "The meeting cannot finish before it started."})


class Attendance(models.Model):
    """One person's part in a meeting: a member present (or substituting), a member's
    apologies or absence, or someone else in attendance in a named capacity."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        SUBSTITUTE = "substitute", "Present as a substitute"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        IN_ATTENDANCE = "in_attendance", "Also in attendance"

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices)
    councillor = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.PROTECT, related_name="attendance"
    )
    officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="attendance"
    )
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="For someone with no councillor or officer record: a co-opted representative, "
        "a witness.",
    )
    capacity = models.CharField(
        max_length=200,
        blank=True,
        help_text="In what capacity: 'Vice Chair', 'Co-opted representative', 'Cabinet Member "
        "for Finance', 'Democratic Advisor'.",
    )
    in_the_chair = models.BooleanField(default=False, help_text="Took the chair at this meeting.")
    substitute_for = models.ForeignKey(
        Councillor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_by",
        help_text="The member whose place a substitute took.",
    )
    history = ChangeHistory()

    class Meta:
        ordering = ["minutes", "status", "pk"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "councillor"],
                condition=Q(councillor__isnull=False),
                name="attendance_one_record_per_councillor",
                violation_error_message="A councillor is recorded once per meeting: present, "
                "substituting, giving apologies or absent.",
            ),
            models.UniqueConstraint(
                fields=["minutes", "officer"],
                condition=Q(officer__isnull=False),
                name="attendance_one_record_per_officer",
            ),
            models.CheckConstraint(
                condition=Q(status="substitute", substitute_for__isnull=False)
                | (~Q(status="substitute") & Q(substitute_for__isnull=True)),
                name="attendance_substitute_names_member",
            ),
            models.CheckConstraint(
                condition=Q(councillor__isnull=False) | Q(officer__isnull=False) | ~Q(name=""),
                name="attendance_names_someone",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    @property
    def person(self):
        return self.councillor or self.officer or self.name

    def clean(self):
        if not (self.councillor_id or self.officer_id or self.name):
            raise ValidationError("Choose a councillor or an officer, or give a name.")
        if self.status == self.Status.SUBSTITUTE and not self.substitute_for_id:
            raise ValidationError({"substitute_for": "Say whose place the substitute took."})
        if self.status != self.Status.SUBSTITUTE and self.substitute_for_id:
            raise ValidationError(
                {"substitute_for": "Only a substitute takes another member's place."}
            )
        if self.substitute_for_id and self.substitute_for_id == self.councillor_id:
            raise ValidationError(
                {"substitute_for": "A councillor cannot substitute for themselves."}
            )


class MinuteEntry(ExemptMixin, VersionedMixin):
    """One numbered minute: what the committee heard and did on an item of business.

    Its number is computed (`committees.minutes.minute_numbers`) from the committee's numbering
    scheme while the minutes are a draft, and kept in `number` once they are confirmed, so that
    confirmed minutes never renumber.
    """

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="entries")
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minute_entries",
        help_text="The agenda item minuted; blank for business taken without one.",
    )
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text="Rich text, sanitised when saved.")
    urgency_reason = models.TextField(
        blank=True,
        help_text="For an urgent item: the chair's reason for taking it as a matter of urgency.",
    )
    number = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="Kept when the minutes are confirmed."
    )
    history = ChangeHistory()

    class Meta:
        ordering = ["minutes", "position", "pk"]
        verbose_name_plural = "minute entries"
        constraints = exemption_constraints("minute_entry")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text = sanitise_html(self.text)
        super().save(*args, **kwargs)


class Outcome(models.Model):
    """What the committee did on a minute: noted, resolved, recommended, requested, or agreed
    to schedule topics on its work programme. The outcomes that ask something of someone are
    the ones a decision tracker follows up."""

    class Kind(models.TextChoices):
        NOTED = "noted", "Noted"
        RESOLVED = "resolved", "Resolved / agreed"
        RECOMMENDED = "recommended", "Recommended"
        REQUESTED = "requested", "Requested"
        SCHEDULED = "scheduled", "Agreed to schedule"

    class Recipient(models.TextChoices):
        CABINET = "cabinet", "Cabinet"
        COUNCIL = "council", "Full Council"
        CABINET_MEMBER = "cabinet_member", "A cabinet member"
        OFFICER = "officer", "A named officer"
        OTHER = "other", "Another body"

    ASKING = (Kind.RECOMMENDED, Kind.REQUESTED)

    entry = models.ForeignKey(MinuteEntry, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(help_text="As minuted: 'The Committee requested …'.")
    recipient = models.CharField(
        max_length=20,
        choices=Recipient.choices,
        blank=True,
        help_text="To whom a recommendation is made, or of whom a request.",
    )
    councillor = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recipient_name = models.CharField(
        max_length=200, blank=True, help_text="For another body: its name."
    )
    due_by = models.DateField(null=True, blank=True, help_text="By when, if the minute says.")
    topics = models.TextField(
        blank=True, help_text="For 'agreed to schedule': the topics, one a line."
    )
    history = ChangeHistory()

    class Meta:
        ordering = ["entry", "position", "pk"]

    def __str__(self):
        return self.text

    @property
    def recipient_described(self):
        """'Cabinet', 'Paul Looby (Head of Financial Planning and Reporting)', …; '' if none."""
        match self.recipient:
            case self.Recipient.OFFICER:
                return self.officer.described if self.officer else ""
            case self.Recipient.CABINET_MEMBER:
                return self.councillor.described if self.councillor else ""
            case self.Recipient.OTHER:
                return self.recipient_name
        return self.get_recipient_display()

    @property
    def topic_list(self):
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    def clean(self):
        errors = {}
        if self.kind in self.ASKING and not self.recipient:
            verb = "recommended to" if self.kind == self.Kind.RECOMMENDED else "requested of"
            errors["recipient"] = f"Say who this is {verb}."
        if self.recipient == self.Recipient.OFFICER and not self.officer_id:
            errors["officer"] = "Choose the officer."
        if self.recipient == self.Recipient.CABINET_MEMBER and not self.councillor_id:
            errors["councillor"] = "Choose the cabinet member."
        if self.recipient == self.Recipient.OTHER and not self.recipient_name:
            errors["recipient_name"] = "Name the body."
        if self.kind == self.Kind.SCHEDULED and not self.topic_list:
            errors["topics"] = "List the topics the committee agreed to schedule, one a line."
        if self.kind not in self.ASKING and self.recipient:
            errors["recipient"] = "Only a recommendation or a request is made to someone."
        if errors:
            raise ValidationError(errors)


class Declaration(models.Model):
    """A member's declaration of interest in an item of business."""

    class Kind(models.TextChoices):
        DISCLOSABLE_PECUNIARY = "dpi", "Disclosable pecuniary interest"
        OTHER_REGISTRABLE = "registrable", "Other registrable interest"
        NON_REGISTRABLE = "non_registrable", "Non-registrable interest"

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="declarations")
    councillor = models.ForeignKey(
        Councillor, on_delete=models.PROTECT, related_name="declarations"
    )
    entry = models.ForeignKey(
        MinuteEntry,
        on_delete=models.CASCADE,
        related_name="declarations",
        verbose_name="item",
        help_text="The item of business the interest is in.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(help_text="The interest, as declared.")
    left_room = models.BooleanField(
        default=False, help_text="The member left the room for the item."
    )
    history = ChangeHistory()

    class Meta:
        ordering = ["minutes", "entry__position", "councillor__sort_name", "pk"]

    def __str__(self):
        return f"{self.councillor}: {self.get_kind_display()}"


class Amendment(models.Model):
    """A correction to minutes, at their confirmation or later: what changed and why, in the
    minutes' history and on their public page."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="amendments")
    made_at = models.ForeignKey(
        "MinuteEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments_made",
        help_text="The minute of the meeting that agreed the correction, if one did.",
    )
    made_on = models.DateField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.TextField(help_text="What was corrected.")
    reason = models.TextField(help_text="Why: shown with the minutes.")

    class Meta:
        ordering = ["minutes", "made_on", "pk"]

    def __str__(self):
        return f"Amendment to {self.minutes}, {self.made_on:%-d %B %Y}"
