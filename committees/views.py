"""Public pages: what councillors and the public read. Each runs a bounded number of queries."""

import calendar
import datetime
from itertools import groupby, takewhile

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView
from django_tables2 import RequestConfig

from committees import exemption, roles, stored
from committees import minutes as minutes_rules
from committees.access import require, role_required
from committees.downloads import document_filename
from committees.models import (
    Committee,
    Councillor,
    Declaration,
    Meeting,
    Membership,
    Minutes,
    Publication,
    PublishedFile,
)
from committees.pack_views import PUBLIC_MAX_AGE, latest_publication, stored_response
from committees.packs import assemble
from committees.packs.changes import publication_changes, withdrawn
from committees.packs.generators import scrutiny_committees_with_mapping
from committees.public_cache import expires_at, public_page
from committees.tables import AttendanceTable

HOME_LIST_LENGTH = 10
PRIVATE = {"private": True, "no_store": True}
PUBLIC = {"public": True, "max_age": PUBLIC_MAX_AGE}


@public_page
def home(request):
    meetings = Meeting.objects.with_committee()
    upcoming = list(meetings.upcoming()[:HOME_LIST_LENGTH])
    # The first upcoming meeting leaves the list when it starts.
    expires_at(request, upcoming[0].starts_at if upcoming else None)
    return render(
        request,
        "committees/home.html",
        {
            "upcoming": upcoming,
            "recently_published": meetings.published().order_by("-published_on", "-starts_at")[
                :HOME_LIST_LENGTH
            ],
        },
    )


@role_required(roles.is_councillor)
def my_meetings(request):
    """A councillor's upcoming meetings: those of the committees they sit on, with the agenda
    packs as last published, the restricted pack among them (they sit on the committee)."""
    meetings = (
        Meeting.objects.upcoming()
        .with_committee()
        .sat_on_by(request.user)
        .prefetch_related(
            Prefetch("publications", Publication.objects.latest_first(), to_attr="versions")
        )
    )
    return render(request, "committees/my_meetings.html", {"meetings": meetings})


@method_decorator(public_page, name="dispatch")
class CommitteeListView(ListView):
    model = Committee
    template_name = "committees/committee_list.html"
    context_object_name = "committees"


@method_decorator(public_page, name="dispatch")
class CommitteeDetailView(DetailView):
    model = Committee
    template_name = "committees/committee_detail.html"
    context_object_name = "committee"
    queryset = Committee.objects.select_related("contact", "default_venue").prefetch_related(
        "responsibilities", "priorities"
    )

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        committee = self.object
        meetings = committee.meetings.select_related(
            "venue", "municipal_year", "minutes__confirmed_by__minutes__meeting"
        ).order_by("-starts_at")
        attendance = AttendanceTable(
            list(minutes_rules.attendance_by_member(committee)), prefix="attendance-"
        )
        RequestConfig(self.request, paginate=False).configure(attendance)
        return super().get_context_data(
            attendance=attendance,
            members=committee.memberships.current_on(today).by_role().select_related("councillor"),
            meetings_by_year=[
                (year, list(group)) for year, group in groupby(meetings, lambda m: m.municipal_year)
            ],
            **kwargs,
        )


