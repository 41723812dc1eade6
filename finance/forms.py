"""Officers' forms: importing a monitor's figures from a spreadsheet, entering them by hand (a
formset of lines, one form per directorate; a formset of key issues per directorate), and the
override of a monitor that does not reconcile."""

from django import forms
from django.core.exceptions import ValidationError

from committees.officer.forms.base import GovukFormMixin, GovukInlineFormSet
from finance.arithmetic import FigureError, parse_figure
from finance.imports import ImportRefused, read_figures
from finance.models import FinancialYear, KeyIssue, Monitor

MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024


class FigureField(forms.CharField):
    """A figure in £m as finance officers type it: 3.958, (0.250), -0.25."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_figure(value)
        except FigureError as error:
            raise ValidationError(str(error)) from None

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return f"{value:.3f}"


class SpreadsheetField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Spreadsheet",
            help_text="An .xlsx workbook with a “Lines” sheet (and a “Key issues” sheet if "
            "there are key issues), or a .csv file of the lines, as in the template.",
            error_messages={"required": "Choose the spreadsheet to import"},
            **kwargs,
        )


def _read(form, year):
    """The figures of the form's spreadsheet, or each bad cell as an error at the field."""
    upload = form.cleaned_data.get("spreadsheet")
    if upload is None or year is None:
        return None
    if upload.size > MAX_SPREADSHEET_BYTES:
        form.add_error("spreadsheet", "The spreadsheet must be smaller than 5 MB")
        return None
    try:
        return read_figures(upload.read(), year=year)
    except ImportRefused as refused:
        form.add_error("spreadsheet", ValidationError([str(error) for error in refused.errors]))
        return None


class MonitorImportForm(GovukFormMixin, forms.Form):
    """A new monitor: its year and period, and the spreadsheet of its figures."""

    year = forms.ModelChoiceField(
        FinancialYear.objects.order_by("-start_year"),
        label="Financial year",
        empty_label="Select a financial year",
    )
    kind = forms.ChoiceField(choices=Monitor.Kind.choices, label="Monitored by")
    period = forms.IntegerField(
        label="Period",
        help_text="Month 1 is April; quarter 1 is April to June.",
        error_messages={"required": "Enter the period", "invalid": "Period must be a number"},
    )
    spreadsheet = SpreadsheetField()

    def clean(self):
        cleaned = super().clean()
        year, kind, period = (cleaned.get(name) for name in ("year", "kind", "period"))
        if period is not None and kind:
            last = 12 if kind == Monitor.Kind.MONTH else 4
            if not 1 <= period <= last:
                self.add_error(
                    "period",
                    f"A {kind} of the financial year is 1 to {last}: {period} is outside the year",
                )
            elif year and Monitor.objects.filter(year=year, kind=kind, period=period).exists():
                self.add_error(
                    "period",
                    f"{year} already has a monitor for {kind} {period}: import into it from "
                    "its page instead",
                )
        self.figures = _read(self, year)
        return cleaned


class MonitorReplaceForm(GovukFormMixin, forms.Form):
    """New figures for an existing monitor, from a spreadsheet."""

    spreadsheet = SpreadsheetField()

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        self.monitor = monitor

    def clean(self):
        cleaned = super().clean()
        self.figures = _read(self, self.monitor.year)
        return cleaned


class OverrideForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why may it be published as it is?",
        help_text="Printed in the pack under the monitor, with the figures that do not reconcile.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the monitor may be published as it is"},
    )


class HeadlineForm(GovukFormMixin, forms.ModelForm):
    """The headline figures some councils add to the report, where it has them."""

    working_balance = FigureField(label="Working balance (£m)", required=False)
    savings_target = FigureField(label="Savings target (£m)", required=False)
    savings_at_risk = FigureField(label="Savings at risk (£m)", required=False)

    class Meta:
        model = Monitor
        fields = ["working_balance", "savings_target", "savings_at_risk"]


class LineForm(GovukFormMixin, forms.Form):
    """One directorate's figures."""

    gross_expenditure = FigureField(label="Gross expenditure (£m)")
    gross_income = FigureField(
        label="Gross income (£m)", help_text="Negative: (81.149) or -81.149."
    )
    forecast_outturn = FigureField(label="Forecast outturn (£m)")

    def __init__(self, *args, directorate, **kwargs):
        super().__init__(*args, **kwargs)
        self.directorate = directorate
        for field in self.fields.values():
            field.widget.attrs["class"] += " govuk-input--width-10"

    def clean_gross_income(self):
        value = self.cleaned_data["gross_income"]
        if value is not None and value > 0:
            raise ValidationError("Gross income is negative: write it in brackets, (1.234)")
        return value


class BaseLineFormSet(forms.BaseFormSet):
    """A form per directorate of the year, in Table 1's order."""

    def __init__(self, *args, monitor, **kwargs):
        self.monitor = monitor
        self.directorates = list(monitor.year.directorates.all())
        lines = {line.directorate_id: line for line in monitor.lines.all()}
        initial = [
            {
                "gross_expenditure": line.gross_expenditure,
                "gross_income": line.gross_income,
                "forecast_outturn": line.forecast_outturn,
            }
            if (line := lines.get(directorate.pk))
            else {}
            for directorate in self.directorates
        ]
        super().__init__(*args, initial=initial, **kwargs)

    def get_form_kwargs(self, index):
        return {"directorate": self.directorates[index]}


LineFormSet = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=0)


class KeyIssueForm(GovukFormMixin, forms.ModelForm):
    variation = FigureField(
        label="Variation (£m)", required=False, help_text="Blank if the issue has no figure."
    )

    class Meta:
        model = KeyIssue
        fields = ["service", "issue", "variation", "action"]
        widgets = {
            "issue": forms.Textarea(attrs={"rows": 3}),
            "action": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, directorate, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.directorate = directorate
        self.fields["service"].queryset = directorate.services.all()
        self.fields["service"].empty_label = "The directorate as a whole"


class BaseKeyIssueFormSet(GovukInlineFormSet):
    """The key issues of one directorate in a monitor."""

    delete_label = "Remove this issue"

    def __init__(self, *args, directorate, **kwargs):
        self.directorate = directorate
        kwargs.setdefault("queryset", KeyIssue.objects.filter(directorate=directorate))
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"directorate": self.directorate}

    def save_new(self, form, commit=True):
        form.instance.directorate = self.directorate
        return super().save_new(form, commit=commit)


KeyIssueFormSet = forms.inlineformset_factory(
    Monitor,
    KeyIssue,
    form=KeyIssueForm,
    formset=BaseKeyIssueFormSet,
    extra=1,
    can_delete=True,
)
