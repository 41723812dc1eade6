"""What an agenda item carries: its documents, a report's cover sheet and background papers."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from committees.models.meetings import AgendaItem
from committees.models.mixins import (
    ChangeHistory,
    ExemptMixin,
    VersionedMixin,
    exemption_constraints,
)
from committees.models.people import Councillor, Officer
from committees.sanitise import sanitise_html


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
    upload_name = models.CharField(
        max_length=255,
        blank=True,
        verbose_name="uploaded file",
        help_text="The uploaded PDF's own name, as it was on the computer it came from.",
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
    history = ChangeHistory()

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
    history = ChangeHistory(m2m_fields=[authors])

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
    history = ChangeHistory()

    class Meta:
        ordering = ["cover", "position", "pk"]
        constraints = exemption_constraints("background_paper")

    def __str__(self):
        return self.title
