"""The democratic support officer's workspace: meetings, agendas and publication."""

from collections import Counter
from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_POST

from committees import exemption, roles
from committees.access import officer_required, staff_required
from committees.confidentiality import confidentiality_changes
from committees.drafts import changes_since_publication
from committees.models import (
    AgendaItem,
    BackgroundPaper,
    Committee,
    CoverSheet,
    Document,
    Meeting,
    Minutes,
    PublicationJob,
)
from committees.officer.forms import (
    AgendaItemForm,
    CommitteeChoiceForm,
    MeetingForm,
    MeetingStatusForm,
    PublishForm,
    StandingItemFormSet,
    error_summary,
)
from committees.officer.history import history_changes
from committees.packs.changes import publication_changes, withdrawn
from committees.packs.pdf import PackRenderError
from committees.publication import is_late
from committees.services import EditConflict
from committees.services import agenda as agenda_services
from committees.services.publication import (
    PublicationRefused,
    agenda_problems,
    publication_start,
    unpublished_changes,
)

DASHBOARD_MEETINGS = 20


@dataclass
class Countdown:
    """The note under a meeting's 'Publish by' date on the dashboard."""

    text: str
    tag: str = ""  # the GOV.UK tag colour that marks a deadline due today or missed


def countdown(meeting, days_left):
    if meeting.is_published:
        return Countdown("–")
    if days_left < 0:
        return Countdown(f"{-days_left} day{pluralize(-days_left)} late", "red")
    if days_left == 0:
        return Countdown("Today", "orange")
    return Countdown(f"{days_left} day{pluralize(days_left)} left")


@staff_required
def dashboard(request):
    today = timezone.localdate()
    meetings = []
    if roles.is_officer(request.user):
        meetings = list(
            Meeting.objects.upcoming()
            .with_committee()
            .with_agenda_readiness()
            .exclude(status=Meeting.Status.CANCELLED)[:DASHBOARD_MEETINGS]
        )
        draft_changes = changes_since_publication([m for m in meetings if m.is_published])
        for meeting in meetings:
            meeting.days_left = (meeting.publication_deadline - today).days
            meeting.countdown = countdown(meeting, meeting.days_left)
            meeting.draft_changes = draft_changes.get(meeting.pk)
    my_documents = Document.objects.filter(cover__authors__user=request.user).select_related(
        "item__meeting__committee"
    )
    return render(
        request,
        "officer/dashboard.html",
        {"meetings": meetings, "my_documents": my_documents, "today": today},
    )


@officer_required
def meeting_create(request):
    """First the committee (?committee=<slug>, a GET form), then the meeting's form, which
    starts from the committee's usual venue and start time."""
    chooser = CommitteeChoiceForm(request.GET if "committee" in request.GET else None)
    if not chooser.is_valid():
        return render(request, "officer/meeting_committee.html", {"form": chooser})
    committee = chooser.cleaned_data["committee"]
    form = MeetingForm(
        request.POST or None,
        committee=committee,
        initial={"venue": committee.default_venue, "start_time": committee.default_start_time},
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = agenda_services.meeting_create(
                meeting=form.save(commit=False),
                allow_duplicate=form.cleaned_data.get("confirm_duplicate", False),
            )
        except agenda_services.DuplicateMeeting as duplicate:
            form.refuse_duplicate(duplicate.existing)
        else:
            messages.success(request, f"Meeting created: {meeting}.")
            return redirect("officer:meeting", meeting.pk)
    return render(request, "officer/meeting_form.html", {"form": form, "committee": committee})


def editable_meeting(pk):
    return get_object_or_404(
        Meeting.objects.select_related("committee", "venue", "municipal_year"), pk=pk
    )


@officer_required
def meeting_agenda(request, pk):
    """The agenda editor: the numbered items, their documents, and every action on them."""
    meeting = editable_meeting(pk)
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .numbered()
        .prefetch_related(Prefetch("documents", queryset=Document.objects.defer("body")))
    )
    publications = list(meeting.publications.for_public())
    return render(
        request,
        "officer/meeting_agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "exclusion": exemption.exclusion(
                (item.number, item.exempt_paragraph) for item in items if item.exempt
            ),
            "numbered_last": exemption.NUMBERED_LAST,
            "draft_changes": changes_since_publication([meeting]).get(meeting.pk),
            "versions": publication_changes(publications, restricted=True),
            "withdrawn": withdrawn(publications),
            "can_read_restricted": True,
            "today": timezone.localdate(),
            "deletable": agenda_services.meeting_deletable(meeting),
            "meeting_minutes": Minutes.objects.select_related("confirmed_by__minutes__meeting")
            .filter(meeting=meeting)
            .first(),
        },
    )


