"""The public work programme as a sortable table (django-tables2)."""

import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html

from workprogramme import live
from workprogramme.models import Topic


def _nulls_last(queryset, field, is_descending):
    value = F(field)
    order = value.desc(nulls_last=True) if is_descending else value.asc(nulls_last=True)
    return queryset.order_by(order, "position", "pk"), True


class TopicTable(tables.Table):
    title = tables.Column(
        verbose_name="Topic",
        attrs={"td": {"class": "govuk-table__cell", "id": lambda record: f"topic-{record.pk}"}},
    )
    kind = tables.Column(verbose_name="Type")
    meeting = tables.Column(
        verbose_name="Meeting", order_by=("meeting__starts_at",), default="To be scheduled"
    )
    status_code = tables.Column(verbose_name="Status")
    score = tables.Column(verbose_name="Score", default="Not scored")
    band = tables.Column(verbose_name="Priority", empty_values=())
    reason = tables.Column(verbose_name="Reason for consideration", orderable=False, default="")
    responsible = tables.Column(
        verbose_name="Responsible Cabinet Member / Officer", empty_values=(), orderable=False
    )

    class Meta:
        model = Topic
        fields = []
        sequence = [
            "title",
            "kind",
            "meeting",
            "status_code",
            "score",
            "band",
            "reason",
            "responsible",
        ]
        template_name = "workprogramme/_table.html"
        empty_text = "No topics match."
        order_by = ("meeting",)
        attrs = {
            "class": "govuk-table wp-topics",
            "thead": {"class": "govuk-table__head"},
            "tbody": {"class": "govuk-table__body"},
            "th": {"class": "govuk-table__header", "scope": "col"},
            "td": {"class": "govuk-table__cell"},
        }

    def __init__(self, *args, caption="", **kwargs):
        super().__init__(*args, **kwargs)
        self.caption = caption

    def order_meeting(self, queryset, is_descending):
        """By date, the topics still to be scheduled last."""
        return _nulls_last(queryset, "meeting__starts_at", is_descending)

    def order_score(self, queryset, is_descending):
        """By score, the topics not scored last whichever way (databases differ on where
        they put NULLs)."""
        return _nulls_last(queryset, "score", is_descending)

    def order_band(self, queryset, is_descending):
        return self.order_score(queryset, is_descending)

    def render_meeting(self, value):
        return f"{value.date:%-d %B %Y}"

    def render_status_code(self, record):
        return record.status_label

    def render_score(self, value):
        return f"({value})"

    def render_band(self, record):
        return record.band or "None"

    def render_responsible(self, record):
        return live.responsible(record)

    def render_title(self, record):
        flag = " (evidence missing)" if record.unevidenced else ""
        return format_html("{}{}", record.title, flag)
