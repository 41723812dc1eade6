"""Public pages: what councillors and the public read. Each runs a bounded number of queries."""

import calendar
import datetime
from itertools import groupby

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView

from committees import roles
from committees.models import (
    Committee,
    Councillor,
    Document,
    Meeting,
    Membership,
)
from committees.packs import assemble
from committees.packs.generators import scrutiny_committees_with_mapping

HOME_LIST_LENGTH = 10
PRIVATE = {"private": True, "no_store": True}


def home(request):
    meetings = Meeting.objects.with_committee()
    return render(
        request,
        "committees/home.html",
        {
            "upcoming": meetings.upcoming()[:HOME_LIST_LENGTH],
            "recently_published": meetings.published().order_by("-published_on", "-starts_at")[
                :HOME_LIST_LENGTH
            ],
        },
    )


class CommitteeListView(ListView):
    model = Committee
    template_name = "committees/committee_list.html"
    context_object_name = "committees"


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
        meetings = committee.meetings.select_related("venue", "municipal_year").order_by(
            "-starts_at"
        )
        return super().get_context_data(
            members=committee.memberships.current_on(today).by_role().select_related("councillor"),
            meetings_by_year=[
                (year, list(group)) for year, group in groupby(meetings, lambda m: m.municipal_year)
            ],
            **kwargs,
        )


def meeting_detail(request, pk):
    """The meeting and its agenda as last published; drafts never show here."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    publications = list(meeting.publications.for_public())
    if publications:
        agenda = publications[0].agenda
    elif meeting.is_published:  # published before the portal kept publication records
        agenda = assemble.assemble(meeting).outline()
    else:
        agenda = []
    return render(
        request,
        "committees/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "publications": publications,
            "can_read_restricted": roles.can_read_restricted(request.user, meeting),
        },
    )


def is_published_document(document):
    """The document is in the agenda as last published: a later draft's files stay private."""
    meeting = document.item.meeting
    publication = meeting.publications.order_by("-published_at").only("agenda").first()
    if publication is None:  # published before the portal kept publication records
        return meeting.is_published
    anchor = f"document-{document.pk}"
    return any(
        part["anchor"] == anchor and part["exempt_paragraph"] is None
        for item in publication.agenda
        for part in item["documents"]
    )


def document_file(request, pk):
    """An uploaded appendix file. Exempt files only reach those entitled to read them."""
    document = get_object_or_404(
        Document.objects.select_related("item__meeting").exclude(upload=""), pk=pk
    )
    meeting = document.item.meeting
    public = not (document.exempt or document.item.exempt) and is_published_document(document)
    if not public and not (
        roles.can_read_restricted(request.user, meeting)
        or roles.can_edit_document(request.user, document)
    ):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    response = FileResponse(
        document.upload.open("rb"),
        filename=f"{document.title}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(response, **({"public": True, "max_age": 300} if public else PRIVATE))
    return response


def meeting_pack(request, pk):
    """The agenda pack as one HTML page: the stored, published version where there is one."""
    meeting = get_object_or_404(assemble.meeting_queryset(), pk=pk)
    publication = meeting.publications.for_public().first()
    if publication:
        with publication.public_html.open("rb") as stored:
            context = {"meeting": meeting, "stored_html": mark_safe(stored.read().decode())}
    elif meeting.is_published:
        context = {"meeting": meeting, "pack": assemble.assemble(meeting)}
    else:
        raise Http404("The agenda for this meeting has not been published.")
    return render(request, "committees/pack/pack_page.html", context)


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
        return super().get_context_data(
            current=[m for m in memberships if m.end_date is None or m.end_date >= today],
            past=[m for m in memberships if m.end_date is not None and m.end_date < today],
            **kwargs,
        )


class CouncillorListView(ListView):
    model = Councillor
    template_name = "committees/councillor_list.html"
    context_object_name = "councillors"


def calendar_current(request):
    today = timezone.localdate()
    return redirect("committees:calendar_month", year=today.year, month=today.month)


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


def corporate_plan(request):
    return render(
        request,
        "committees/corporate_plan.html",
        {"committees": scrutiny_committees_with_mapping()},
    )
