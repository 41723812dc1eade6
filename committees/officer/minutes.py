"""The officer's minutes: attendance, the minutes of each item with their outcomes and
declarations, publication as a draft, confirmation at a later meeting, and amendments to
confirmed minutes. The rules are the services' (committees.services.minutes); a refusal is
shown at the field it concerns, with nothing saved."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from committees import minutes as rules
from committees.access import officer_required
from committees.models import Attendance, Declaration, Meeting, MinuteEntry, Minutes, Outcome
from committees.officer.forms import error_summary, kept_and_removed
from committees.officer.forms.minutes import (
    ConfirmMinutesForm,
    DeclarationFormSet,
    InAttendanceFormSet,
    MemberAttendanceFormSet,
    MinuteEntryForm,
    MinutesTimesForm,
    OutcomeFormSet,
)
from committees.officer.history import history_changes
from committees.services import EditConflict
from committees.services import minutes as services

CONFLICT = "Your changes were not saved because someone else saved first."


def meeting_minutes(pk, request=None):
    """The meeting and its minutes; minutes not yet started are started by a POST only, so that
    looking at them does not create them (a meeting with minutes is kept for good)."""
    meeting = get_object_or_404(Meeting.objects.select_related("committee", "venue"), pk=pk)
    if request is None or request.method == "POST":
        minutes = services.minutes_of(meeting)
    else:
        minutes = Minutes.objects.filter(meeting=meeting).first() or Minutes(meeting=meeting)
    minutes.meeting = meeting
    return meeting, minutes


@officer_required
def minutes_overview(request, pk):
    """The minutes of a meeting as they stand, with every action on them."""
    meeting, minutes = meeting_minutes(pk, request)
    if minutes.pk is None:
        return render(
            request,
            "officer/minutes.html",
            {"meeting": meeting, "minutes": minutes, "unminuted": meeting.items.count()},
        )
    minutes = Minutes.objects.select_related(
        "meeting__committee", "confirmed_by__minutes__meeting"
    ).get(pk=minutes.pk)
    return render(
        request,
        "officer/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "record": rules.record(minutes, restricted=True),
            "has_attendance": minutes.attendance.exists(),
            "confirmations": confirmation_choices(minutes).exists(),
            "unminuted": meeting.items.exclude(minute_entries__minutes=minutes).count(),
        },
    )


def member_initial(minutes):
    """A row for each member of the committee on the meeting date, as recorded so far."""
    meeting = minutes.meeting
    attendance = minutes.attendance.all() if minutes.pk else Attendance.objects.none()
    recorded = {row.councillor_id: row for row in attendance.filter(councillor__isnull=False)}
    substitutes = {
        row.substitute_for_id: row.councillor
        for row in recorded.values()
        if row.status == Attendance.Status.SUBSTITUTE
    }
    rows = []
    for membership in (
        meeting.committee.memberships.current_on(meeting.date)
        .by_role()
        .select_related("councillor")
    ):
        councillor = membership.councillor
        row = recorded.get(councillor.pk)
        rows.append(
            {
                "councillor": councillor,
                "status": row.status if row else Attendance.Status.PRESENT,
                "substitute": substitutes.get(councillor.pk),
                "in_the_chair": row.in_the_chair if row else False,
                "membership": membership,
            }
        )
    return rows


@officer_required
def minutes_attendance(request, pk):
    """One form: the members on the meeting date, others in attendance, start and finish."""
    meeting, minutes = meeting_minutes(pk, request)
    data = request.POST if request.method == "POST" else None
    initial = member_initial(minutes)
    in_attendance = (
        minutes.attendance.filter(status=Attendance.Status.IN_ATTENDANCE).order_by("pk")
        if minutes.pk
        else []
    )
    times = MinutesTimesForm(data, instance=minutes, minutes=minutes)
    members = MemberAttendanceFormSet(
        data,
        prefix="members",
        initial=[{k: v for k, v in row.items() if k != "membership"} for row in initial],
    )
    others = InAttendanceFormSet(
        data,
        prefix="others",
        initial=[
            {
                "councillor": row.councillor,
                "officer": row.officer,
                "name": row.name,
                "capacity": row.capacity,
            }
            for row in in_attendance
        ],
    )
    if data is not None and times.is_valid() and members.is_valid() and others.is_valid():
        try:
            services.attendance_save(
                minutes=minutes,
                expected_version=times.cleaned_data["version"],
                started_at=times.cleaned_data["started_at"],
                finished_at=times.cleaned_data["finished_at"],
                members=[
                    services.MemberAttendance(
                        councillor=form.cleaned_data["councillor"],
                        status=form.cleaned_data["status"],
                        in_the_chair=form.cleaned_data["in_the_chair"],
                        substitute=form.cleaned_data["substitute"],
                    )
                    for form in members.forms
                ],
                others=others.attendance(),
                by=request.user,
                amendment_reason=times.cleaned_data.get("amendment_reason", ""),
            )
        except EditConflict as error:
            times.add_error(None, str(error))
            times.rebase(error.instance)
            messages.error(request, CONFLICT)
        except ValidationError as error:
            place_attendance_errors(error, times, members, others)
        else:
            messages.success(request, "Attendance saved.")
            return redirect("officer:minutes", meeting.pk)
    rows = list(zip(members.forms, [row["membership"] for row in initial], strict=False))
    return render(
        request,
        "officer/minutes_attendance.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "times": times,
            "members": members,
            "rows": rows,
            "others": others,
            "errors": error_summary(times, members, others),
        },
    )


def each_refusal(error):
    """(field or None, message, params) of each message of a ValidationError, keyed or not."""
    by_field = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
    for field, problems in by_field.items():
        for problem in problems:
            params = problem.params or {}
            yield field, problem.message % params if params else problem.message, params


def place_attendance_errors(error, times, members, others):
    """Put each refusal at the row and field it concerns: a member's row for a substitution or
    their status; otherwise the times form's field, or the top of the page."""
    by_councillor = {}
    for form in members.forms:
        by_councillor[form.cleaned_data["councillor"].pk] = form
        if form.cleaned_data.get("substitute"):
            by_councillor.setdefault(form.cleaned_data["substitute"].pk, form)
    for form in others.forms:
        if form.cleaned_data.get("councillor"):
            by_councillor.setdefault(form.cleaned_data["councillor"].pk, form)
    for field, message, params in each_refusal(error):
        form = by_councillor.get(params.get("councillor"))
        if form is not None and params.get("field") in form.fields:
            form.add_error(params["field"], message)
        else:
            times.add_error(field if field in times.fields else None, message)


