"""The scrutiny prioritisation tool (Annex 1 of the council's work programme).

Six yes/no questions, each answered with its evidence; the score is the number of yeses, and the
score gives the priority: High 5–6, Medium 3–4, Low 1–2. A topic nobody has scored has no score
and no band; a score is never typed, only counted from answers to all six questions.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Criterion:
    name: str
    label: str
    question: str


CRITERIA = (
    Criterion(
        "public_interest",
        "Public Interest",
        "Is it an issue of concern to partners, stakeholders and/or the community?",
    ),
    Criterion("ability", "Ability", "Could Scrutiny have an influence?"),
    Criterion("performance", "Performance", "Is this an area of underperformance?"),
    Criterion(
        "extent",
        "Extent",
        "Does the topic affect people living, working or studying in more than one electoral "
        "ward of Plymouth?",
    ),
    Criterion(
        "replication", "Replication", "Will this be the only opportunity for public scrutiny?"
    ),
    Criterion(
        "executive_decision",
        "Executive Decision",
        "Is the topic due planned to be the subject of an Executive Decision?",
    ),
)

HIGH, MEDIUM, LOW = "High", "Medium", "Low"
# (band, lowest score, highest score), as the tool's own table prints them.
BANDS = ((HIGH, 5, 6), (MEDIUM, 3, 4), (LOW, 1, 2))


def check_answers(answers: dict[str, bool | None]) -> None:
    """Refuse a partial scoring: all six questions answered, or none (not yet scored)."""
    unanswered = [c.label for c in CRITERIA if answers.get(c.name) is None]
    if unanswered and len(unanswered) < len(CRITERIA):
        raise ValidationError(
            f"Answer all six questions of the prioritisation tool to score the topic: "
            f"{', '.join(unanswered)} {'is' if len(unanswered) == 1 else 'are'} not answered."
        )


def score(answers: dict[str, bool | None]) -> int | None:
    """The number of yeses; None while the topic is unscored."""
    check_answers(answers)
    if all(answers.get(c.name) is None for c in CRITERIA):
        return None
    return sum(1 for c in CRITERIA if answers[c.name])


def band(value: int | None) -> str:
    """'High', 'Medium' or 'Low' for a score; '' for none (unscored, or no yes at all)."""
    for name, low, high in BANDS:
        if value is not None and low <= value <= high:
            return name
    return ""


def band_range(name: str) -> tuple[int, int]:
    """The scores of a band, for filtering: 'High' → (5, 6)."""
    return next((low, high) for band_name, low, high in BANDS if band_name == name)


def unevidenced(answers: dict[str, bool | None], evidence: dict[str, str]) -> list[str]:
    """The criteria answered 'yes' without evidence: allowed, but flagged to the officer."""
    return [
        c.label for c in CRITERIA if answers.get(c.name) and not evidence.get(c.name, "").strip()
    ]
