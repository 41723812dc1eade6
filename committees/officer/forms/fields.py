"""GOV.UK Design System fields Django does not have: the date input (day, month and year
boxes) and a time typed as people write it, each with the Design System's error messages.

The date input is rendered by templates/includes/field.html from `DateBoundField.parts`.
"""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

PARTS = ("day", "month", "year")


class DayMonthYearInput(forms.MultiWidget):
    """Three text boxes, named `<field>_day`, `<field>_month` and `<field>_year`."""

    def __init__(self, attrs=None):
        super().__init__(dict.fromkeys(PARTS, forms.TextInput), attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


@dataclass
class DatePart:
    """One box of a date input, as the template writes it."""

    name: str
    id: str
    label: str
    width: int
    value: str
    error: bool


class DateBoundField(forms.BoundField):
    """A date input's boxes, and the one an error message links to: the first box in error
    (the Design System's rule), or the day when the whole date is wrong."""

    def _parts_in_error(self):
        for error in self.errors.as_data():
            parts = (error.params or {}).get("parts")
            if parts:
                return parts
        return PARTS if self.errors else ()

    @property
    def parts(self):
        widget = self.field.widget
        values = self.value()
        if not isinstance(values, list | tuple):
            values = widget.decompress(values)
        in_error = self._parts_in_error()
        return [
            DatePart(
                name=f"{self.html_name}_{part}",
                id=f"{self.auto_id}_{index}",
                label=part.capitalize(),
                width=4 if part == "year" else 2,
                value="" if value is None else str(value),
                error=part in in_error,
            )
            for index, (part, value) in enumerate(zip(PARTS, values, strict=True))
        ]

    @property
    def id_for_label(self):
        in_error = self._parts_in_error()
        first = next((PARTS.index(part) for part in PARTS if part in in_error), 0)
        return f"{self.auto_id}_{first}"


class DateField(forms.Field):
    """A date as day, month and year boxes.

    `label` names the date in messages ("Date of meeting must be a real date"); `required`
    says what to enter when it is left blank ("Enter the date of the meeting").
    """

    widget = DayMonthYearInput
    bound_field_class = DateBoundField

    def __init__(self, *, required_message=None, **kwargs):
        super().__init__(**kwargs)
        if required_message:
            self.error_messages["required"] = required_message

    def to_python(self, value):
        if isinstance(value, datetime.date) or value in self.empty_values:
            return value or None
        entered = {part: str(box or "").strip() for part, box in zip(PARTS, value, strict=True)}
        if not any(entered.values()):
            return None
        missing = [part for part in PARTS if not entered[part]]
        if missing:
            raise ValidationError(
                f"{self.label} must include a {' and '.join(missing)}",
                code="incomplete",
                params={"parts": missing},
            )
        wrong = [part for part in PARTS if not entered[part].isdigit()]
        if wrong:
            raise ValidationError(
                f"{self.label} must be a real date", code="invalid", params={"parts": wrong}
            )
        if len(entered["year"]) != 4:
            raise ValidationError(
                "Year must include 4 numbers", code="year", params={"parts": ["year"]}
            )
        try:
            return datetime.date(*(int(entered[part]) for part in ("year", "month", "day")))
        except ValueError:
            raise ValidationError(f"{self.label} must be a real date", code="invalid") from None


# "14:00", "14.00", "1400", "2pm", "2.30pm", "2:30 p.m."
TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?(?P<half>am|pm)?$")


class TimeField(forms.TimeField):
    """A time of day as people type it: the 24-hour clock (14:00) or the 12-hour one (2pm)."""

    widget = forms.TimeInput(format="%H:%M")

    def __init__(self, *, required_message=None, **kwargs):
        super().__init__(**kwargs)
        if required_message:
            self.error_messages["required"] = required_message

    def to_python(self, value):
        if isinstance(value, datetime.time) or value in self.empty_values:
            return value or None
        not_a_time = ValidationError(
            f"{self.label} must be a real time, like 14:00 or 2pm", code="invalid"
        )
        typed = re.sub(r"\s", "", str(value).lower())
        match = TIME.match(re.sub(r"([ap])\.?m\.?$", r"\1m", typed))
        if match is None:
            raise not_a_time
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if match["half"]:
            if not 1 <= hour <= 12:
                raise not_a_time
            hour = hour % 12 + (12 if match["half"] == "pm" else 0)
        try:
            return datetime.time(hour, minute)
        except ValueError:
            raise not_a_time from None
