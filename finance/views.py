"""Finance pages: the officers' (import, entry, a monitor with its reconciliation and override,
the year view) under /officer/finance/, and the public finance page of a committee and year."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from committees import roles
from committees.access import officer_required, staff_required
from committees.models import Committee
from committees.officer.forms.base import error_summary
from committees.public_cache import public_page
from finance import generators, imports, services
from finance.forms import (
    HeadlineForm,
    KeyIssueFormSet,
    LineFormSet,
    MonitorImportForm,
    MonitorReplaceForm,
    OverrideForm,
)
from finance.imports import Figures, LineFigures
from finance.models import Directorate, FinancialYear, Monitor
from finance.position import Position, year_view
from finance.public import presented, public_monitors
from finance.tables import MonitorTable, TableOne, TableThree, YearTable


def monitor_rows(view, url):
    """Rows of a MonitorTable of a year view's monitors: `url(monitor)` is where each links."""
    return [
        {
            "monitor": str(monitor),
            "label": f"{monitor.year} {monitor.period_label}",
            "as_at": monitor.as_at,
            "headline": headline,
            "sample": monitor.sample,
            "url": url(monitor),
        }
        for monitor, headline in zip(view.monitors, view.headlines, strict=True)
    ]


def year_context(view, caption):
    """The trend chart and the year view table of `view`, when it has monitors."""
    if not view.monitors:
        return {}
    return {
        "trend": generators.trend_chart(view),
        "year_table": YearTable.of(view),
        "year_caption": caption,
    }


# ---- Officers ---------------------------------------------------------------------------------


@staff_required
def index(request):
    years = FinancialYear.objects.order_by("-start_year")
    tables = []
    for year in years:
        view = year_view(year.monitors.all())
        tables.append((year, MonitorTable(monitor_rows(view, lambda m: m.get_absolute_url()))))
    return render(request, "finance/index.html", {"years": tables})


@staff_required
def monitor_import(request):
    form = MonitorImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and form.figures is not None:
        data = form.cleaned_data
        monitor = services.monitor_create(
            year=data["year"], kind=data["kind"], period=data["period"], figures=form.figures
        )
        messages.success(request, f"Imported the figures of {monitor}.")
        return redirect(monitor)
    return render(request, "finance/monitor_import.html", {"form": form})


@staff_required
def monitor_replace(request, pk):
    monitor = get_object_or_404(Monitor.objects.select_related("year"), pk=pk)
    form = MonitorReplaceForm(request.POST or None, request.FILES or None, monitor=monitor)
    if request.method == "POST" and form.is_valid() and form.figures is not None:
        services.monitor_figures_replace(monitor=monitor, figures=form.figures)
        messages.success(request, f"Replaced the figures of {monitor}.")
        return redirect(monitor)
    return render(request, "finance/monitor_import.html", {"form": form, "monitor": monitor})


@staff_required
def monitor_detail(request, pk):
    monitor = get_object_or_404(Monitor, pk=pk)
    return render(request, "finance/monitor_detail.html", monitor_context(request, monitor))


def monitor_context(request, monitor, override_form=None):
    position = Position.of(monitor)
    return {
        "monitor": position.monitor,
        "position": position,
        "table_one": TableOne.of(position),
        "table_three": TableThree.of(position),
        "by_directorate": generators.by_directorate_chart(position),
        "override_form": override_form or OverrideForm(),
        "can_override": roles.is_officer(request.user),
        "errors": error_summary(override_form) if override_form else [],
    }


