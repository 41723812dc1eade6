"""Generated documents that the committees app owns, registered in CommitteesConfig.ready()."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.db.models import Prefetch

from committees import minutes as rules
from committees.models import Committee, Minutes, Responsibility
from committees.packs.registry import GeneratedDocument, GeneratorContext


def scrutiny_committees_with_mapping():
    """Scrutiny committees with their responsibilities and priorities: three queries in all."""
    return Committee.objects.scrutiny().prefetch_related(
        Prefetch("responsibilities", queryset=Responsibility.objects.order_by("position", "pk")),
        "priorities",
    )


corporate_plan_mapping = GeneratedDocument(
    key="committees.corporate_plan_mapping",
    label="Mapping of the corporate plan to scrutiny committees",
    template="committees/pack/_corporate_plan_mapping.html",
    context=lambda ctx: {"committees": scrutiny_committees_with_mapping()},
)


def _minutes_queryset():
    return Minutes.objects.select_related("meeting__committee", "confirmed_by__minutes__meeting")


def minutes_shown(ctx: GeneratorContext) -> Minutes | None:
    """The minutes the document prints: those the officer chose, or else the minutes of the
    committee's latest meeting before this one."""
    if ctx.record_id is not None:
        return _minutes_queryset().filter(pk=ctx.record_id).first()
    return (
        _minutes_queryset()
        .filter(
            meeting__committee=ctx.meeting.committee_id,
            meeting__starts_at__lt=ctx.meeting.starts_at,
        )
        .order_by("-meeting__starts_at")
        .first()
    )


def minutes_context(ctx: GeneratorContext) -> dict:
    shown = minutes_shown(ctx)
    return {"record": rules.record(shown, restricted=ctx.restricted) if shown else None}


def minutes_problems(ctx: GeneratorContext) -> list[str]:
    """Minutes the next meeting cannot be asked to confirm: none, another committee's, a later
    meeting's, or a draft not yet published."""
    shown = minutes_shown(ctx)
    title = ctx.document.title
    if shown is None:
        return [f"“{title}” has no minutes to show: record the minutes of an earlier meeting."]
    meeting = shown.meeting
    if meeting.committee_id != ctx.meeting.committee_id:
        return [f"“{title}” shows the minutes of another committee ({meeting})."]
    if meeting.starts_at >= ctx.meeting.starts_at:
        return [f"“{title}” shows the minutes of a meeting that is not earlier ({meeting})."]
    if shown.status == Minutes.Status.DRAFT:
        return [f"The minutes of {meeting} are not published yet: publish them as a draft first."]
    return []


def minutes_field():
    field = forms.ModelChoiceField(
        _minutes_queryset().order_by("-meeting__starts_at"),
        required=False,
        label="Which minutes?",
        empty_label="The minutes of the committee's previous meeting",
        help_text="The minutes the committee is asked to confirm at this meeting.",
    )
    field.label_from_instance = lambda minutes: (
        f"{minutes.meeting} ({minutes.get_status_display().lower()})"
    )
    return field


minutes = GeneratedDocument(
    key="committees.minutes",
    label="Minutes of a previous meeting",
    template="committees/pack/_minutes.html",
    context=minutes_context,
    problems=minutes_problems,
    print_css=(Path(settings.BASE_DIR) / "static" / "pack" / "minutes.css").read_text(
        encoding="utf-8"
    ),
    record_field=minutes_field,
)
