"""The generated documents this app puts into the agenda pack (README, "Adding an app"): the
work programme, the decision tracker and a programme update."""

from django import forms
from django.db.models import Prefetch
from django.utils import timezone

from committees.packs.registry import GeneratedDocument, GeneratorContext
from workprogramme import changes, live, prioritisation, tracker
from workprogramme.models import (
    AreaAnswer,
    ProgrammeUpdate,
    TrackedDecision,
    WorkProgramme,
    WorkstreamStatus,
)

PRINT_CSS = """
.wp-table { font-size: 9pt; }
.wp-table th, .wp-table td { padding: 3pt 4pt; }
.wp-table tr { break-inside: avoid; }
"""


def as_of(ctx: GeneratorContext):
    """Statuses as on the day the pack is published (today for a draft)."""
    return ctx.published_on or timezone.localdate()


def programme_context(ctx: GeneratorContext) -> dict:
    """The programme of the meeting's committee for the meeting's municipal year."""
    meeting = ctx.meeting
    programme = (
        WorkProgramme.objects.select_related(
            "committee__contact", "municipal_year", "enquiries_officer"
        )
        .filter(committee=meeting.committee_id, municipal_year=meeting.municipal_year_id)
        .first()
    )
    return {
        "programme": programme,
        "sections": live.sections(programme) if programme else [],
        "live_note": live.LIVE_NOTE,
        "criteria": prioritisation.CRITERIA,
        "bands": prioritisation.BANDS,
        "committee": meeting.committee,
        "years": live.year_labels(programme) if programme else ("", ""),
    }


def programme_problems(ctx: GeneratorContext) -> list[str]:
    meeting = ctx.meeting
    if not WorkProgramme.objects.filter(
        committee=meeting.committee_id, municipal_year=meeting.municipal_year_id
    ).exists():
        return [
            f"{meeting.committee} has no work programme for {meeting.municipal_year}: add its "
            "topics before publishing the work programme."
        ]
    return []


def tracker_decisions(committee_id, municipal_year_id, before, *, restricted):
    """The committee's tracked decisions of the municipal year made before `before`: completed
    ones stay for the year. Decisions of exempt minutes only in the restricted pack."""
    decisions = TrackedDecision.objects.for_tracker().filter(
        outcome__entry__minutes__meeting__committee=committee_id,
        outcome__entry__minutes__meeting__municipal_year=municipal_year_id,
        outcome__entry__minutes__meeting__starts_at__lt=before,
    )
    return decisions if restricted else decisions.public()


def tracker_context(ctx: GeneratorContext) -> dict:
    meeting = ctx.meeting
    decisions = tracker_decisions(
        meeting.committee_id,
        meeting.municipal_year_id,
        meeting.starts_at,
        restricted=ctx.restricted,
    )
    return {
        "committee": meeting.committee,
        "rows": tracker.rows(decisions, as_of=as_of(ctx)),
    }


def update_context(ctx: GeneratorContext) -> dict:
    update = (
        ProgrammeUpdate.objects.select_related(
            "programme__lead_member", "programme__lead_director", "meeting"
        )
        .prefetch_related(
            "programme__drivers",
            Prefetch("statuses", queryset=WorkstreamStatus.objects.select_related("workstream")),
            Prefetch("answers", queryset=AreaAnswer.objects.select_related("area__committee")),
        )
        .get(pk=ctx.record_id)
    )
    return {
        "update": update,
        "changes": changes.update_changes(update, changes.previous_update(update)),
    }


def update_field():
    return forms.ModelChoiceField(
        queryset=ProgrammeUpdate.objects.select_related("programme").order_by(
            "programme__name", "-dated"
        ),
        label="Which programme update",
        empty_label="Choose an update",
        error_messages={"required": "Choose the programme update the document shows."},
    )


programme = GeneratedDocument(
    key="workprogramme.programme",
    label="Work programme",
    template="workprogramme/pack/_programme.html",
    context=programme_context,
    problems=programme_problems,
    print_css=PRINT_CSS,
)

tracker_document = GeneratedDocument(
    key="workprogramme.tracker",
    label="Tracking decisions",
    template="workprogramme/pack/_tracker.html",
    context=tracker_context,
    print_css=PRINT_CSS,
)

programme_update = GeneratedDocument(
    key="workprogramme.programme_update",
    label="Programme update",
    template="workprogramme/pack/_programme_update.html",
    context=update_context,
    record_field=update_field,
    print_css=PRINT_CSS,
)
