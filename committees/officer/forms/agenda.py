"""The agenda's items, and the standing items every agenda of a committee carries."""

from django import forms

from committees import exemption
from committees.models import AgendaItem, Committee, StandingItem
from committees.officer.forms.base import GovukFormMixin, GovukInlineFormSet, VersionedFormMixin


class AgendaItemForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "standing_text", "to_follow", "verbal", "exempt", "exempt_paragraph"]
        widgets = {"standing_text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        exempt = self.fields["exempt"]
        exempt.help_text = f"{exempt.help_text} {exemption.NUMBERED_LAST}"
        self.fields["exempt_paragraph"] = exemption.paragraph_field()
        self.fields["title"].error_messages["required"] = "Enter the title of the item"


class StandingItemForm(GovukFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the title of the standing item"


class BaseStandingItemFormSet(GovukInlineFormSet):
    delete_label = "Remove this standing item"


StandingItemFormSet = forms.inlineformset_factory(
    Committee,
    StandingItem,
    form=StandingItemForm,
    formset=BaseStandingItemFormSet,
    fields=["title", "standing_text", "at_end", "position"],
    extra=2,
    can_delete=True,
    widgets={"standing_text": forms.Textarea(attrs={"rows": 2})},
)