@officer_required
@require_POST
def minutes_from_agenda(request, pk):
    """A minute for every agenda item not yet minuted, titled as the item."""
    meeting, minutes = meeting_minutes(pk)
    try:
        added = services.entries_from_agenda(
            minutes=minutes, expected_version=int(request.POST.get("version", 0))
        )
    except EditConflict:
        messages.error(request, "The minutes changed while you were looking at them. Try again.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{len(added)} minutes added from the agenda.")
    return redirect("officer:minutes", meeting.pk)


def entry_forms(request, entry, minutes):
    data = request.POST if request.method == "POST" else None
    form = MinuteEntryForm(data, instance=entry, minutes=minutes)
    outcomes = OutcomeFormSet(data, instance=entry, prefix="outcomes")
    declarations = DeclarationFormSet(data, instance=entry, prefix="declarations")
    present = Attendance.objects.filter(
        minutes_id=minutes.pk, status__in=[Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE]
    ).values("councillor")
    for declaration in declarations.forms:
        # Those present; a councillor posted otherwise is refused by the service, by name.
        declaration.fields["councillor"].queryset = declaration.fields[
            "councillor"
        ].queryset.filter(pk__in=present) | declaration.fields["councillor"].queryset.filter(
            pk=declaration.instance.councillor_id or 0
        )
    return form, outcomes, declarations


@officer_required
def minute_add(request, pk):
    """A minute taken without an agenda item, or for one chosen."""
    meeting, minutes = meeting_minutes(pk, request)
    return minute_editor(request, MinuteEntry(minutes=minutes), meeting, minutes)


@officer_required
def minute_edit(request, pk):
    entry = get_object_or_404(
        MinuteEntry.objects.select_related("minutes__meeting__committee"), pk=pk
    )
    return minute_editor(request, entry, entry.minutes.meeting, entry.minutes)


def minute_editor(request, entry, meeting, minutes):
    is_new = entry.pk is None
    form, outcomes, declarations = entry_forms(request, entry, minutes)
    if (
        request.method == "POST"
        and form.is_valid()
        and outcomes.is_valid()
        and declarations.is_valid()
    ):
        kept_outcomes, removed_outcomes = kept_and_removed(outcomes)
        kept_declarations, removed_declarations = kept_and_removed(declarations)
        try:
            services.entry_save(
                entry=form.save(commit=False),
                expected_version=None if is_new else form.cleaned_data["version"],
                outcomes=kept_outcomes,
                remove_outcomes=removed_outcomes,
                declarations=kept_declarations,
                remove_declarations=removed_declarations,
                by=request.user,
                amendment_reason=form.cleaned_data.get("amendment_reason", ""),
            )
        except EditConflict as error:
            form.add_error(None, str(error))
            if not is_new:
                form.rebase(error.instance)
            messages.error(request, CONFLICT)
        except ValidationError as error:
            place_entry_errors(error, form, declarations)
        else:
            messages.success(request, f"Minute saved: {entry.title}.")
            return redirect(f"{minutes_url(meeting)}#minute-entry-{entry.pk}")
    number = None if is_new else rules.minute_numbers(minutes).get(entry.pk)
    return render(
        request,
        "officer/minute_form.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "entry": entry,
            "number": number,
            "form": form,
            "outcomes": outcomes,
            "declarations": declarations,
            "errors": error_summary(form, outcomes, declarations),
        },
    )


