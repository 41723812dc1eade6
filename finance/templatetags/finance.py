"""Figures as councils print them, for templates (the arithmetic is finance/arithmetic.py's)."""

from django import template

from finance import arithmetic

register = template.Library()


@register.filter
def figure(value):
    """3.958, (0.250): £m to three decimals, negatives in brackets."""
    return arithmetic.figure(value)


@register.filter
def pounds(value):
    """£3.958m, (£0.419m): a figure in a sentence."""
    return "" if value is None else arithmetic.pounds(value)
