"""Officer forms by subject, styled with GOV.UK Frontend classes; rendered by
templates/includes/form.html. Every name is re-exported here for the views."""

from committees.officer.forms.agenda import AgendaItemForm, StandingItemFormSet
from committees.officer.forms.base import (
    GovukFormMixin,
    VersionedFormMixin,
    error_summary,
    kept_and_removed,
)
from committees.officer.forms.documents import (
    BackgroundPaperForm,
    BackgroundPaperFormSet,
    CoverSheetForm,
    DocumentForm,
    GeneratorChoiceForm,
)
from committees.officer.forms.meetings import CommitteeChoiceForm, MeetingForm, MeetingStatusForm
from committees.officer.forms.publication import PublishForm

__all__ = [
    "AgendaItemForm",
    "BackgroundPaperForm",
    "BackgroundPaperFormSet",
    "CommitteeChoiceForm",
    "CoverSheetForm",
    "DocumentForm",
    "GeneratorChoiceForm",
    "GovukFormMixin",
    "MeetingForm",
    "MeetingStatusForm",
    "PublishForm",
    "StandingItemFormSet",
    "VersionedFormMixin",
    "error_summary",
    "kept_and_removed",
]