def saved_unless_conflict(request, form, save):
    """Call `save(version)` for a valid POSTed form. If someone else saved first, keep the
    editor's text in the form, rebased on the saved version, and say so; return False."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form.cleaned_data["version"])
    except EditConflict as error:
        form.add_error(None, str(error))
        form.rebase(error.instance)
        messages.error(request, "Your changes were not saved because someone else saved first.")
        return False
    return True


@officer_required
def meeting_edit(request, pk):
    meeting = editable_meeting(pk)
    form = MeetingForm(request.POST or None, instance=meeting)

    def save(version):
        agenda_services.meeting_update(
            meeting=form.save(commit=False),
            expected_version=version,
            allow_duplicate=form.cleaned_data.get("confirm_duplicate", False),
        )

    try:
        saved = saved_unless_conflict(request, form, save)
    except agenda_services.DuplicateMeeting as duplicate:
        form.refuse_duplicate(duplicate.existing)
        saved = False
    if saved:
        messages.success(request, "Meeting details saved.")
        return redirect("officer:meeting", meeting.pk)
    return render(
        request,
        "officer/meeting_form.html",
        {"form": form, "meeting": meeting, "committee": meeting.committee},
    )


# What the officer does to a meeting, for the page's heading and button.
STATUS_ACTIONS = {Meeting.Status.POSTPONED: "Postpone", Meeting.Status.CANCELLED: "Cancel"}


@officer_required
def meeting_status(request, pk, status):
    meeting = editable_meeting(pk)
    status = Meeting.Status(status)
    form = MeetingStatusForm(
        request.POST or None, status=status, initial={"reason": meeting.status_reason}
    )
    if request.method == "POST" and form.is_valid():
        agenda_services.meeting_set_status(
            meeting=meeting, status=status, reason=form.cleaned_data["reason"]
        )
        messages.success(request, f"The meeting is {meeting.get_status_display().lower()}.")
        return redirect("officer:meeting", meeting.pk)
    return render(
        request,
        "officer/meeting_status.html",
        {"form": form, "meeting": meeting, "action": STATUS_ACTIONS[status]},
    )


@officer_required
def meeting_delete(request, pk):
    """Delete a meeting that was never published, after confirmation."""
    meeting = editable_meeting(pk)
    deletable = agenda_services.meeting_deletable(meeting)
    if request.method == "POST" and deletable:
        try:
            agenda_services.meeting_delete(
                meeting=meeting, expected_version=int(request.POST.get("version", 0))
            )
        except (EditConflict, ValueError):
            messages.error(
                request,
                "The meeting changed while you were looking at it, so it was not deleted. "
                "Check it, then try again.",
            )
        except agenda_services.MeetingPublished as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Meeting deleted: {meeting}.")
            return redirect("officer:dashboard")
        return redirect("officer:meeting", meeting.pk)
    return render(
        request,
        "officer/meeting_delete.html",
        {"meeting": meeting, "deletable": deletable, "items": meeting.items.count()},
    )


@officer_required
def item_add(request, pk):
    meeting = editable_meeting(pk)
    item = AgendaItem(meeting=meeting)
    form = AgendaItemForm(request.POST or None, instance=item)
    items = list(meeting.items.numbered())
    default_after = agenda_services.default_insert_after(meeting)
    after_pk = request.POST.get("after", default_after.pk if default_after else "")

    def save(version):
        agenda_services.agenda_item_add(
            item=form.save(commit=False),
            after=next((i for i in items if str(i.pk) == str(after_pk)), None),
            expected_meeting_version=version,
        )

    if saved_unless_conflict(request, form, save):
        messages.success(request, f"Item added: {item.title}.")
        return redirect("officer:meeting", meeting.pk)
    if not form.is_bound:
        form.initial["version"] = meeting.version
    return render(
        request,
        "officer/item_form.html",
        {"form": form, "meeting": meeting, "items": items, "after_pk": str(after_pk)},
    )


def editable_item(pk):
    return get_object_or_404(AgendaItem.objects.select_related("meeting__committee"), pk=pk)


@officer_required
def item_edit(request, pk):
    item = editable_item(pk)
    form = AgendaItemForm(request.POST or None, instance=item)

    def save(version):
        agenda_services.agenda_item_update(item=form.save(commit=False), expected_version=version)

    if saved_unless_conflict(request, form, save):
        messages.success(request, f"Item saved: {item.title}.")
        return redirect("officer:meeting", item.meeting_id)
    return render(
        request, "officer/item_form.html", {"form": form, "meeting": item.meeting, "item": item}
    )


@officer_required
def item_delete(request, pk):
    item = editable_item(pk)
    if request.method == "POST":
        try:
            agenda_services.agenda_item_remove(
                item=item, expected_meeting_version=int(request.POST.get("meeting_version", 0))
            )
        except EditConflict:
            messages.error(
                request,
                "The agenda changed while you were looking at it, so the item was not removed. "
                "Check the agenda below and try again.",
            )
        else:
            messages.success(request, f"Item removed: {item.title}.")
        return redirect("officer:meeting", item.meeting_id)
    return render(request, "officer/item_delete.html", {"item": item, "meeting": item.meeting})


@officer_required
@require_POST
def item_move(request, pk):
    item = editable_item(pk)
    try:
        agenda_services.agenda_item_move(
            item=item,
            up=request.POST.get("direction") == "up",
            expected_meeting_version=int(request.POST.get("meeting_version", 0)),
        )
    except EditConflict:
        messages.error(
            request,
            "The agenda changed while you were looking at it, so nothing was moved. "
            "Check the order below and try again.",
        )
    return redirect(f"{item.meeting.get_officer_url()}#item-{item.pk}")


@dataclass
class PublishSummary:
    """What publishing would make public (or restrict), for the officer to check first."""

    items: list
    to_follow: list
    exempt_items: list
    reports: int
    appendices: int
    generated: int
    exempt_documents: list  # [(item, document)] of documents exempt under a public item
    supplement_items: list


def publish_summary(meeting):
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .numbered()
        .prefetch_related(Prefetch("documents", queryset=Document.objects.defer("body")))
    )
    documents = [(item, document) for item in items for document in item.documents.all()]
    kinds = Counter(document.kind for _item, document in documents)
    return PublishSummary(
        items=items,
        to_follow=[item for item in items if item.to_follow],
        exempt_items=[item for item in items if item.exempt],
        reports=kinds[Document.Kind.REPORT],
        appendices=kinds[Document.Kind.APPENDIX],
        generated=kinds[Document.Kind.GENERATED],
        exempt_documents=[
            (item, document) for item, document in documents if document.exempt and not item.exempt
        ],
        supplement_items=[item for item in items if item.to_follow and item.documents.all()],
    )


@officer_required
def meeting_publish(request, pk):
    """Check the agenda, then hand publication to the worker and show its progress."""
    meeting = editable_meeting(pk)
    today = timezone.localdate()
    late = is_late(meeting.date, today)
    published_before = meeting.publications.exists()
    form = PublishForm(
        request.POST or None,
        meeting=meeting,
        on=today,
        late=late,
        published_before=published_before,
    )
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            job = publication_start(
                meeting=meeting,
                by=request.user,
                token=form.cleaned_data["token"],
                reason_for_urgency=form.cleaned_data.get("reason_for_urgency", ""),
                note=form.cleaned_data.get("note", ""),
                supplement=request.POST.get("action") == "supplement",
            )
        except PublicationRefused as refusal:
            problems = refusal.problems
        else:
            return redirect(job)
    else:
        problems = agenda_problems(meeting)
    try:
        changes, changes_problem = unpublished_changes(meeting), None
    except PackRenderError as error:
        changes, changes_problem = None, str(error)
    summary = publish_summary(meeting)
    return render(
        request,
        "officer/meeting_publish.html",
        {
            "meeting": meeting,
            "form": form,
            "problems": problems,
            "late": late,
            "published_before": published_before,
            "summary": summary,
            "has_to_follow": bool(summary.to_follow),
            "under_way": meeting.publication_jobs.active().first(),
            "confidentiality_changes": confidentiality_changes(meeting),
            "changes": changes,
            "changes_problem": changes_problem,
        },
    )


@officer_required
def publication_job(request, pk):
    """The progress of a publication; the page refreshes itself (htmx) until it is finished."""
    job = get_object_or_404(
        PublicationJob.objects.select_related("meeting__committee", "publication"), pk=pk
    )
    template = (
        "officer/_publication_progress.html" if request.htmx else "officer/publication_job.html"
    )
    return render(request, template, {"job": job, "meeting": job.meeting})


@officer_required
def meeting_history(request, pk):
    meeting = editable_meeting(pk)
    records = [
        *meeting.history.select_related("history_user"),
        *AgendaItem.history.filter(meeting_id=meeting.pk).select_related("history_user"),
        *Document.history.filter(item__meeting_id=meeting.pk).select_related("history_user"),
        # What report authors edit most: their cover sheets and background papers.
        *CoverSheet.history.filter(document__item__meeting_id=meeting.pk).select_related(
            "history_user", "document"
        ),
        *BackgroundPaper.history.filter(
            cover__document__item__meeting_id=meeting.pk
        ).select_related("history_user"),
    ]
    return render(
        request, "officer/history.html", {"meeting": meeting, "changes": history_changes(records)}
    )


@officer_required
def standing_items(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    formset = StandingItemFormSet(request.POST or None, instance=committee)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, f"Standing items saved for {committee}.")
        return redirect("officer:standing_items", committee.slug)
    return render(
        request,
        "officer/standing_items.html",
        {"committee": committee, "formset": formset, "errors": error_summary(formset)},
    )
