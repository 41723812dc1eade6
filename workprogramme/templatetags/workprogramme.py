"""How the work programme prints a topic's score and the people responsible."""

from django import template

from workprogramme import live

register = template.Library()


@register.simple_tag
def score(topic):
    """'(5)' as the seed prints it; '' for a topic not yet scored."""
    return "" if topic.score is None else f"({topic.score})"


@register.simple_tag
def responsible(topic):
    return live.responsible(topic)
