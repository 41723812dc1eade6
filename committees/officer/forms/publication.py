"""Publishing a meeting's agenda, a republication or a supplement."""

import uuid

from django import forms

from committees.officer.forms.base import GovukFormMixin
from committees.services.publication import lateness_problems


class PublishForm(GovukFormMixin, forms.Form):
    """The publish button, with the boxes that apply: the reason for urgency only when the
    agenda is late, what has changed only when it was published before."""

    # One token per form shown: the same form sent twice (a double click, a proxy's retry)
    # publishes once.
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    reason_for_urgency = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Reason for urgency",
        help_text="Required because the agenda is published with fewer than five clear working "
        "days' notice (Local Government Act 1972, s.100B(4)(b)). It is shown on the public "
        "meeting page.",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What has changed",
        help_text="Optional. For example, 'Item 7 report added'.",
    )

    def __init__(self, *args, meeting, on, late, published_before, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting, self.on = meeting, on
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4().hex
        if not late:
            del self.fields["reason_for_urgency"]
        if not published_before:
            del self.fields["note"]

    def clean_reason_for_urgency(self):
        reason = self.cleaned_data["reason_for_urgency"]
        problems = lateness_problems(self.meeting, on=self.on, reason_for_urgency=reason)
        if problems:
            raise forms.ValidationError(problems)
        return reason
