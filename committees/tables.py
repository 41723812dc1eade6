"""Sortable tables of the public pages (django-tables2), rendered with GOV.UK's table styles by
templates/committees/_sortable_table.html."""

import django_tables2 as tables
from django.urls import reverse


class AttendanceTable(tables.Table):
    """Each member's attendance at a committee's meetings, from their published minutes."""

    councillor__name = tables.Column(
        verbose_name="Councillor",
        order_by=("councillor__sort_name", "councillor__name"),
        linkify=lambda record: reverse("committees:councillor", args=[record["councillor__slug"]]),
        attrs={"a": {"class": "govuk-link"}},
    )
    expected = tables.Column(verbose_name="Expected")
    present = tables.Column(verbose_name="Present")
    substitute = tables.Column(verbose_name="Present as a substitute")
    apologies = tables.Column(verbose_name="Apologies")
    absent = tables.Column(verbose_name="Absent")

    class Meta:
        orderable = True
        attrs = {"class": "govuk-table"}
