"""The officer's pages for work programmes, the decision tracker and programme updates. Views
are thin: the forms collect, the services apply the rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from committees.access import officer_required
from committees.models import Outcome
from committees.officer.forms.base import error_summary
from workprogramme import services, tracker
from workprogramme.forms import (
    AreaAnswerForm,
    DecisionForm,
    DriverForms,
    ProgrammeForm,
    ProgrammeUpdateForm,
    ProgressNoteForm,
    ScheduleForm,
    TopicForm,
    WithdrawForm,
    WorkProgrammeForm,
    WorkstreamForms,
    WorkstreamStatusForm,
)
from workprogramme.models import (
    AreaAnswer,
    Programme,
    ProgrammeUpdate,
    Topic,
    TrackedDecision,
    WorkProgramme,
)


def add_errors(form, error: ValidationError):
    """Put a service's refusal on the form, at its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@officer_required
def index(request):
    today = timezone.localdate()
    return render(
        request,
        "workprogramme/officer/index.html",
        {
            "work_programmes": WorkProgramme.objects.select_related("committee", "municipal_year"),
            "rows": tracker.rows(
                TrackedDecision.objects.for_tracker(), as_of=today, order_by_status=True
            ),
            "programmes": Programme.objects.select_related("committee").prefetch_related("updates"),
        },
    )


@officer_required
def work_programme_create(request):
    form = WorkProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        work_programme = form.save()
        messages.success(request, f"{work_programme} started.")
        return redirect("workprogramme_officer:work_programme", work_programme.pk)
    return render(
        request,
        "workprogramme/officer/form.html",
        {"form": form, "title": "Start a work programme", "button": "Start the work programme"},
    )


@officer_required
def work_programme(request, pk):
    the_programme = get_object_or_404(
        WorkProgramme.objects.select_related("committee", "municipal_year"), pk=pk
    )
    topics = (
        the_programme.topics.for_listing()
        .with_status(timezone.localdate())
        .select_related("meeting__committee", "agenda_item")
    )
    return render(
        request,
        "workprogramme/officer/work_programme.html",
        {"work_programme": the_programme, "topics": topics},
    )


