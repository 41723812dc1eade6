"""Officer forms, styled with GOV.UK Frontend classes; rendered by templates/includes/form.html."""

import datetime
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from committees import exemption
from committees.models import AgendaItem, Committee, Meeting, StandingItem

WIDGET_CLASSES = {
    "text": "govuk-input",
    "email": "govuk-input",
    "url": "govuk-input",
    "number": "govuk-input govuk-input--width-4",
    "date": "govuk-input govuk-input--width-10",
    "time": "govuk-input govuk-input--width-5",
    "password": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
    "selectmultiple": "govuk-select",
}


class GovukFormMixin:
    """Adds GOV.UK classes to widgets, and the error modifier to fields that have errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            self.style(field)

    @staticmethod
    def style(field):
        """Give `field`'s widget its GOV.UK class (for a field added after __init__)."""
        widget_type = field.widget.__class__.__name__.lower().replace("input", "")
        widget_type = getattr(field.widget, "input_type", None) or widget_type
        css = WIDGET_CLASSES.get(widget_type, "")
        if css:
            field.widget.attrs["class"] = css

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields and "class" in self.fields[name].widget.attrs:
                widget = self.fields[name].widget
                widget.attrs["class"] += f" {widget.attrs['class'].split()[0]}--error"


class VersionedFormMixin(GovukFormMixin):
    """Carries the version the editor started from, for the optimistic check on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, initial=self.instance.version if self.instance.pk else 1
        )
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def rebase(self, record):
        """After a refused save, keep the editor's text but base it on the version now saved,
        so that saving again replaces that version knowingly instead of being refused for ever.
        """
        record.refresh_from_db(fields=["version"])
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(record.version)


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    """Create a meeting, or change when and where it is."""

    date = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}), help_text="For example, 24/07/2019."
    )
    start_time = forms.TimeField(
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="For example, 14:00.",
    )
    webcast_url = forms.URLField(
        required=False, assume_scheme="https", label="Webcast address", help_text="Optional."
    )

    class Meta:
        model = Meeting
        fields = ["committee", "date", "start_time", "venue", "webcast", "webcast_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["committee"]
            self.initial.setdefault("date", self.instance.date)
            self.initial.setdefault("start_time", self.instance.start_time)

    def _post_clean(self):
        # A date outside every municipal year is already reported at the date field; the
        # model would report it again against `starts_at`, which this form does not have.
        if not self.has_error("date"):
            super()._post_clean()

    def clean(self):
        cleaned = super().clean()
        date, start = cleaned.get("date"), cleaned.get("start_time")
        if date and start:
            self.instance.starts_at = timezone.make_aware(datetime.datetime.combine(date, start))
            try:
                self.instance.municipal_year = self.instance.find_municipal_year()
            except ValidationError as error:
                self.add_error("date", error.message_dict["starts_at"])
        return cleaned


class MeetingStatusForm(GovukFormMixin, forms.Form):
    """Postpone or cancel a meeting; the reason is shown on the public meeting page."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the public on the meeting page.",
    )


class AgendaItemForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "standing_text", "to_follow", "verbal", "exempt", "exempt_paragraph"]
        widgets = {"standing_text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exempt_paragraph"] = exemption.paragraph_field()


class PublishForm(GovukFormMixin, forms.Form):
    # One token per form shown: the same form sent twice (a double click, a proxy's retry)
    # publishes once.
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4().hex

    reason_for_urgency = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Reason for urgency",
        help_text="Required when the agenda is published with fewer than five clear working "
        "days' notice (Local Government Act 1972, s.100B(4)(b)). It is shown on the public "
        "meeting page.",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What has changed",
        help_text="For a republication or a supplement, for example 'Item 7 report added'.",
    )


StandingItemFormSet = forms.inlineformset_factory(
    Committee,
    StandingItem,
    fields=["title", "standing_text", "at_end", "position"],
    extra=2,
    can_delete=True,
    widgets={"standing_text": forms.Textarea(attrs={"rows": 2})},
)
