"""The filters of the public work programme and tracker pages (django-filter), GET forms that
work without JavaScript."""

import django_filters
from django import forms

from committees.models import Committee, MunicipalYear
from committees.officer.forms.base import GovukFormMixin
from workprogramme import prioritisation, tracking
from workprogramme.models import Topic


class FilterForm(GovukFormMixin, forms.Form):
    """django-filter's form, in GOV.UK style."""


class TopicFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Topic.Kind.choices, label="Type", empty_label="Any type"
    )
    status = django_filters.ChoiceFilter(
        field_name="status_code",
        choices=Topic.Status.choices,
        label="Status",
        empty_label="Any status",
    )
    band = django_filters.ChoiceFilter(
        choices=[(name, name) for name, _, _ in prioritisation.BANDS],
        label="Priority",
        empty_label="Any priority",
        method="filter_band",
    )
    score = django_filters.ChoiceFilter(
        choices=[(n, f"{n} or more") for n in range(6, 0, -1)],
        label="Score",
        empty_label="Any score",
        method="filter_score",
    )

    class Meta:
        model = Topic
        fields = ["kind", "status", "band", "score"]
        form = FilterForm

    def filter_band(self, queryset, name, value):
        low, high = prioritisation.band_range(value)
        return queryset.filter(score__gte=low, score__lte=high)

    def filter_score(self, queryset, name, value):
        return queryset.filter(score__gte=int(value))


class TrackerFilter(django_filters.FilterSet):
    """Committee and year filter the query; status, computed, is filtered on the rows."""

    committee = django_filters.ModelChoiceFilter(
        field_name="outcome__entry__minutes__meeting__committee",
        queryset=Committee.objects.order_by("name"),
        label="Committee",
        empty_label="Any committee",
    )
    municipal_year = django_filters.ModelChoiceFilter(
        field_name="outcome__entry__minutes__meeting__municipal_year",
        queryset=MunicipalYear.objects.all(),
        label="Municipal year",
        empty_label="Any year",
    )
    status = django_filters.ChoiceFilter(
        choices=[(code, tracking.STATUS_LABELS[code]) for code in tracking.STATUS_ORDER],
        label="Status",
        empty_label="Any status",
        method="keep",
    )

    class Meta:
        form = FilterForm
        fields = ["committee", "municipal_year", "status"]

    def keep(self, queryset, name, value):
        return queryset

    def status_wanted(self):
        return self.form.cleaned_data.get("status") if self.form.is_valid() else ""