@officer_required
def topic_edit(request, pk=None, programme_pk=None):
    """Add a topic to a work programme, or edit one, with its prioritisation answers."""
    if pk is None:
        topic = Topic(programme=get_object_or_404(WorkProgramme, pk=programme_pk))
    else:
        topic = get_object_or_404(Topic.objects.select_related("programme__committee"), pk=pk)
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_save(
                topic=form.instance,
                cabinet_members=form.cleaned_data["cabinet_members"],
                officers=form.cleaned_data["officers"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            saved = form.instance
            score = "not scored" if saved.score is None else f"scored ({saved.score})"
            messages.success(request, f"“{saved}” saved, {score}.")
            if saved.unevidenced:
                messages.warning(
                    request,
                    f"“Yes” without evidence: {', '.join(saved.unevidenced)}. Add the evidence "
                    "when you have it.",
                )
            return redirect("workprogramme_officer:work_programme", saved.programme_id)
    events = topic.events.select_related("meeting", "by") if topic.pk else []
    return render(
        request,
        "workprogramme/officer/topic_form.html",
        {"form": form, "topic": topic, "events": events, "errors": error_summary(form)},
    )


@officer_required
def topic_schedule(request, pk):
    topic = get_object_or_404(
        Topic.objects.select_related("programme__committee", "meeting"), pk=pk
    )
    form = ScheduleForm(request.POST or None, topic=topic)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_schedule(
                topic=topic, meeting=form.cleaned_data["meeting"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        except services.TopicInPublishedAgenda as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, f"“{topic}” is scheduled for {topic.meeting}: it is on that agenda."
            )
            return redirect("workprogramme_officer:work_programme", topic.programme_id)
    return _topic_form_page(request, form, topic, "Schedule this topic", "Schedule it")


@officer_required
@require_POST
def topic_unschedule(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    try:
        services.topic_unschedule(topic=topic, by=request.user)
    except services.TopicInPublishedAgenda as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"“{topic}” is back to be scheduled.")
    return redirect("workprogramme_officer:work_programme", topic.programme_id)


@officer_required
def topic_withdraw(request, pk):
    topic = get_object_or_404(Topic, pk=pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_withdraw(
                topic=topic, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.TopicInPublishedAgenda as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"“{topic}” withdrawn from the work programme.")
            return redirect("workprogramme_officer:work_programme", topic.programme_id)
    return _topic_form_page(request, form, topic, "Withdraw this topic", "Withdraw it")


def _topic_form_page(request, form, topic, title, button):
    return render(
        request,
        "workprogramme/officer/form.html",
        {
            "form": form,
            "caption": str(topic),
            "title": title,
            "button": button,
            "back": topic.programme_id,
        },
    )


def _decision(pk):
    return get_object_or_404(
        TrackedDecision.objects.for_tracker().prefetch_related("outcome__work_programme_topics"),
        pk=pk,
    )


@officer_required
def decision(request, pk):
    """A tracked decision: its target, the people responsible and the executive's response,
    its progress notes, and for 'agreed to schedule' the topics to add."""
    the_decision = _decision(pk)
    form = DecisionForm(request.POST or None, instance=the_decision, prefix="decision")
    note_form = ProgressNoteForm(prefix="note")
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_update(decision=form.instance)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Decision saved.")
            return redirect("workprogramme_officer:decision", pk)
    return _decision_page(request, the_decision, form, note_form)


def _decision_page(request, the_decision, form, note_form):
    (row,) = tracker.rows([the_decision], as_of=timezone.localdate())
    return render(
        request,
        "workprogramme/officer/decision.html",
        {
            "decision": the_decision,
            "row": row,
            "form": form,
            "note_form": note_form,
            "errors": error_summary(form, note_form),
            "schedulable": the_decision.outcome.kind == Outcome.Kind.SCHEDULED,
        },
    )


@officer_required
@require_POST
def decision_note(request, pk):
    the_decision = _decision(pk)
    note_form = ProgressNoteForm(request.POST, prefix="note")
    if note_form.is_valid():
        try:
            services.progress_note_add(
                decision=the_decision, by=request.user, **note_form.cleaned_data
            )
        except ValidationError as error:
            add_errors(note_form, error)
        else:
            messages.success(request, "Progress note added.")
            return redirect("workprogramme_officer:decision", pk)
    form = DecisionForm(instance=the_decision, prefix="decision")
    return _decision_page(request, the_decision, form, note_form)


@officer_required
@require_POST
def decision_topics(request, pk):
    """Add the topics an 'agreed to schedule' minute names to the work programme."""
    the_decision = _decision(pk)
    try:
        added = services.topics_from_outcome(outcome=the_decision.outcome, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workprogramme_officer:decision", pk)
    if added:
        messages.success(
            request, f"Added to the work programme: {', '.join(t.title for t in added)}."
        )
        return redirect("workprogramme_officer:work_programme", added[0].programme_id)
    messages.info(request, "The work programme already has every topic this minute names.")
    return redirect("workprogramme_officer:decision", pk)


@officer_required
def programme_edit(request, pk=None):
    """A programme with its drivers and workstreams."""
    the_programme = get_object_or_404(Programme, pk=pk) if pk else Programme()
    form = ProgrammeForm(request.POST or None, instance=the_programme)
    drivers = DriverForms(request.POST or None, instance=the_programme, prefix="drivers")
    workstreams = WorkstreamForms(
        request.POST or None, instance=the_programme, prefix="workstreams"
    )
    if request.method == "POST" and all(f.is_valid() for f in (form, drivers, workstreams)):
        with transaction.atomic():
            saved = form.save()
            for formset in (drivers, workstreams):
                formset.instance = saved
                formset.save()
        messages.success(request, f"{saved} saved.")
        return redirect("workprogramme_officer:overview")
    return render(
        request,
        "workprogramme/officer/programme_form.html",
        {
            "form": form,
            "drivers": drivers,
            "workstreams": workstreams,
            "programme": the_programme,
            "errors": error_summary(form, drivers, workstreams),
        },
    )


@officer_required
def update_create(request, pk):
    """Record an update on a programme: every workstream's status, and what it says on the
    areas the committee asked for."""
    the_programme = get_object_or_404(
        Programme.objects.prefetch_related(
            "workstreams", Prefetch("requested_areas", to_attr="areas")
        ),
        pk=pk,
    )
    data = request.POST or None
    form = ProgrammeUpdateForm(data, instance=ProgrammeUpdate(programme=the_programme))
    status_forms = [
        WorkstreamStatusForm(data, workstream=w) for w in the_programme.workstreams.all()
    ]
    answer_forms = [AreaAnswerForm(data, area=area) for area in the_programme.areas]
    if request.method == "POST" and all(f.is_valid() for f in [form, *status_forms, *answer_forms]):
        statuses = [row for f in status_forms if (row := f.row())]
        answers = [
            AreaAnswer(area=f.area, text=f.cleaned_data["text"])
            for f in answer_forms
            if f.cleaned_data["text"].strip()
        ]
        try:
            update = services.programme_update_create(
                update=form.instance, statuses=statuses, answers=answers
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"{update} recorded.")
            return redirect(update.get_absolute_url())
    return render(
        request,
        "workprogramme/officer/update_form.html",
        {
            "form": form,
            "programme": the_programme,
            "status_forms": status_forms,
            "answer_forms": answer_forms,
            "errors": error_summary(form, *status_forms, *answer_forms),
        },
    )