@public_page
def meeting_detail(request, pk):
    """The meeting and its agenda as last published, and every earlier version with what each
    changed; drafts never show here."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    publications = list(meeting.publications.for_public())
    latest = publications[0] if publications else None  # for_public lists the newest first
    agenda = latest.agenda if latest else []
    can_read_restricted = roles.can_read_restricted(request.user, meeting)
    withdrawn_versions = withdrawn(publications)
    minutes = (
        Minutes.objects.public()
        .select_related("confirmed_by__minutes__meeting")
        .filter(meeting=meeting)
        .first()
    )
    if minutes is not None:
        minutes.meeting = meeting  # with the committee its numbering scheme comes from
    # The supplements issued since the agenda was last published whole, oldest first.
    supplements = [
        supplement
        for supplement in takewhile(lambda p: p.kind == Publication.Kind.SUPPLEMENT, publications)
        if supplement.pk not in withdrawn_versions
    ]
    return render(
        request,
        "committees/meeting_detail.html",
        {
            "meeting": meeting,
            "latest": latest,
            "agenda": agenda,
            # The stored agenda names the paragraph of every exempt item, as it withholds them.
            "exclusion": exemption.exclusion(
                (item["number"], item["exempt_paragraph"])
                for item in agenda
                if item["exempt_paragraph"]
            ),
            "supplements": supplements[::-1],
            "versions": publication_changes(publications, restricted=can_read_restricted),
            "withdrawn": withdrawn_versions,
            "can_read_restricted": can_read_restricted,
            "minutes": minutes,
            # The public record: exempt minutes withheld, whoever reads the page.
            "record": minutes_rules.record(minutes, restricted=False) if minutes else None,
        },
    )


def document_file(request, pk):
    """An uploaded appendix as the meeting's latest publication froze it.

    A file the latest publication does not include is not found, whatever the draft holds;
    an exempt one reaches only those entitled to read the restricted pack.
    """
    published = (
        PublishedFile.objects.filter(
            document_pk=pk, publication__in=Publication.objects.newest_of_each_meeting()
        )
        .select_related("publication__meeting__committee", "file")
        .first()
    )
    if published is None:
        raise Http404("The file is not in the agenda as last published.")
    meeting = published.publication.meeting
    if published.exempt:
        refused = require(request, roles.can_read_restricted(request.user, meeting))
        if refused:
            return refused
    response = stored_response(
        request,
        published.file,
        filename=document_filename(published.title, published.appendix_ref),
        content_type="application/pdf",
        etag=published.file.sha256,
        last_modified=published.publication.published_at,
    )
    patch_cache_control(response, **(PRIVATE if published.exempt else PUBLIC))
    return response


@public_page
def meeting_pack(request, pk):
    """The agenda pack as one HTML page: the stored version of the latest publication."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    publication = latest_publication(meeting)
    html = stored.read_verified(publication.public_html).decode()
    return render(
        request,
        "committees/pack/pack_page.html",
        {"meeting": meeting, "stored_html": mark_safe(html)},  # rendered by our own templates
    )


@method_decorator(public_page, name="dispatch")
class CouncillorDetailView(DetailView):
    model = Councillor
    template_name = "committees/councillor_detail.html"
    context_object_name = "councillor"

    def get_context_data(self, **kwargs):
        memberships = (
            Membership.objects.filter(councillor=self.object)
            .select_related("committee")
            .order_by("-start_date", "committee__name")
        )
        today = timezone.localdate()
        declarations = (
            Declaration.objects.filter(
                councillor=self.object,
                minutes__in=Minutes.objects.public(),
                entry__exempt=False,
            )
            .select_related("entry", "minutes__meeting__committee")
            .order_by("-minutes__meeting__starts_at", "entry__position")
        )
        return super().get_context_data(
            attendance=minutes_rules.attendance_by_year(self.object),
            declarations=declarations,
            current=[m for m in memberships if m.end_date is None or m.end_date >= today],
            past=[m for m in memberships if m.end_date is not None and m.end_date < today],
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class CouncillorListView(ListView):
    model = Councillor
    template_name = "committees/councillor_list.html"
    context_object_name = "councillors"


def calendar_current(request):
    today = timezone.localdate()
    return redirect("committees:calendar_month", year=today.year, month=today.month)


@public_page
def calendar_month(request, year, month):
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise Http404("No such month.")
    first = datetime.date(year, month, 1)
    meetings = Meeting.objects.with_committee().in_month(year, month)
    previous_month = first - datetime.timedelta(days=1)
    next_month = first + datetime.timedelta(days=calendar.monthrange(year, month)[1])
    return render(
        request,
        "committees/calendar_month.html",
        {
            "month": first,
            "days": [(day, list(group)) for day, group in groupby(meetings, lambda m: m.date)],
            "previous_month": previous_month,
            "next_month": next_month,
        },
    )


@public_page
def corporate_plan(request):
    return render(
        request,
        "committees/corporate_plan.html",
        {"committees": scrutiny_committees_with_mapping()},
    )
