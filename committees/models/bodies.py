"""The bodies that meet: committees, their responsibilities and standing items, their members
by municipal year."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import slugify

from committees.models.council import CorporatePlanPriority, Venue
from committees.models.people import Councillor, Officer


class CommitteeQuerySet(models.QuerySet):
    def scrutiny(self):
        return self.filter(kind=Committee.Kind.OVERVIEW_SCRUTINY)


class MinuteNumbering(models.TextChoices):
    CONTINUOUS = "continuous", "Run on continuously"
    YEARLY = "yearly", "Restart at 1 each municipal year"


class Committee(models.Model):
    """A council body that meets: a scrutiny committee, a board, the cabinet, full council."""

    class Kind(models.TextChoices):
        OVERVIEW_SCRUTINY = "overview_scrutiny", "Overview and scrutiny committee"
        MANAGEMENT_BOARD = "management_board", "Scrutiny management board"
        SCRUTINY_BOARD = "scrutiny_board", "Scrutiny board"
        SELECT_COMMITTEE = "select_committee", "Select committee"
        CABINET = "cabinet", "Cabinet"
        FULL_COUNCIL = "full_council", "Full council"
        OTHER = "other", "Other committee"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Name as used in the corporate plan mapping, e.g. 'Performance, Finance and "
        "Customer Focus'.",
    )
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OVERVIEW_SCRUTINY)
    terms_of_reference = models.TextField(blank=True)
    priorities = models.ManyToManyField(
        CorporatePlanPriority, blank=True, related_name="committees"
    )
    default_venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.SET_NULL)
    default_start_time = models.TimeField(null=True, blank=True)
    contact = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committees_supported",
        help_text="Democratic support officer named under 'Please ask for'.",
    )
    minute_numbering = models.CharField(
        max_length=20,
        choices=MinuteNumbering.choices,
        default=MinuteNumbering.CONTINUOUS,
        help_text="Whether minute numbers run on from meeting to meeting or restart each "
        "municipal year.",
    )
    first_minute_number = models.PositiveIntegerField(
        default=1,
        help_text="The number of the first minute recorded here (under yearly numbering, of each "
        "year's first minute).",
    )

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("committees:committee", args=[self.slug])

    @property
    def mapping_name(self):
        return self.short_name or self.name


class Responsibility(models.Model):
    """One of a committee's current areas of responsibility."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="responsibilities"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["committee", "position", "pk"]
        verbose_name_plural = "responsibilities"

    def __str__(self):
        return self.title


class StandingItem(models.Model):
    """An item every agenda of a committee carries: apologies and declarations at the start,
    the work programme and tracking decisions at the end."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="standing_items"
    )
    at_end = models.BooleanField(
        default=False, help_text="Placed after the business items rather than before them."
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    standing_text = models.TextField(blank=True)

    class Meta:
        ordering = ["committee", "at_end", "position", "pk"]

    def __str__(self):
        return self.title


class MunicipalYearQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(start_date__lte=day, end_date__gte=day)


class MunicipalYear(models.Model):
    """A council year, from the annual meeting in May to the next: '2019/2020'."""

    label = models.CharField(max_length=20, unique=True)
    start_date = models.DateField()
    end_date = models.DateField()

    objects = MunicipalYearQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")), name="municipal_year_ends_after_start"
            )
        ]

    def __str__(self):
        return self.label

    def clean(self):
        if self.start_date and self.end_date:
            if self.end_date <= self.start_date:
                raise ValidationError({"end_date": "The year must end after it starts."})
            overlapping = MunicipalYear.objects.filter(
                start_date__lte=self.end_date, end_date__gte=self.start_date
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    f"These dates overlap the municipal year {overlapping.first()}."
                )


class MembershipQuerySet(models.QuerySet):
    def current_on(self, day):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=day), start_date__lte=day)

    def by_role(self):
        """Chair first, then vice chair, members and co-opted members, each by name."""
        order = models.Case(
            *[
                models.When(role=role, then=models.Value(rank))
                for rank, role in enumerate(Membership.Role.values)
            ]
        )
        return self.alias(role_rank=order).order_by("role_rank", "councillor__sort_name")


class Membership(models.Model):
    """A councillor's seat on a committee, with a role, for a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice Chair"
        MEMBER = "member", "Member"
        COOPTED = "coopted", "Co-opted member"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    councillor = models.ForeignKey(Councillor, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Blank while the seat is held.")

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "start_date", "councillor__sort_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.councillor} – {self.get_role_display()}, {self.committee}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A membership cannot end before it starts."})
        if (
            self.role in (self.Role.CHAIR, self.Role.VICE_CHAIR)
            and self.committee_id
            and self.start_date
        ):
            overlapping = Membership.objects.filter(
                committee=self.committee_id, role=self.role
            ).exclude(pk=self.pk)
            if self.end_date:
                overlapping = overlapping.filter(start_date__lte=self.end_date)
            overlapping = overlapping.filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.start_date)
            ).select_related("councillor")
            clash = overlapping.first()
            if clash:
                raise ValidationError(
                    {
                        "role": f"{clash.councillor} is already {self.get_role_display().lower()} "
                        f"of {self.committee} from {clash.start_date:%-d %B %Y}; a committee has "
                        "one at a time."
                    }
                )
