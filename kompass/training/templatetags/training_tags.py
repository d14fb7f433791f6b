import math

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def ratio(value) -> str:
    """A rate ratio or interval bound: two decimals, ∞ for an unbounded upper limit."""
    if value is None:
        return "—"
    if math.isinf(value):
        return "∞"
    return number_format(value, 2)


@register.filter
def label(code, labels):
    """`{{ code|label:labels }}`: the label of a code from a dict of choices."""
    return labels.get(code, code) if labels else code
