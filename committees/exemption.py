"""Part II: the information kept from the public, and how the portal words it.

Local Government Act 1972 s.100A(4): the press and public may be excluded from an item, and its
papers withheld (s.100B(2)), where it would disclose exempt information as described in Part 1
of Schedule 12A. Every exempt item, document or background paper names its paragraph.
"""

from dataclasses import dataclass

from django import forms

# Local Government Act 1972, Schedule 12A, Part 1: the seven descriptions of exempt information.
PARAGRAPHS = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations "
    "or negotiations, in connection with any labour relations matter.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice or make an order "
    "or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}

# What every form offers: each paragraph with its description, so that it is chosen by meaning.
PARAGRAPH_CHOICES = [
    (number, f"Paragraph {number}: {description}") for number, description in PARAGRAPHS.items()
]
# The model fields' own choices, as the migrations record them; forms replace them with
# PARAGRAPH_CHOICES (`paragraph_field`), so these labels are shown only in the history of changes.
FIELD_CHOICES = [(number, f"Paragraph {number}") for number in PARAGRAPHS]

# The council's report template words Part I and Part II so.
PART_I = "Part I - Official"
PART_II = "Part II - Not for publication"
CONFIDENTIALITY_CHOICES = [("False", PART_I), ("True", PART_II)]

STATUTE = "Part 1 of Schedule 12A to the Local Government Act 1972"


# The council's standard resolution, printed before the exempt items of every agenda: they are
# considered in private only once the committee has so resolved (LGA 1972 s.100A(4)).
EXCLUSION_HEADING = "Exclusion of the press and public"
EXCLUSION_RESOLUTION = (
    "The Committee is asked to agree that the press and public be excluded from the meeting for "
    "the following item(s) of business on the grounds that it (they) involve(s) the likely "
    "disclosure of exempt information as defined in paragraph(s) {paragraphs} of Part 1 of "
    "Schedule 12A of the Local Government Act 1972."
)
# Why an exempt item's number jumps to the end of the agenda, for those who build it.
NUMBERED_LAST = (
    "Exempt (Part II) items are numbered after all the public items, wherever they were added: "
    "the committee takes them last, once it has agreed to exclude the press and public."
)


@dataclass(frozen=True)
class Exclusion:
    """The resolution to exclude the press and public, before the agenda's first exempt item."""

    before: int  # the number of the first exempt item
    paragraphs: tuple[int, ...]
    heading: str = EXCLUSION_HEADING

    @property
    def resolution(self) -> str:
        *others, last = [str(number) for number in self.paragraphs]
        listed = f"{', '.join(others)} and {last}" if others else last
        return EXCLUSION_RESOLUTION.format(paragraphs=listed)


def exclusion(exempt_items) -> Exclusion | None:
    """The resolution for an agenda whose exempt items are `exempt_items`, (number, paragraph)
    pairs; None if it has none."""
    exempt_items = sorted(exempt_items)
    if not exempt_items:
        return None
    return Exclusion(
        before=exempt_items[0][0],
        paragraphs=tuple(sorted({paragraph for _, paragraph in exempt_items})),
    )


def confidentiality(exempt: bool, paragraph: int | None) -> str:
    """'Part I - Official', or 'Part II - Not for publication (Schedule 12A, paragraph 3)',
    as on a report's cover sheet."""
    if exempt:
        return f"{PART_II} (Schedule 12A, paragraph {paragraph})"
    return PART_I


def exempt_under(paragraph: int) -> str:
    """'paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972': the ground
    given wherever the public meets something withheld."""
    return f"paragraph {paragraph} of {STATUTE}"


def part_two(paragraph: int) -> str:
    """'Part II, paragraph 3': the short form of the officers' pages."""
    return f"Part II, paragraph {paragraph}"


def paragraph_field(
    *,
    label="Schedule 12A paragraph",
    empty_label="Choose a paragraph",
    help_text=f"For Part II only: the paragraph of {STATUTE} that makes it exempt.",
):
    """The one paragraph choice for every form: blank, or a paragraph 1–7 as a number."""
    field = forms.TypedChoiceField(
        label=label,
        choices=[("", empty_label), *PARAGRAPH_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=help_text,
    )
    field.widget.attrs["class"] = "govuk-select"
    return field