@officer_required
@require_POST
def monitor_override(request, pk):
    monitor = get_object_or_404(Monitor, pk=pk)
    form = OverrideForm(request.POST)
    if form.is_valid():
        services.monitor_override(
            monitor=monitor, reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(request, "Recorded why the monitor may be published as it is.")
        return redirect(monitor)
    return render(request, "finance/monitor_detail.html", monitor_context(request, monitor, form))


@staff_required
def monitor_lines(request, pk):
    monitor = get_object_or_404(Monitor.objects.select_related("year"), pk=pk)
    formset = LineFormSet(request.POST or None, monitor=monitor)
    headline = HeadlineForm(request.POST or None, instance=monitor, prefix="headline")
    if request.method == "POST" and formset.is_valid() and headline.is_valid():
        lines = [LineFigures(form.directorate, **form.cleaned_data) for form in formset.forms]
        services.monitor_entry_save(
            monitor=monitor, figures=Figures(lines=lines), headline_form=headline
        )
        messages.success(request, f"Saved the figures of {monitor}.")
        return redirect(monitor)
    return render(
        request,
        "finance/monitor_lines.html",
        {
            "monitor": monitor,
            "formset": formset,
            "headline": headline,
            "errors": error_summary(formset, headline),
        },
    )


@staff_required
def monitor_key_issues(request, pk, directorate_pk):
    monitor = get_object_or_404(Monitor.objects.select_related("year"), pk=pk)
    directorate = get_object_or_404(Directorate, pk=directorate_pk, year=monitor.year)
    formset = KeyIssueFormSet(request.POST or None, instance=monitor, directorate=directorate)
    if request.method == "POST" and formset.is_valid():
        services.monitor_key_issues_save(formset=formset)
        messages.success(request, f"Saved the key issues of {directorate}.")
        return redirect(monitor)
    return render(
        request,
        "finance/monitor_key_issues.html",
        {
            "monitor": monitor,
            "directorate": directorate,
            "formset": formset,
            "errors": error_summary(formset),
        },
    )


@staff_required
def year_detail(request, start_year):
    year = get_object_or_404(FinancialYear, start_year=start_year)
    view = year_view(year.monitors.all())
    return render(
        request,
        "finance/year_detail.html",
        {"year": year, **year_context(view, f"Every monitor of {year}")},
    )


@staff_required
def template_download(request, start_year, extension):
    year = get_object_or_404(FinancialYear, start_year=int(start_year))
    if extension == "xlsx":
        data = imports.template_workbook(year)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data, content_type = imports.template_csv(year), "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    name = f"Revenue monitor {year.start_year}-{year.start_year % 100 + 1:02d} template.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---- The public -------------------------------------------------------------------------------


@public_page
def committee_year(request, slug, start_year):
    """A committee's monitors of a financial year as its published agendas presented them."""
    committee = get_object_or_404(Committee, slug=slug)
    year = FinancialYear.objects.filter(start_year=start_year).first()
    if year is None:
        raise Http404("No such financial year.")
    monitors, shown = public_monitors(committee, year)
    view = year_view(monitors)
    latest = Position.of(view.monitors[-1]) if view.monitors else None

    def pack_link(monitor):
        document = shown[monitor.pk]
        return (
            reverse("committees:pack", args=[document.item.meeting_id]) + f"#document-{document.pk}"
        )

    return render(
        request,
        "finance/committee_year.html",
        {
            "committee": committee,
            "year": year,
            "monitors": MonitorTable(monitor_rows(view, pack_link)),
            "latest": latest,
            "table_one": TableOne.of(latest) if latest else None,
            "by_directorate": generators.by_directorate_chart(latest) if latest else None,
            **year_context(view, f"{committee.short_name or committee}: {year}"),
        },
    )


@public_page
def public_index(request):
    """Each committee's financial years with monitors its published agendas presented."""
    documents = presented()
    monitors = Monitor.objects.filter(pk__in=[d.generator_record for d in documents])
    years = {monitor.pk: monitor.year for monitor in monitors.select_related("year")}
    by_committee = {}
    for document in documents:
        if document.generator_record in years:
            committee = document.item.meeting.committee
            by_committee.setdefault(committee, set()).add(years[document.generator_record])
    entries = [
        (committee, sorted(years, key=lambda y: -y.start_year))
        for committee, years in sorted(by_committee.items(), key=lambda pair: pair[0].name)
    ]
    return render(request, "finance/public_index.html", {"entries": entries})