def place_entry_errors(error, form, declarations):
    """A declaration refused goes to its councillor's field; anything else to the minute's
    form (outcomes are checked by their own forms first)."""
    by_councillor = {
        sub.cleaned_data["councillor"].pk: sub
        for sub in declarations.forms
        if sub.cleaned_data.get("councillor")
    }
    for field, message, params in each_refusal(error):
        declaration = by_councillor.get(params.get("councillor"))
        if declaration is not None:
            declaration.add_error("councillor", message)
        else:
            form.add_error(field if field in form.fields else None, message)


def minutes_url(meeting):
    return reverse("officer:minutes", args=[meeting.pk])


@officer_required
def minute_remove(request, pk):
    entry = get_object_or_404(MinuteEntry.objects.select_related("minutes__meeting"), pk=pk)
    meeting = entry.minutes.meeting
    if request.method == "POST":
        try:
            services.entry_remove(
                entry=entry, expected_minutes_version=int(request.POST.get("version", 0))
            )
        except (EditConflict, ValueError):
            messages.error(
                request, "The minutes changed while you were looking at them. Try again."
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, f"Minute removed: {entry.title}. The minutes after it are renumbered."
            )
        return redirect("officer:minutes", meeting.pk)
    return render(
        request,
        "officer/minute_remove.html",
        {"entry": entry, "meeting": meeting, "minutes": entry.minutes},
    )


@officer_required
@require_POST
def minutes_publish(request, pk):
    """Publish the minutes as a draft, with the council's caveat."""
    meeting, minutes = meeting_minutes(pk)
    try:
        services.minutes_publish(
            minutes=minutes,
            expected_version=int(request.POST.get("version", 0)),
            on=timezone.localdate(),
        )
    except (EditConflict, ValueError):
        messages.error(
            request, "The minutes changed while you were looking at them. Check them, then publish."
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The draft minutes are published.")
    return redirect("officer:minutes", meeting.pk)


def confirmation_choices(minutes):
    """Minutes of later meetings of the same committee that confirm nothing yet."""
    meeting = minutes.meeting
    return (
        MinuteEntry.objects.filter(
            minutes__meeting__committee=meeting.committee_id,
            minutes__meeting__starts_at__gt=meeting.starts_at,
            confirms__isnull=True,
        )
        .select_related("minutes__meeting")
        .order_by("minutes__meeting__starts_at", "position", "pk")
    )


@officer_required
def minutes_confirm(request, pk):
    """Record that a later meeting agreed the minutes as an accurate record."""
    meeting, minutes = meeting_minutes(pk)
    form = ConfirmMinutesForm(
        request.POST or None, minutes=minutes, choices=confirmation_choices(minutes)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_confirm(
                minutes=minutes,
                at=form.cleaned_data["at"],
                expected_version=form.cleaned_data["version"],
                by=request.user,
                correction=form.cleaned_data["correction"],
                correction_reason=form.cleaned_data["correction_reason"],
            )
        except EditConflict as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            for field, message, _ in each_refusal(error):
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"The minutes of {meeting} are confirmed.")
            return redirect("officer:minutes", meeting.pk)
    return render(
        request,
        "officer/minutes_confirm.html",
        {"meeting": meeting, "minutes": minutes, "form": form, "errors": error_summary(form)},
    )


@officer_required
def minutes_history(request, pk):
    meeting, minutes = meeting_minutes(pk)
    records = [
        *minutes.history.select_related("history_user"),
        *Attendance.history.filter(minutes_id=minutes.pk).select_related("history_user"),
        *MinuteEntry.history.filter(minutes_id=minutes.pk).select_related("history_user"),
        *Outcome.history.filter(entry__minutes_id=minutes.pk).select_related("history_user"),
        *Declaration.history.filter(minutes_id=minutes.pk).select_related("history_user"),
    ]
    return render(
        request,
        "officer/minutes_history.html",
        {"meeting": meeting, "changes": history_changes(records)},
    )
