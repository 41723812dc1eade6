"""Forms of the minutes: the attendance form that starts from the committee's membership on
the meeting date, a minute with its outcomes and declarations, confirmation at a later meeting,
and the reason an amendment to confirmed minutes needs."""

from django import forms

from committees.models import (
    Attendance,
    Councillor,
    Declaration,
    MinuteEntry,
    Minutes,
    Officer,
    Outcome,
)
from committees.officer.forms.base import GovukFormMixin, GovukInlineFormSet, VersionedFormMixin
from committees.officer.forms.documents import confidentiality_fields, rich_text_field
from committees.officer.forms.fields import DateField, TimeField

MEMBER_STATUSES = [
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Apologies"),
    (Attendance.Status.ABSENT, "Absent"),
]


def amendment_reason_field():
    return forms.CharField(
        label="Reason for the amendment",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="These minutes have been confirmed: a change to them is an amendment, shown "
        "with the minutes to the public with its reason.",
    )


class AmendableFormMixin(VersionedFormMixin):
    """A form of minutes that may be confirmed: then it asks for the amendment's reason."""

    def __init__(self, *args, minutes, **kwargs):
        super().__init__(*args, **kwargs)
        if minutes.is_locked:
            self.fields["amendment_reason"] = amendment_reason_field()
            self.style(self.fields["amendment_reason"], "amendment_reason")


class MinutesTimesForm(AmendableFormMixin, forms.ModelForm):
    """When the meeting started and finished."""

    started_at = TimeField(
        label="The meeting started at", required=False, help_text="For example, 15:00 or 3pm"
    )
    finished_at = TimeField(
        label="The meeting finished at", required=False, help_text="For example, 17:00 or 5pm"
    )

    class Meta:
        model = Minutes
        fields = ["started_at", "finished_at"]


