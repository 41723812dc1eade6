"""Programmes that report to a committee again and again: their drivers and workstreams, the
areas the committee asked them to cover, and each dated update with every workstream's status."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from committees.models import Committee, Councillor, Meeting, Officer
from committees.sanitise import sanitise_html


class Programme(models.Model):
    """A transformation programme with a lead member, a lead director and a purpose."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text="The committee it reports to.",
    )
    lead_member = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_director = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("workprogramme:programme_history", args=[self.slug])


class Driver(models.Model):
    """Something the programme responds to: 'Customer expectations'."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="drivers")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["programme", "position", "pk"]

    def __str__(self):
        return self.title


class Workstream(models.Model):
    """A strand of the programme's work: a workstream proper, or an enabler (digital,
    accommodation…)."""

    class Kind(models.TextChoices):
        WORKSTREAM = "workstream", "Workstream"
        ENABLER = "enabler", "Enabler"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workstreams")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.WORKSTREAM)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["programme", "position", "pk"]

    def __str__(self):
        return self.title


class RequestedArea(models.Model):
    """Something a committee asked a programme's updates to cover."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="requested_areas"
    )
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField()
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["programme", "requested_on", "position", "pk"]

    def __str__(self):
        return self.text


class ProgrammeUpdate(models.Model):
    """A dated update on a programme, presented at a meeting."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="updates")
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_updates",
        help_text="The meeting it is presented at.",
    )
    dated = models.DateField()
    summary = models.TextField(blank=True, help_text="Rich text, sanitised when saved.")

    class Meta:
        ordering = ["programme", "dated", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "dated"],
                name="one_programme_update_a_day",
                violation_error_message="The programme already has an update of that date.",
            )
        ]

    def __str__(self):
        return f"{self.programme}: update of {self.dated:%-d %B %Y}"

    def save(self, *args, **kwargs):
        self.summary = sanitise_html(self.summary)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.programme.get_absolute_url() + f"#update-{self.pk}"

    def clean(self):
        if (
            self.meeting_id
            and self.programme_id
            and self.meeting.committee_id != self.programme.committee_id
        ):
            raise ValidationError(
                {"meeting": f"{self.meeting} is not a meeting of {self.programme.committee}."}
            )


class WorkstreamStatus(models.Model):
    """One workstream's status at an update: red, amber or green (always with its word), or
    closed, with the narrative and next steps."""

    class Status(models.TextChoices):
        GREEN = "green", "Green: on track"
        AMBER = "amber", "Amber: at risk"
        RED = "red", "Red: off track"
        CLOSED = "closed", "Closed"

    update = models.ForeignKey(ProgrammeUpdate, on_delete=models.CASCADE, related_name="statuses")
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=10, choices=Status.choices)
    narrative = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)

    class Meta:
        ordering = ["update", "workstream__position", "workstream__pk"]
        verbose_name_plural = "workstream statuses"
        constraints = [
            models.UniqueConstraint(
                fields=["update", "workstream"], name="one_status_per_workstream_and_update"
            )
        ]

    # GOV.UK tag colours, always beside the status's words (never colour alone).
    TAGS = {"green": "green", "amber": "orange", "red": "red", "closed": "grey"}

    def __str__(self):
        return f"{self.workstream}: {self.get_status_display()}"

    @property
    def tag(self):
        return self.TAGS[self.status]

    def clean(self):
        if (
            self.workstream_id
            and self.update_id
            and self.workstream.programme_id != self.update.programme_id
        ):
            raise ValidationError({"workstream": "That workstream is another programme's."})


class AreaAnswer(models.Model):
    """What an update says on one of the areas the committee asked for."""

    update = models.ForeignKey(ProgrammeUpdate, on_delete=models.CASCADE, related_name="answers")
    area = models.ForeignKey(RequestedArea, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(help_text="Rich text, sanitised when saved.")

    class Meta:
        ordering = ["update", "area__position", "area__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["update", "area"], name="one_answer_per_area_and_update"
            )
        ]

    def __str__(self):
        return f"{self.update}: {self.area}"

    def save(self, *args, **kwargs):
        self.text = sanitise_html(self.text)
        super().save(*args, **kwargs)
