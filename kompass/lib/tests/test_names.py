"""Names instead of codes, in the reader's language (Babel), for countries, languages and age bands."""

import pytest
from django.template import Context, Template
from django.utils import translation

from kompass.lib.names import age_band_label, country_name, language_name


@pytest.mark.parametrize(
    ("language", "serbia", "moldova", "ukrainian"),
    [
        ("en", "Serbia", "Moldova", "Ukrainian"),
        ("ro", "Serbia", "Republica Moldova", "Ucraineană"),
        ("uk", "Сербія", "Молдова", "Українська"),
        ("ru", "Сербия", "Молдова", "Украинский"),
        ("sr-latn", "Srbija", "Moldavija", "Ukrajinski"),  # Serbian in Latin script, not Cyrillic
    ],
)
def test_names_in_each_language(language, serbia, moldova, ukrainian):
    assert country_name("SRB", language) == serbia  # alpha-3 (citizenship, CTDC)
    assert country_name("RS", language) == serbia  # alpha-2 (where assisted)
    assert country_name("MD", language) == moldova
    assert language_name("uk", language) == ukrainian


def test_serbian_latin_is_named_as_such():
    assert language_name("sr-latn", "en") == "Serbian (Latin)"
    assert language_name("sr-latn", "sr-latn") == "Srpski (latinica)"


def test_unknown_and_empty_codes():
    assert country_name("", "en") == "" and country_name(None, "en") == ""
    assert country_name("ZZZ", "en") == "ZZZ"  # shown, never hidden
    assert language_name("xx-nonsense", "en") == "xx-nonsense"


@pytest.mark.parametrize(
    ("band", "label"),
    [
        ("21--23", "21–23"),
        ("09--17", "9–17"),
        ("0--8", "0–8"),
        ("48+", "48+"),
        ("", ""),
        ("unknown", "unknown"),
    ],
)
def test_age_bands_as_people_write_them(band, label):
    assert age_band_label(band) == label


def test_the_template_filters_follow_the_active_language():
    template = Template("{% load names %}{{ c|country_name }} {{ l|language_name }} {{ b|age_band_label }}")
    with translation.override("sr-latn"):
        assert template.render(Context({"c": "UKR", "l": "ru", "b": "24--26"})) == "Ukrajina Ruski 24–26"
    with translation.override("uk"):
        assert template.render(Context({"c": "ROU", "l": "sr", "b": "24--26"})) == "Румунія Сербська 24–26"
