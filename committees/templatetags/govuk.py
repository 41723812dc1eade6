"""GOV.UK Design System patterns that every form page shares."""

from django import forms, template
from django.utils.functional import LazyObject

from committees.officer.forms.base import error_summary as summary

register = template.Library()


@register.filter
def error_summary(form):
    """[(href, message), ...]: the error summary of one form, each linked to its field; none
    on a page without a form."""
    return summary(form) if isinstance(form, forms.BaseForm | forms.BaseFormSet) else []


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """'Error: ' before the page title when a form on the page has errors (the Design System's
    error summary pattern), whichever name the view gave the form."""
    for value in context.flatten().values():
        # A lazy value is never a form: left unevaluated, as asking for the CSRF token would
        # give every reader a cookie of their own, and the page to no shared cache.
        if isinstance(value, LazyObject):
            continue
        is_form = isinstance(value, forms.BaseForm | forms.BaseFormSet)
        if is_form and value.is_bound and not value.is_valid():
            return "Error: "
    return ""
