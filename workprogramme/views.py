"""Public pages: each committee's work programme, the decision tracker and each programme's
history of updates. Each runs a bounded number of queries, and is cached for anonymous readers
under the public version (committees/public_cache.py; the records it shows are watched in
workprogramme/apps.py), keyed on its query string as well: each filter and sort its own copy."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django_tables2 import RequestConfig

from committees.public_cache import public_page
from workprogramme import changes, prioritisation, tracker
from workprogramme.filters import TopicFilter, TrackerFilter
from workprogramme.models import (
    AreaAnswer,
    Programme,
    ProgrammeUpdate,
    TrackedDecision,
    WorkProgramme,
    WorkstreamStatus,
)
from workprogramme.tables import TopicTable


@public_page
def index(request):
    """Every work programme by committee, the programmes that report to committees, and the
    tracker."""
    return render(
        request,
        "workprogramme/index.html",
        {
            "work_programmes": WorkProgramme.objects.select_related("committee", "municipal_year"),
            "programmes": Programme.objects.select_related("committee"),
        },
    )


@public_page
def programme(request, slug, year):
    """A committee's work programme for the municipal year starting in `year`: its topics,
    sorted and filtered by score, priority, type and status."""
    work_programme = get_object_or_404(
        WorkProgramme.objects.select_related(
            "committee__contact", "municipal_year", "enquiries_officer"
        ),
        committee__slug=slug,
        municipal_year__start_date__year=year,
    )
    topics = work_programme.topics.for_listing().with_status(timezone.localdate())
    filters = TopicFilter(request.GET or None, queryset=topics)
    table = TopicTable(filters.qs, caption="Topics")
    RequestConfig(request, paginate=False).configure(table)
    return render(
        request,
        "workprogramme/programme.html",
        {
            "work_programme": work_programme,
            "committee": work_programme.committee,
            "filter": filters,
            "table": table,
            "criteria": prioritisation.CRITERIA,
            "bands": prioritisation.BANDS,
        },
    )


@public_page
def tracker_page(request):
    """Every tracked decision of the published minutes, overdue first, filtered by committee,
    municipal year and status. Minute numbers take three queries for each set of minutes not
    yet confirmed (a committee has one at a time); confirmed minutes keep theirs."""
    decisions = TrackedDecision.objects.for_tracker().published()
    filters = TrackerFilter(request.GET or None, queryset=decisions)
    rows = tracker.rows(filters.qs, as_of=timezone.localdate(), order_by_status=True)
    wanted = filters.status_wanted()
    if wanted:
        rows = [row for row in rows if row.status == wanted]
    return render(request, "workprogramme/tracker.html", {"filter": filters, "rows": rows})


@public_page
def programme_history(request, slug):
    """A programme with each of its updates, newest first, and what changed at each."""
    the_programme = get_object_or_404(
        Programme.objects.select_related(
            "committee", "lead_member", "lead_director"
        ).prefetch_related("drivers", "workstreams"),
        slug=slug,
    )
    updates = list(
        ProgrammeUpdate.objects.filter(programme=the_programme)
        .select_related("meeting__committee")
        .prefetch_related(
            Prefetch("statuses", queryset=WorkstreamStatus.objects.select_related("workstream")),
            Prefetch("answers", queryset=AreaAnswer.objects.select_related("area__committee")),
        )
        .order_by("dated")
    )
    for update in updates:
        update.programme = the_programme
    history = [
        (update, changes.update_changes(update, previous))
        for previous, update in zip([None, *updates], updates, strict=False)
    ]
    return render(
        request,
        "workprogramme/programme_history.html",
        {
            "programme": the_programme,
            "drivers": the_programme.drivers.all(),
            "history": list(reversed(history)),
        },
    )
