"""What the public reads of a meeting's record, from committees.minutes."""

from django import template
from django.utils import timezone

from committees import minutes as rules
from committees.models import Meeting

register = template.Library()

# The GOV.UK tag colour of each state of a meeting's record.
COLOURS = {
    "Cancelled": "red",
    "Postponed": "orange",
    "Held — minutes to follow": "grey",
    "Minutes published (draft)": "yellow",
    "Agenda published": "green",
    "Scheduled": "blue",
}


def loaded_minutes(meeting):
    """The meeting's minutes if the query selected them (`MeetingQuerySet.with_committee`
    does), so that a list of meetings asks nothing more; None if it has none."""
    related = Meeting.minutes.related
    if not related.is_cached(meeting):
        return None
    return related.get_cached_value(meeting)


@register.inclusion_tag("committees/_record_status.html")
def record_status(meeting, minutes=None):
    """The meeting's status as a GOV.UK tag: 'Held — minutes to follow', 'Minutes published
    (draft)', 'Minutes confirmed on 24 July 2019', cancelled, postponed…"""
    status = rules.record_status(meeting, minutes or loaded_minutes(meeting), timezone.localdate())
    return {"status": status, "colour": COLOURS.get(status, "turquoise")}
