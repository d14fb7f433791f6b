"""`{% load names %}`: codes shown as names in the reader's language (kompass.lib.names, Babel)."""

from django import template

from kompass.lib import names

register = template.Library()


@register.filter
def country_name(code) -> str:
    """`{{ case.citizenship|country_name }}`: ISO 3166-1 alpha-2 or alpha-3 → the country's name."""
    return names.country_name(code)


@register.filter
def language_name(code) -> str:
    """`{{ message.language|language_name }}`: a language code ('sr', 'sr-latn', 'uk') → its name."""
    return names.language_name(code)


@register.filter
def age_band_label(band) -> str:
    """`{{ case.age_band|age_band_label }}`: '21--23' → '21–23' (CTDC bands as people write them)."""
    return names.age_band_label(band)
