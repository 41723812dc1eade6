"""The democracy record: the council, its people, committees, meetings, agendas and reports."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from committees import exemption
from committees.publication import latest_publication_date
from committees.sanitise import sanitise_html


def exemption_constraints(prefix):
    """Database guards: an exempt record names a paragraph 1–7, a public one names none."""
    return [
        models.CheckConstraint(
            condition=Q(exempt=False, exempt_paragraph__isnull=True)
            | Q(
                exempt=True,
                exempt_paragraph__isnull=False,
                exempt_paragraph__gte=1,
                exempt_paragraph__lte=7,
            ),
            name=f"{prefix}_exempt_has_paragraph_1_to_7",
        )
    ]


class ExemptMixin(models.Model):
    """Part I / Part II status shared by items, documents and background papers."""

    exempt = models.BooleanField(
        default=False,
        verbose_name="exempt (Part II)",
        help_text="Not for publication: kept from the public pack, pages, search and feeds.",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=exemption.FIELD_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        verbose_name="Schedule 12A paragraph",
        help_text="The paragraph of Schedule 12A to the Local Government Act 1972 (1–7) that "
        "makes this exempt.",
    )

    class Meta:
        abstract = True

    @property
    def confidentiality(self):
        """'Part I - Official', or 'Part II - Not for publication (Schedule 12A, paragraph 3)'."""
        return exemption.confidentiality(self.exempt, self.exempt_paragraph)

    def clean(self):
        if self.exempt and self.exempt_paragraph is None:
            raise ValidationError(
                {"exempt_paragraph": "Choose the Schedule 12A paragraph that makes this exempt."}
            )
        if not self.exempt and self.exempt_paragraph is not None:
            raise ValidationError(
                {"exempt_paragraph": "Only an exempt (Part II) record takes a paragraph."}
            )
        if self.exempt_paragraph is not None and not 1 <= self.exempt_paragraph <= 7:
            raise ValidationError({"exempt_paragraph": "Schedule 12A has paragraphs 1 to 7 only."})


class VersionedMixin(models.Model):
    """A counter that each save through a service bumps, so that two editors cannot silently
    overwrite each other (the second save names the version it started from and is refused)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Council(models.Model):
    """The council this portal serves: one row, edited in the admin."""

    name = models.CharField(max_length=200)
    department = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown on the front sheet, e.g. 'Oversight and Governance'.",
    )
    address = models.TextField(help_text="Postal address, one line per line.")
    web_address = models.URLField()
    chief_executive = models.CharField(max_length=200, help_text="Name that signs the front sheet.")
    democratic_services_email = models.EmailField(blank=True)
    democratic_services_phone = models.CharField(max_length=40, blank=True)
    webcast_notice = models.TextField(
        blank=True, help_text="Printed on the front sheet of meetings that are webcast."
    )
    data_protection_notice = models.TextField(blank=True)
    engagement_url = models.URLField(
        blank=True, help_text="Page on attending meetings and engaging in the democratic process."
    )

    class Meta:
        verbose_name_plural = "council"

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()


