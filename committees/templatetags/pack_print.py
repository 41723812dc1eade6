"""Template helpers for the printed agenda pack."""

from django import template

register = template.Library()


@register.filter
def page_numbers(count):
    """1, 2, … `count`: one placeholder page per page of an uploaded PDF."""
    return range(1, (count or 0) + 1)
