"""Revenue monitoring as data: financial years, directorates, monitors and their lines and key
issues. The figures are entered; every budget, variation, movement and total is computed by
finance/arithmetic.py, never stored."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from finance import arithmetic

FIGURE = {"max_digits": 12, "decimal_places": 3}


class FinancialYearQuerySet(models.QuerySet):
    def covering(self, day: dt.date):
        return self.filter(start_year=day.year if day.month >= 4 else day.year - 1)


class FinancialYear(models.Model):
    """A council's financial year, 1 April to 31 March."""

    start_year = models.PositiveIntegerField(
        unique=True, help_text="The calendar year in which it starts on 1 April: 2019 for 2019/20."
    )

    objects = FinancialYearQuerySet.as_manager()

    class Meta:
        ordering = ["start_year"]

    def __str__(self):
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def start_date(self):
        return dt.date(self.start_year, 4, 1)

    @property
    def end_date(self):
        return dt.date(self.start_year + 1, 3, 31)

    def month_name(self, month: int) -> str:
        """Month 1 is April."""
        return dt.date(self.start_year, 3, 1).replace(month=(month + 2) % 12 + 1).strftime("%B")


class Directorate(models.Model):
    """A directorate as it stands in one financial year, with the budget council approved for it.

    Directorates are renamed and merged between years: `succeeds` says which of the year
    before's it carries on, so that year views can follow them.
    """

    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="directorates")
    name = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0, help_text="Its place in Table 1.")
    approved_budget = models.DecimalField(
        **FIGURE,
        null=True,
        blank=True,
        verbose_name="approved budget (£m)",
        help_text="Net budget approved at the budget-setting council meeting, the baseline "
        "its latest budget is reconciled to.",
    )
    succeeds = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="succeeded_by",
        help_text="The directorates of the year before that this one carries on (renamed or "
        "merged).",
    )

    class Meta:
        ordering = ["year", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["year", "name"], name="finance_directorate_unique")
        ]

    def __str__(self):
        return self.name


class Service(models.Model):
    """A service within a directorate, which a key issue may be about."""

    directorate = models.ForeignKey(Directorate, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["directorate", "name"]
        constraints = [
            models.UniqueConstraint(fields=["directorate", "name"], name="finance_service_unique")
        ]

    def __str__(self):
        return f"{self.directorate} – {self.name}"


class Monitor(models.Model):
    """The revenue monitoring position at one period of a financial year, presented to a
    committee as a generated document (finance.revenue_monitor) in an agenda item."""

    class Kind(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter"

    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="monitors")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MONTH)
    period = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="Month 1–12 (April is month 1) or quarter 1–4 of the financial year.",
    )
    working_balance = models.DecimalField(
        **FIGURE, null=True, blank=True, verbose_name="working balance (£m)"
    )
    savings_target = models.DecimalField(
        **FIGURE, null=True, blank=True, verbose_name="savings target (£m)"
    )
    savings_at_risk = models.DecimalField(
        **FIGURE, null=True, blank=True, verbose_name="savings at risk (£m)"
    )
    sample = models.BooleanField(
        default=False, help_text="Made-up figures (the demo's), said so wherever they are shown."
    )
    override_reason = models.TextField(
        blank=True,
        help_text="Why the monitor may be published although it does not reconcile; printed in "
        "the pack as a note.",
    )
    override_problems = models.JSONField(
        default=list,
        blank=True,
        help_text="The problems the override was recorded for: it lapses when they change.",
    )
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "kind", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "kind", "period"], name="finance_monitor_one_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period__gte=1)
                & (Q(kind="month", period__lte=12) | Q(kind="quarter", period__lte=4)),
                name="finance_monitor_period_in_year",
            ),
        ]

    def __str__(self):
        return f"Revenue monitor {self.year} – {self.period_label}"

    def get_absolute_url(self):
        return reverse("finance:monitor", args=[self.pk])

    @property
    def period_label(self):
        return f"{self.get_kind_display()} {self.period}"

    @property
    def end_month(self):
        """The month of the year (1 = April) the period ends in, to order months and quarters."""
        return self.period if self.kind == self.Kind.MONTH else self.period * 3

    @property
    def as_at(self):
        """The last month the period covers, as the report says it: "May 2019"."""
        month = self.year.month_name(self.end_month)
        return f"{month} {self.year.start_year + (1 if self.end_month > 9 else 0)}"

    def clean(self):
        if self.kind == self.Kind.QUARTER and self.period and self.period > 4:
            raise ValidationError({"period": "A quarter is 1, 2, 3 or 4."})
        if (
            self.year_id
            and Monitor.objects.filter(year=self.year, kind=self.kind, period=self.period)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"period": f"{self.year} already has a monitor for {self.period_label}."}
            )

    def previous(self):
        """The monitor before this one in the same financial year, or None at the first."""
        earlier = [m for m in self.year.monitors.all() if m.end_month < self.end_month]
        return max(earlier, key=lambda m: m.end_month, default=None)


