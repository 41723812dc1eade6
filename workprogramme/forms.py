"""Officers' forms for work programmes, the tracker and programme updates, in GOV.UK style
(committees/officer/forms/base.py). The rules are the models' and services'; the forms only
collect."""

from django import forms
from django.utils import timezone

from committees.models import Committee, Councillor, Meeting, MunicipalYear, Officer
from committees.officer.forms.base import GovukFormMixin, GovukInlineFormSet
from committees.officer.forms.fields import DateField
from workprogramme import prioritisation
from workprogramme.models import (
    Driver,
    Programme,
    ProgrammeUpdate,
    Topic,
    TrackedDecision,
    WorkProgramme,
    Workstream,
    WorkstreamStatus,
)

ANSWERS = [("", "Not answered"), ("yes", "Yes"), ("no", "No")]


def answer_to_python(value):
    return {"yes": True, "no": False}.get(value)


class WorkProgrammeForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = WorkProgramme
        fields = [
            "committee",
            "municipal_year",
            "enquiries_officer",
            "enquiries_role",
            "enquiries_phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.order_by("name")
        self.fields["municipal_year"].queryset = MunicipalYear.objects.all()


class TopicForm(GovukFormMixin, forms.ModelForm):
    """A topic with the six questions of the prioritisation tool, each with its evidence."""

    class Meta:
        model = Topic
        fields = ["title", "reason", "kind", "cabinet_members", "officers"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the title of the topic"
        self.fields["cabinet_members"].queryset = Councillor.objects.all()
        self.fields["cabinet_members"].help_text = "Hold Ctrl (or ⌘) to choose more than one."
        self.fields["officers"].queryset = Officer.objects.all()
        for criterion in prioritisation.CRITERIA:
            answer = forms.TypedChoiceField(
                choices=ANSWERS,
                coerce=answer_to_python,
                empty_value=None,
                required=False,
                label=f"{criterion.label}: {criterion.question}",
            )
            evidence = forms.CharField(
                required=False,
                label=f"Evidence for {criterion.label.lower()}",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[criterion.name] = answer
            self.fields[f"{criterion.name}_evidence"] = evidence
            for name, field in ((criterion.name, answer), (f"{criterion.name}_evidence", evidence)):
                self.style(field, name)
            if self.instance.pk:
                value = getattr(self.instance, criterion.name)
                self.initial[criterion.name] = {True: "yes", False: "no"}.get(value, "")
                self.initial[f"{criterion.name}_evidence"] = getattr(
                    self.instance, f"{criterion.name}_evidence"
                )

    @property
    def criteria_fields(self):
        return [(self[c.name], self[f"{c.name}_evidence"]) for c in prioritisation.CRITERIA]

    @property
    def topic_fields(self):
        return [self[name] for name in self.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        answers = {c.name: cleaned.get(c.name) for c in prioritisation.CRITERIA}
        unanswered = [c for c in prioritisation.CRITERIA if answers[c.name] is None]
        if unanswered and len(unanswered) < len(prioritisation.CRITERIA):
            for criterion in unanswered:
                self.add_error(
                    criterion.name,
                    f"Answer “{criterion.label}”: a score counts all six questions",
                )
        for criterion in prioritisation.CRITERIA:
            setattr(self.instance, criterion.name, answers[criterion.name])
            setattr(
                self.instance,
                f"{criterion.name}_evidence",
                cleaned.get(f"{criterion.name}_evidence", ""),
            )
        return cleaned


class ScheduleForm(GovukFormMixin, forms.Form):
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label="Meeting",
        empty_label="Select a meeting",
        error_messages={"required": "Select the meeting to schedule the topic for"},
    )

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        # The committee's coming meetings; the service refuses any other all the same.
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(
                committee=topic.programme.committee_id,
                starts_at__date__gte=timezone.localdate(),
            )
            .exclude(status__in=[Meeting.Status.HELD, Meeting.Status.CANCELLED])
            .select_related("committee")
            .order_by("starts_at")
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.starts_at:%-d %B %Y}"


class WithdrawForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why is the topic withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the topic is withdrawn"},
    )


class DecisionForm(GovukFormMixin, forms.ModelForm):
    target_date = DateField(label="Target date", required=False)
    response_on = DateField(label="Date of the response", required=False)

    class Meta:
        model = TrackedDecision
        fields = [
            "target_date",
            "officer",
            "councillor",
            "response",
            "response_text",
            "response_on",
        ]
        widgets = {"response_text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_executive_recommendation:
            for name in ("response", "response_text", "response_on"):
                del self.fields[name]


class ProgressNoteForm(GovukFormMixin, forms.Form):
    on = DateField(label="Date", required_message="Enter the date of the progress note")
    text = forms.CharField(
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the progress made"},
    )
    completes = forms.BooleanField(
        required=False,
        label="This completes the decision",
        help_text="The decision has been carried out.",
    )


class ProgrammeForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "committee", "lead_member", "lead_director", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class DriverFormSet(GovukInlineFormSet):
    delete_label = "Remove this driver"


class WorkstreamFormSet(GovukInlineFormSet):
    delete_label = "Remove this workstream"


def _styled(form_class):
    return type(form_class.__name__, (GovukFormMixin, form_class), {})


DriverForms = forms.inlineformset_factory(
    Programme,
    Driver,
    form=_styled(forms.ModelForm),
    formset=DriverFormSet,
    fields=["title", "description", "position"],
    extra=1,
    can_delete=True,
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
)
WorkstreamForms = forms.inlineformset_factory(
    Programme,
    Workstream,
    form=_styled(forms.ModelForm),
    formset=WorkstreamFormSet,
    fields=["title", "kind", "description", "position"],
    extra=1,
    can_delete=True,
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
)


class ProgrammeUpdateForm(GovukFormMixin, forms.ModelForm):
    dated = DateField(label="Date of the update", required_message="Enter the date of the update")

    class Meta:
        model = ProgrammeUpdate
        fields = ["dated", "meeting", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            committee=self.instance.programme.committee_id
        ).order_by("-starts_at")
        self.fields["meeting"].label_from_instance = lambda m: f"{m.starts_at:%-d %B %Y}"


class WorkstreamStatusForm(GovukFormMixin, forms.Form):
    """One workstream's line in an update; left 'Not reported', it is not part of the update."""

    status = forms.ChoiceField(
        choices=[("", "Not reported"), *WorkstreamStatus.Status.choices], required=False
    )
    narrative = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    next_steps = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, workstream, **kwargs):
        super().__init__(*args, prefix=f"workstream-{workstream.pk}", **kwargs)
        self.workstream = workstream
        self.fields["status"].label = f"Status of {workstream.title}"
        self.fields["narrative"].label = f"Progress on {workstream.title}"
        self.fields["next_steps"].label = f"Next steps for {workstream.title}"

    def row(self):
        data = self.cleaned_data
        if not data.get("status"):
            return None
        return WorkstreamStatus(
            workstream=self.workstream,
            status=data["status"],
            narrative=data["narrative"],
            next_steps=data["next_steps"],
        )


class AreaAnswerForm(GovukFormMixin, forms.Form):
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, prefix=f"area-{area.pk}", **kwargs)
        self.area = area
        self.fields["text"].label = f"What the update says on: {area.text}"
        self.fields[
            "text"
        ].help_text = f"Asked for by {area.committee} on {area.requested_on:%-d %B %Y}."
