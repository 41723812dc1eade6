"""Creating a meeting, moving it, postponing or cancelling it."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone

from committees.models import Committee, Meeting
from committees.officer.forms.base import GovukFormMixin, VersionedFormMixin
from committees.officer.forms.fields import DateField, TimeField


class CommitteeChoiceForm(GovukFormMixin, forms.Form):
    """The first step of creating a meeting: whose, so that the meeting's form can start from
    the committee's usual venue and time. A GET form (?committee=<slug>), no JavaScript."""

    committee = forms.ModelChoiceField(
        Committee.objects.all(),
        to_field_name="slug",
        label="Which committee is the meeting of?",
        error_messages={
            "required": "Select the committee the meeting is of",
            "invalid_choice": "Select the committee the meeting is of, from the list",
        },
    )


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    """Create a meeting of `committee`, or change when and where a meeting is.

    A meeting at the same start as another of its committee's is refused until the officer
    confirms it with "Create it anyway" (`confirm_duplicate`), which appears with the warning.
    """

    date = DateField(
        label="Date of meeting",
        required_message="Enter the date of the meeting",
        help_text="For example, 24 7 2019",
    )
    start_time = TimeField(
        label="Start time",
        required_message="Enter the start time",
        help_text="For example, 14:00 or 2pm",
    )
    webcast_url = forms.URLField(
        required=False, assume_scheme="https", label="Webcast address", help_text="Optional."
    )

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "venue", "webcast", "webcast_url"]

    def __init__(self, *args, committee=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committee is not None:
            self.instance.committee = committee
        if self.instance.pk:
            self.initial.setdefault("date", self.instance.date)
            self.initial.setdefault("start_time", self.instance.start_time)
        # Sent again with the box ticked: keep the box, so that the confirmation counts.
        if self.add_prefix("confirm_duplicate") in self.data:
            self.add_confirmation()

    def add_confirmation(self):
        self.fields["confirm_duplicate"] = forms.BooleanField(
            required=False,
            label="Create it anyway" if self.instance.pk is None else "Save it anyway",
        )
        self.style(self.fields["confirm_duplicate"], "confirm_duplicate")

    def refuse_duplicate(self, existing):
        """Warn that `existing` starts at the same time, and offer to go ahead."""
        if "confirm_duplicate" not in self.fields:
            self.add_confirmation()
        when = dateformat.format(timezone.localtime(existing.starts_at), r"g.i a \o\n l j F Y")
        self.add_error(
            "confirm_duplicate",
            f"The {existing.committee} already has a meeting at {when}. Change the date or "
            f"start time, or select ‘{self.fields['confirm_duplicate'].label}’ if it meets twice",
        )

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

    def __init__(self, *args, status, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = f"Why is the meeting {status.label.lower()}?"
        self.fields["reason"].error_messages["required"] = (
            f"Enter why the meeting is {status.label.lower()}"
        )