class MemberAttendanceForm(GovukFormMixin, forms.Form):
    """One member of the committee on the meeting date: present, apologies or absent, who
    substituted for them, whether they took the chair."""

    councillor = forms.ModelChoiceField(Councillor.objects.all(), widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Attendance", choices=MEMBER_STATUSES)
    substitute = forms.ModelChoiceField(
        Councillor.objects.all(),
        required=False,
        label="Substituted by",
        empty_label="No substitute",
    )
    in_the_chair = forms.BooleanField(required=False, label="Took the chair")


MemberAttendanceFormSet = forms.formset_factory(MemberAttendanceForm, extra=0)


class InAttendanceForm(GovukFormMixin, forms.Form):
    """Someone else at the meeting: a cabinet member, an officer, a co-opted representative or
    witness, in a named capacity."""

    councillor = forms.ModelChoiceField(Councillor.objects.all(), required=False)
    officer = forms.ModelChoiceField(Officer.objects.all(), required=False)
    name = forms.CharField(
        required=False,
        label="Or their name",
        help_text="For someone who is neither a councillor nor an officer of the council.",
    )
    capacity = forms.CharField(
        required=False,
        help_text="For example, 'Democratic Advisor'. Left blank: the officer's job title or "
        "the cabinet member's portfolio.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].label_from_instance = lambda officer: officer.described
        self.fields["councillor"].label_from_instance = lambda councillor: councillor.described

    def clean(self):
        cleaned = super().clean()
        named = [cleaned.get(name) for name in ("councillor", "officer", "name")]
        if self.has_changed() and sum(bool(value) for value in named) != 1:
            self.add_error("councillor", "Choose a councillor or an officer, or give a name")
        return cleaned

    def attendance(self):
        return Attendance(
            status=Attendance.Status.IN_ATTENDANCE,
            councillor=self.cleaned_data.get("councillor"),
            officer=self.cleaned_data.get("officer"),
            name=self.cleaned_data.get("name", ""),
            capacity=self.cleaned_data.get("capacity", ""),
        )


class BaseInAttendanceFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove"
            form.fields["DELETE"].widget.attrs["class"] = "govuk-checkboxes__input"

    def attendance(self):
        return [
            form.attendance()
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]


InAttendanceFormSet = forms.formset_factory(
    InAttendanceForm, formset=BaseInAttendanceFormSet, extra=2, can_delete=True
)


class MinuteEntryForm(AmendableFormMixin, forms.ModelForm):
    """A minute: its agenda item (or none), title, text, reason for urgency and confidentiality."""

    class Meta:
        model = MinuteEntry
        fields = ["agenda_item", "title", "exempt", "exempt_paragraph", "urgency_reason", "text"]
        labels = {
            "agenda_item": "Agenda item",
            "urgency_reason": "Reason for urgency (an urgent item only)",
        }
        widgets = {"urgency_reason": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance.minutes.meeting
        self.fields["agenda_item"].queryset = meeting.items.order_by("exempt", "position", "pk")
        self.fields["agenda_item"].empty_label = "None: business taken without an agenda item"
        self.fields["agenda_item"].required = False
        self.fields["title"].required = False
        self.fields["title"].help_text = "Left blank, the agenda item's title."
        confidentiality_fields(self)
        self.fields["text"] = rich_text_field(
            label="Minute",
            help_text="What the committee heard. Lettered points: a numbered list with "
            'type="a" prints (a), (b), …. Put what the committee noted, resolved, '
            "recommended or requested in the outcomes below.",
        )
        self.style(self.fields["text"], "text")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("exempt") is False:
            cleaned["exempt_paragraph"] = None
        if not cleaned.get("title"):
            item = cleaned.get("agenda_item")
            if item is None:
                self.add_error("title", "Enter the title, or choose the agenda item minuted")
            else:
                cleaned["title"] = self.instance.title = item.title
        return cleaned


class OutcomeForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Outcome
        fields = [
            "kind",
            "text",
            "recipient",
            "officer",
            "councillor",
            "recipient_name",
            "due_by",
            "topics",
        ]
        labels = {
            "kind": "Outcome",
            "recipient": "Made to, or asked of",
            "officer": "Officer",
            "councillor": "Cabinet member",
            "recipient_name": "Name of the other body",
            "due_by": "Due by",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "topics": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"due_by": "Optional. For example, 24 7 2019"}
        field_classes = {"due_by": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].label_from_instance = lambda officer: officer.described
        self.fields["councillor"].label_from_instance = lambda councillor: councillor.described


class BaseOutcomeFormSet(GovukInlineFormSet):
    delete_label = "Remove this outcome"


OutcomeFormSet = forms.inlineformset_factory(
    MinuteEntry,
    Outcome,
    form=OutcomeForm,
    formset=BaseOutcomeFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class DeclarationForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Declaration
        fields = ["councillor", "kind", "text", "left_room"]
        labels = {"kind": "Kind of interest", "text": "The interest, as declared"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class BaseDeclarationFormSet(GovukInlineFormSet):
    delete_label = "Remove this declaration"


DeclarationFormSet = forms.inlineformset_factory(
    MinuteEntry,
    Declaration,
    form=DeclarationForm,
    formset=BaseDeclarationFormSet,
    fk_name="entry",
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class ConfirmMinutesForm(GovukFormMixin, forms.Form):
    """The minute of a later meeting at which the committee agreed these minutes, and any
    correction it made to them then."""

    at = forms.ModelChoiceField(
        MinuteEntry.objects.none(),
        label="At which minute did the committee agree them?",
        empty_label="Select a minute",
        help_text="A minute of a later meeting of the committee, usually its item 'Minutes'.",
    )
    correction = forms.CharField(
        required=False,
        label="Correction made at confirmation (if any)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    correction_reason = forms.CharField(
        required=False,
        label="Reason for the correction",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, minutes, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].queryset = choices
        self.fields["at"].label_from_instance = lambda entry: (
            f"{entry.minutes.meeting.date:%-d %B %Y}: {entry.title}"
        )
        self.initial.setdefault("version", minutes.version)
