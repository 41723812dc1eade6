"""What agenda items, documents and background papers share: Part I / Part II status with its
Schedule 12A paragraph, the version counter that refuses a silent overwrite, and the history of
their changes."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from committees import exemption


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


class ChangeHistory(HistoricalRecords):
    """django-simple-history's records, less the record of a save that changed nothing but the
    version counter (a report saved as it was, a cover sheet saved with its report).

    So every record of a change says what changed, and a record made after a publication means
    that the draft differs from what was published (committees.drafts).
    """

    UNCOMPARED = frozenset({"version"})

    def post_save(self, instance, created, using=None, **kwargs):
        if not created and not kwargs.get("raw", False) and self.unchanged(instance):
            return
        super().post_save(instance, created, using=using, **kwargs)

    def unchanged(self, instance):
        """`instance` holds what its latest record holds, the version counter aside."""
        latest = getattr(instance, self.manager_name).first()
        return latest is not None and all(
            getattr(instance, field.attname) == getattr(latest, field.attname)
            for field in self.fields_included(instance)
            if field.attname not in self.UNCOMPARED
        )