class Line(models.Model):
    """One directorate's figures in a monitor, as the finance team reports them (£m)."""

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="lines")
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="lines")
    gross_expenditure = models.DecimalField(**FIGURE, verbose_name="gross expenditure (£m)")
    gross_income = models.DecimalField(
        **FIGURE,
        verbose_name="gross income (£m)",
        help_text="Negative, as Table 1 shows it in brackets.",
    )
    forecast_outturn = models.DecimalField(**FIGURE, verbose_name="forecast outturn (£m)")
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate__position", "directorate__name"]
        constraints = [
            models.UniqueConstraint(fields=["monitor", "directorate"], name="finance_line_unique"),
            models.CheckConstraint(
                condition=Q(gross_income__lte=0), name="finance_line_income_negative"
            ),
        ]

    def __str__(self):
        return f"{self.directorate} in {self.monitor}"

    def clean(self):
        if self.gross_income is not None and self.gross_income > 0:
            raise ValidationError(
                {"gross_income": "Gross income is negative: enter it as (1.234)."}
            )
        if (
            self.monitor_id
            and self.directorate_id
            and self.directorate.year_id != self.monitor.year_id
        ):
            raise ValidationError(
                {"directorate": f"{self.directorate} is not a directorate of {self.monitor.year}."}
            )

    @property
    def variation(self) -> Decimal:
        budget = arithmetic.budget(self.gross_expenditure, self.gross_income)
        return arithmetic.variation(self.forecast_outturn, budget)

    def row(self, previous_variation: Decimal | None = None) -> arithmetic.Row:
        return arithmetic.Row(
            name=self.directorate.name,
            expenditure=self.gross_expenditure,
            income=self.gross_income,
            outturn=self.forecast_outturn,
            previous_variation=previous_variation,
        )


class KeyIssue(models.Model):
    """A key issue behind a directorate's variation, with the corrective action (Table 3)."""

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="key_issues")
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, related_name="key_issues"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.PROTECT, related_name="key_issues"
    )
    position = models.PositiveSmallIntegerField(default=0)
    issue = models.TextField(help_text="What is happening, as the report's Table 3 says it.")
    variation = models.DecimalField(
        **FIGURE,
        null=True,
        blank=True,
        verbose_name="variation (£m)",
        help_text="Blank where the issue carries no figure of its own.",
    )
    action = models.TextField(blank=True, verbose_name="management corrective action")
    history = HistoricalRecords()

    class Meta:
        ordering = ["directorate__position", "directorate__name", "position", "pk"]

    def __str__(self):
        return f"{self.service or self.directorate}: {self.issue[:60]}"

    def clean(self):
        if (
            self.service_id
            and self.directorate_id
            and self.service.directorate_id != self.directorate_id
        ):
            raise ValidationError({"service": f"{self.service.name} is not in {self.directorate}."})
