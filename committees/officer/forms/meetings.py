"""Creating a meeting, moving it, postponing or cancelling it."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from committees.models import Meeting
from committees.officer.forms.base import GovukFormMixin, VersionedFormMixin


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
