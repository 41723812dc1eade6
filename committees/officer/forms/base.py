"""What every officer form shares: GOV.UK Frontend classes on its widgets, the version an editor
started from, and the GOV.UK error summary across several forms on one page."""

from django import forms
from django.forms.fields import Field
from django.forms.utils import pretty_name

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

# Django's own wording, which the Design System words otherwise.
EMPTY_LABEL = "---------"
REQUIRED = Field.default_error_messages["required"]


class GovukFormMixin:
    """Adds GOV.UK classes to widgets, the Design System's wording where Django has its own
    ("Select a committee", not "---------"; "Enter the title", not "This field is required."),
    and the error modifier and error message's id to fields that have errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            self.style(field, name)

    @staticmethod
    def style(field, name=""):
        """Give `field`'s widget its GOV.UK class and `field` the Design System's wording (for
        a field added after __init__ too)."""
        widget = field.widget
        widget_type = widget.__class__.__name__.lower().replace("input", "")
        css = WIDGET_CLASSES.get(widget_type) or WIDGET_CLASSES.get(
            getattr(widget, "input_type", None) or widget_type, ""
        )
        if css:
            widget.attrs["class"] = css
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == EMPTY_LABEL:
            noun = field.queryset.model._meta.verbose_name
            field.empty_label = f"Select {'an' if noun[0] in 'aeiou' else 'a'} {noun}"
        label = str(field.label or pretty_name(name))
        if label and field.error_messages.get("required") == REQUIRED:
            verb = "Select" if isinstance(field, forms.ChoiceField) else "Enter"
            field.error_messages["required"] = f"{verb} the {label[0].lower()}{label[1:]}"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget, bound = self.fields[name].widget, self[name]
            if "class" in widget.attrs:
                widget.attrs["class"] += f" {widget.attrs['class'].split()[0]}--error"
            # The Design System links an input to its error message as to its hint.
            described_by = [f"{bound.auto_id}_helptext"] if bound.help_text else []
            widget.attrs["aria-describedby"] = " ".join([*described_by, f"{bound.auto_id}_error"])


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


class GovukInlineFormSet(forms.BaseInlineFormSet):
    """An inline formset whose "remove" boxes are GOV.UK checkboxes saying what they remove."""

    delete_label = "Remove"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.delete_label
            form.fields["DELETE"].widget.attrs["class"] = "govuk-checkboxes__input"


def kept_and_removed(formset):
    """From a valid inline formset: the rows to keep, in the order listed (new ones only if
    filled in), and the saved rows to delete."""
    kept, removed = [], []
    for form in formset.forms:
        if form.instance.pk and formset._should_delete_form(form):
            removed.append(form.instance)
        elif form.instance.pk or (form.has_changed() and not formset._should_delete_form(form)):
            kept.append(form.instance)
    return kept, removed


def error_summary(*forms_and_formsets):
    """[(href, message), ...] for the GOV.UK error summary across several forms."""
    errors = []

    def add_form(form):
        errors.extend(("", str(message)) for message in form.non_field_errors())
        for field in form.visible_fields():
            # Radios have no single label target: GOV.UK links to the first option.
            anchor = field.id_for_label or f"{field.auto_id}_0"
            errors.extend((f"#{anchor}", str(message)) for message in field.errors)

    for thing in forms_and_formsets:
        if thing is None or not thing.is_bound:
            continue
        if isinstance(thing, forms.BaseFormSet):
            errors.extend(("", str(message)) for message in thing.non_form_errors())
            for form in thing.forms:
                add_form(form)
        else:
            add_form(thing)
    return errors
