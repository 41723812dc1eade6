"""Writes that carry a rule: a monitor's figures saved all at once, and the officer's override."""

from django.db import transaction
from django.utils import timezone

from finance.imports import Figures
from finance.models import FinancialYear, KeyIssue, Line, Monitor, Service
from finance.position import Position


@transaction.atomic
def monitor_create(*, year: FinancialYear, kind: str, period: int, figures: Figures) -> Monitor:
    """A new monitor with the figures of an imported file: all of it saved, or none."""
    monitor = Monitor(year=year, kind=kind, period=period)
    monitor.full_clean()
    monitor.save()
    monitor_figures_replace(monitor=monitor, figures=figures)
    return monitor


@transaction.atomic
def monitor_figures_replace(*, monitor: Monitor, figures: Figures) -> Monitor:
    """Replace `monitor`'s lines (and key issues, if the file has them) with `figures`."""
    monitor.lines.all().delete()
    for line in figures.lines:
        _saved(
            Line(
                monitor=monitor,
                directorate=line.directorate,
                gross_expenditure=line.gross_expenditure,
                gross_income=line.gross_income,
                forecast_outturn=line.forecast_outturn,
            )
        )
    if figures.key_issues is not None:
        monitor.key_issues.all().delete()
        for position, issue in enumerate(figures.key_issues, start=1):
            service = None
            if issue.service:
                service, _ = Service.objects.get_or_create(
                    directorate=issue.directorate, name=issue.service
                )
            _saved(
                KeyIssue(
                    monitor=monitor,
                    directorate=issue.directorate,
                    service=service,
                    position=position,
                    issue=issue.issue,
                    variation=issue.variation,
                    action=issue.action,
                )
            )
    return monitor


@transaction.atomic
def monitor_entry_save(*, monitor: Monitor, figures: Figures, headline_form) -> Monitor:
    """The figures entered by hand: the lines and the headline figures, together."""
    headline_form.save()
    return monitor_figures_replace(monitor=monitor, figures=figures)


@transaction.atomic
def monitor_key_issues_save(*, formset) -> None:
    """Save a directorate's key issues as edited: added, changed and removed together."""
    formset.save()


@transaction.atomic
def monitor_override(*, monitor: Monitor, reason: str, by) -> Monitor:
    """Record why `monitor` may be published although it does not reconcile.

    The override is for the problems as they stand now: if the figures change and the problems
    with them, it lapses and publication is blocked again until the officer looks again.
    """
    reason = reason.strip()
    if not reason:
        raise ValueError("Say why the monitor may be published although it does not reconcile.")
    monitor.override_reason = reason
    monitor.override_problems = Position.of(monitor).problems
    monitor.overridden_by = by
    monitor.overridden_at = timezone.now()
    monitor.full_clean()
    monitor.save()
    return monitor


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj
