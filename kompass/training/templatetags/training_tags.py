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
def lookup(mapping, key):
    return mapping.get(key, key) if mapping else key
