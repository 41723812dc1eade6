"""A test-only app that puts a generated document into the pack, as finance/ and workprogramme/
will: a registration, its template and its context function (README, "Adding an app").

It is not installed: tests register `sample_rows()` for as long as they need it, with
`committees.packs.registry.registered`, and add TEMPLATES to the template directories.
"""

from dataclasses import dataclass
from pathlib import Path

from django import forms

from committees.models import Committee
from committees.packs.registry import GeneratedDocument, GeneratorContext

KEY = "tests.sample_rows"
LABEL = "Sample rows (test app)"
TEMPLATES = Path(__file__).parent / "templates"
# Printed only in the restricted pack.
EXEMPT_ROW = "CANARY-SAMPLE-ROW-4410"
# Printed only where the app's print CSS is applied: the PDF, not the HTML pack.
PRINT_MARK = "SAMPLE-PRINT-CSS-4452"
PRINT_CSS = f'.sample-rows caption::after {{ content: " {PRINT_MARK}"; }}'


@dataclass(frozen=True)
class Row:
    label: str
    amount: int
    exempt: bool = False


def rows_of(committee):
    """Sixty public rows, enough to run over a page, and one exempt row among them."""
    rows = [Row(f"{committee.short_name} row {n}", n * 100) for n in range(1, 61)]
    rows.insert(3, Row(f"{EXEMPT_ROW} commercially sensitive price", 999, exempt=True))
    return rows


def context(ctx: GeneratorContext):
    committee = Committee.objects.get(pk=ctx.record_id)
    # The public pack must not carry exempt rows: the generator leaves them out itself.
    rows = [row for row in rows_of(committee) if ctx.restricted or not row.exempt]
    return {"committee": committee, "rows": rows, "published_on": ctx.published_on}


def unreconciled(ctx: GeneratorContext):
    committee = Committee.objects.get(pk=ctx.record_id)
    return [f"The rows of {committee.short_name} do not add up to their total."]


def committee_field():
    return forms.ModelChoiceField(
        queryset=Committee.objects.order_by("name"),
        label="Rows of which committee",
        empty_label="Choose a committee",
        error_messages={"required": "Choose the committee whose rows the document shows."},
    )


def sample_rows(*, reconciles=True, print_css=PRINT_CSS):
    """The registration; `reconciles=False` gives it a problem that blocks publication."""
    return GeneratedDocument(
        key=KEY,
        label=LABEL,
        template="sample_app/_sample_rows.html",
        context=context,
        problems=None if reconciles else unreconciled,
        print_css=print_css,
        record_field=committee_field,
    )