class Councillor(models.Model):
    """An elected member, named as the council's papers style them."""

    name = models.CharField(
        max_length=100, help_text="As styled in papers after 'Councillor': 'Kelly', 'Mrs Johnson'."
    )
    full_name = models.CharField(
        max_length=200, blank=True, help_text="Forename and surname, e.g. 'Mark Lowry'."
    )
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    sort_name = models.CharField(
        max_length=100, editable=False, help_text="Surname, for lists: 'Mrs Johnson' sorts as J."
    )
    party = models.CharField(max_length=100, blank=True)
    ward = models.CharField(max_length=100, blank=True)
    portfolio = models.CharField(
        max_length=200, blank=True, help_text="Cabinet role, e.g. 'Cabinet Member for Finance'."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["sort_name", "name"]

    def __str__(self):
        return f"Councillor {self.full_name or self.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.full_name or self.name)
        self.sort_name = self.name.split()[-1].lower() if self.name.strip() else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("committees:councillor", args=[self.slug])

    @property
    def described(self):
        """'Councillor Mark Lowry (Cabinet Member for Finance)', as on a report's cover sheet."""
        return f"{self} ({self.portfolio})" if self.portfolio else str(self)


class Officer(models.Model):
    """A council officer: report author, director or democratic support officer."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def described(self):
        """'Paul Looby (Head of Financial Planning and Reporting)'."""
        return f"{self.name} ({self.job_title})"


class CorporatePlanPriority(models.Model):
    """A priority of the council's corporate plan that committees map to."""

    title = models.CharField(max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name_plural = "corporate plan priorities"

    def __str__(self):
        return self.title


class Venue(models.Model):
    """A room where meetings are held."""

    name = models.CharField(max_length=200, help_text="e.g. 'Warspite Room, Council House'.")
    address = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CommitteeQuerySet(models.QuerySet):
    def scrutiny(self):
        return self.filter(kind=Committee.Kind.OVERVIEW_SCRUTINY)


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
        return self.select_related("committee", "venue", "municipal_year")

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
    history = HistoricalRecords()

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
    history = HistoricalRecords()

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


class Document(ExemptMixin, VersionedMixin):
    """One document in an agenda item: a report, an appendix, or one generated from data.

    Generated documents (minutes, a revenue monitor, the work programme…) name a generator in
    the pack registry; the app that owns the data renders them.
    """

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        APPENDIX = "appendix", "Appendix"
        GENERATED = "generated", "Generated from data"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPORT)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True, help_text="Rich text, sanitised when saved.")
    upload = models.FileField(
        upload_to="documents/%Y/%m/",
        blank=True,
        help_text="An uploaded PDF appendix, merged into the pack at its place.",
    )
    upload_pages = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="Page count of an uploaded PDF."
    )
    generator = models.CharField(
        max_length=60, blank=True, help_text="Key of the pack generator that renders this document."
    )
    generator_record = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The record the generator renders (which revenue monitor, say), for the "
        "generators that ask for one.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "position", "pk"]
        constraints = [
            *exemption_constraints("document"),
            models.CheckConstraint(
                condition=~Q(kind="generated") | ~Q(generator=""),
                name="generated_document_names_generator",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitise_html(self.body)
        super().save(*args, **kwargs)

    def cover_authors_users(self):
        """Users of the officers named as authors on this document's cover sheet."""
        return get_user_model().objects.filter(officer__reports_written__document=self)

    def clean(self):
        super().clean()
        if self.kind == self.Kind.GENERATED and not self.generator:
            raise ValidationError({"generator": "Choose what this document is generated from."})


class CoverSheet(models.Model):
    """The council's standard report cover sheet, for a document of kind 'report'."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, primary_key=True, related_name="cover"
    )
    lead_member = models.ForeignKey(
        Councillor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_director = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="lead strategic director",
    )
    authors = models.ManyToManyField(Officer, blank=True, related_name="reports_written")
    reference = models.CharField(max_length=60, blank=True, verbose_name="your reference")
    key_decision = models.BooleanField(default=False)
    purpose = models.TextField(blank=True, verbose_name="purpose of report")
    recommendations = models.TextField(blank=True, verbose_name="recommendations and reasons")
    alternatives = models.TextField(
        blank=True, verbose_name="alternative options considered and rejected"
    )
    corporate_plan_relevance = models.TextField(
        blank=True, verbose_name="relevance to the Corporate Plan and/or the Plymouth Plan"
    )
    financial_implications = models.TextField(
        blank=True,
        verbose_name="implications for the Medium Term Financial Plan and resource implications",
    )
    carbon_implications = models.TextField(
        blank=True, verbose_name="carbon footprint (environmental) implications"
    )
    other_implications = models.TextField(
        blank=True,
        verbose_name="other implications",
        help_text="e.g. health and safety, risk management, child poverty, equalities.",
    )
    finance_ref = models.CharField(max_length=60, blank=True, verbose_name="finance sign-off")
    legal_ref = models.CharField(max_length=60, blank=True, verbose_name="legal sign-off")
    monitoring_officer_ref = models.CharField(
        max_length=60, blank=True, verbose_name="monitoring officer sign-off"
    )
    hr_ref = models.CharField(max_length=60, blank=True, verbose_name="HR sign-off")
    assets_ref = models.CharField(max_length=60, blank=True, verbose_name="assets sign-off")
    procurement_ref = models.CharField(
        max_length=60, blank=True, verbose_name="strategic procurement sign-off"
    )
    originating_slt_member = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="originating senior leadership team member",
    )
    director_agreed_on = models.DateField(
        null=True, blank=True, help_text="Date the strategic director agreed the report."
    )
    cabinet_member_approved_on = models.DateField(
        null=True, blank=True, help_text="Date the cabinet member approved the report."
    )
    cabinet_member_approval_note = models.CharField(
        max_length=100, blank=True, help_text="e.g. 'approved by email'."
    )
    history = HistoricalRecords(m2m_fields=[authors])

    # The narrative sections and sign-offs in the order and wording of the council's template.
    SECTIONS = [
        ("purpose", "Purpose of Report"),
        ("recommendations", "Recommendations and Reasons"),
        ("alternatives", "Alternative options considered and rejected"),
        ("corporate_plan_relevance", "Relevance to the Corporate Plan and/or the Plymouth Plan"),
        (
            "financial_implications",
            "Implications for the Medium Term Financial Plan and Resource Implications",
        ),
        ("carbon_implications", "Carbon Footprint (Environmental) Implications"),
        (
            "other_implications",
            "Other Implications: e.g. Health and Safety, Risk Management, Child Poverty",
        ),
    ]
    SIGN_OFFS = [
        ("finance_ref", "Finance"),
        ("legal_ref", "Legal"),
        ("monitoring_officer_ref", "Monitoring Officer"),
        ("hr_ref", "HR"),
        ("assets_ref", "Assets"),
        ("procurement_ref", "Strategic Procurement"),
    ]

    def __str__(self):
        return f"Cover sheet: {self.document}"

    @property
    def sections(self):
        return [(heading, getattr(self, name)) for name, heading in self.SECTIONS]

    @property
    def sign_offs(self):
        return [(label, getattr(self, name)) for name, label in self.SIGN_OFFS]

    def clean(self):
        if self.document_id and self.document.kind != Document.Kind.REPORT:
            raise ValidationError("Only a report has a cover sheet.")


class BackgroundPaper(ExemptMixin):
    """An unpublished work relied on in preparing a report (LGA 1972 s.100D)."""

    cover = models.ForeignKey(
        CoverSheet, on_delete=models.CASCADE, related_name="background_papers"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cover", "position", "pk"]
        constraints = exemption_constraints("background_paper")

    def __str__(self):
        return self.title


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
