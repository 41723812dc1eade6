"""Publishing a meeting's agenda, a republication or a supplement."""

import uuid

from django import forms

from committees.officer.forms.base import GovukFormMixin


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
