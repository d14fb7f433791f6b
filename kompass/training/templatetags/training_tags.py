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


@register.filter
def signed(value, digits: int = 1) -> str:
    """A change in percentage points with its sign: +12.5, −3.0."""
    if value is None:
        return "—"
    text = number_format(abs(value), int(digits))
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)
