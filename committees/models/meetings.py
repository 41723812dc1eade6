"""Meetings and the items of business on their agendas."""

import itertools
import string

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber, TruncDate
from django.urls import reverse
from django.utils import timezone

from committees.models.bodies import Committee, Membership, MunicipalYear
from committees.models.council import Venue
from committees.models.mixins import (
    ChangeHistory,
    ExemptMixin,
    VersionedMixin,
    exemption_constraints,
)
from committees.publication import latest_publication_date


def _count_per_meeting(items):
    """How many of `items` belong to the meeting of the outer query, as a subquery."""
    counted = (
        items.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def published(self):
        """Meetings whose agenda the public may read."""
        return self.filter(published_on__isnull=False)

    def in_month(self, year, month):
        return self.filter(starts_at__year=year, starts_at__month=month).order_by("starts_at")

    def with_committee(self):
        """With what a list of meetings shows: the committee, venue and the minutes' status."""
        return self.select_related(
            "committee", "venue", "municipal_year", "minutes__confirmed_by__minutes__meeting"
        )

    def same_start_as(self, meeting):
        """Other meetings of `meeting`'s committee that start when it does."""
        return self.filter(committee=meeting.committee_id, starts_at=meeting.starts_at).exclude(
            pk=meeting.pk
        )

    def sat_on_by(self, user):
        """Meetings of the committees on which `user`'s councillor sits on the meeting's date:
        those whose restricted pack they may read (`roles.can_read_restricted`)."""
        return self.alias(day=TruncDate("starts_at")).filter(
            Exists(
                Membership.objects.filter(
                    committee=OuterRef("committee_id"), councillor__user=user.pk
                ).current_on(OuterRef("day"))
            )
        )

    def with_agenda_readiness(self):
        """Annotate the counts an officer's dashboard shows for each meeting: items that still
        need a report (`AgendaItemQuerySet.without_reports`) and items To Follow."""
        return self.annotate(
            items_without_reports=_count_per_meeting(AgendaItem.objects.without_reports()),
            items_to_follow=_count_per_meeting(AgendaItem.objects.filter(to_follow=True)),
        )


class Meeting(VersionedMixin):
    """One sitting of a committee."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        POSTPONED = "postponed", "Postponed"
        CANCELLED = "cancelled", "Cancelled"

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    municipal_year = models.ForeignKey(
        MunicipalYear,
        on_delete=models.PROTECT,
        related_name="meetings",
        editable=False,
        help_text="Set from the meeting date.",
    )
    starts_at = models.DateTimeField(help_text="Date and start time.")
    venue = models.ForeignKey(Venue, null=True, blank=True, on_delete=models.PROTECT)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    status_reason = models.TextField(
        blank=True, help_text="Why the meeting was postponed or cancelled; shown to the public."
    )
    webcast = models.BooleanField(default=False, help_text="The meeting is filmed for the web.")
    webcast_url = models.URLField(blank=True)
    published_on = models.DateField(
        null=True, blank=True, help_text="Date the agenda was published."
    )
    history = ChangeHistory()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        get_latest_by = "starts_at"

    def __str__(self):
        return f"{self.committee}, {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs):
        # Derived on every save, so a meeting moved to another date moves year with it.
        self.municipal_year = self.find_municipal_year()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("committees:meeting", args=[self.pk])

    def get_officer_url(self):
        return reverse("officer:meeting", args=[self.pk])

    @property
    def date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def start_time(self):
        return timezone.localtime(self.starts_at).time()

    @property
    def publication_deadline(self):
        """The latest lawful date to publish the agenda (five clear working days)."""
        return latest_publication_date(self.date)

    @property
    def is_published(self):
        """The agenda has been published; it stays public if the meeting is later cancelled."""
        return self.published_on is not None

    def clean(self):
        if self.starts_at:
            self.municipal_year = self.find_municipal_year()

    def find_municipal_year(self):
        year = MunicipalYear.objects.covering(self.date).first()
        if year is None:
            raise ValidationError(
                {
                    "starts_at": f"No municipal year covers {self.date:%-d %B %Y}. "
                    "Add the municipal year first."
                }
            )
        return year


def appendix_letters():
    """A, B, … Z, then AA, AB, …: the letters of an item's appendices, in order."""
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_uppercase, repeat=length):
            yield "".join(letters)


class AgendaItemQuerySet(models.QuerySet):
    def numbered(self):
        """Items in agenda order with `number` 1, 2, … computed from position.

        Exempt (Part II) items come after the public ones, under the resolution to exclude
        the press and public, as councils order them.
        """
        return self.annotate(
            number=Window(
                RowNumber(),
                partition_by=[F("meeting_id")],
                order_by=[F("exempt"), F("position"), F("pk")],
            )
        ).order_by("meeting_id", "exempt", "position", "pk")

    def without_reports(self):
        """Items that still need a report: the SQL twin of `AgendaItem.needs_report`."""
        return self.filter(documents__isnull=True, standing_text="", to_follow=False, verbal=False)


class AgendaItem(ExemptMixin, VersionedMixin):
    """A numbered item of business on a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(
        default=0, help_text="Order on the agenda; the item number is derived from it."
    )
    title = models.CharField(max_length=300)
    standing_text = models.TextField(
        blank=True,
        help_text="Text printed under the title, e.g. 'To receive apologies for non-attendance "
        "submitted by Councillors.'",
    )
    to_follow = models.BooleanField(
        default=False, help_text="The report will be published in a supplement."
    )
    verbal = models.BooleanField(default=False, help_text="Presented orally; no written report.")
    history = ChangeHistory()

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            *exemption_constraints("agenda_item"),
            models.CheckConstraint(
                condition=~Q(to_follow=True, verbal=True),
                name="agenda_item_not_both_to_follow_and_verbal",
                violation_error_message="An item is either To Follow or Verbal, not both.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def needs_report(self):
        """The item has no document, and nothing stands in for one: no standing text, not To
        Follow (a supplement will bring it), not Verbal. The agenda is not published while an
        item needs a report. `AgendaItemQuerySet.without_reports` is the same rule in SQL.

        Reads `documents` through any prefetch: prefetch them when asking of many items.
        """
        return not (self.standing_text or self.to_follow or self.verbal or self.documents.all())

    def lettered_documents(self):
        """[(document, appendix letter), …] in order; the letter is "" but for an appendix.

        Appendices are lettered A, B, … in the order they follow the report, as the pack and the
        report's cover sheet letter them; a generated document after a report is one of its
        appendices too (the revenue monitor of a finance report). Reads `documents` through any
        prefetch.
        """
        letters = appendix_letters()
        lettered, after_report = [], False
        for document in self.documents.all():
            after_report = after_report or document.kind == document.Kind.REPORT
            appendix = document.kind == document.Kind.APPENDIX or (
                after_report and document.kind == document.Kind.GENERATED
            )
            lettered.append((document, next(letters) if appendix else ""))
        return lettered
