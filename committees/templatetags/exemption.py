"""Part II wording for templates, from committees.exemption."""

from django import template

from committees import exemption

register = template.Library()


@register.filter
def exempt_under(paragraph):
    """'paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972'."""
    return exemption.exempt_under(paragraph)


@register.filter
def part_two(paragraph):
    """'Part II, paragraph 3'."""
    return exemption.part_two(paragraph)
