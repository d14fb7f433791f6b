"""Fixed codes of the directory (docs/interfaces.md §3 service codes), importable by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceCode(models.TextChoices):
    CRISIS_INTERVENTION = "crisis_intervention", _("Crisis intervention")
    EMERGENCY_ACCOMMODATION = "emergency_accommodation", _("Emergency accommodation")
    FOOD = "food", _("Food")
    COUNSELLING = "counselling", _("Counselling")
    PSYCHOTHERAPY = "psychotherapy", _("Psychotherapy")
    LEGAL_ASSISTANCE = "legal_assistance", _("Legal assistance")
    MEDICAL_CARE = "medical_care", _("Medical care")
    INTERPRETATION = "interpretation", _("Interpretation")
    TRANSPORT = "transport", _("Transport")
    EDUCATION_TRAINING = "education_training", _("Education and training")
    EMPLOYMENT_SUPPORT = "employment_support", _("Employment support")
    FINANCIAL_SUPPORT = "financial_support", _("Financial support")
    RETURN_ASSISTANCE = "return_assistance", _("Return assistance")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    INFORMATION = "information", _("Information")


class EntryKind(models.TextChoices):
    OFFICE = "office", _("Office")
    SHELTER = "shelter", _("Shelter")
    SUPPORT_POINT = "support_point", _("Support point")
    HOTLINE = "hotline", _("Hotline")
    CLINIC = "clinic", _("Clinic")
    LEGAL_AID = "legal_aid", _("Legal aid")


class HotlinePurpose(models.TextChoices):
    # Declared in display order: emergency first.
    EMERGENCY = "emergency", _("Emergency")
    TRAFFICKING = "trafficking", _("Trafficking")
    POLICE = "police", _("Police")
    CHILD = "child", _("Children")
    MISSING_CHILDREN = "missing_children", _("Missing children")
    VIOLENCE = "violence", _("Violence against women")
    VICTIMS = "victims", _("Victims of crime")
    GOVERNMENT = "government", _("Government hotline")


# Hotlines whose country is REGION_WIDE work in every country of the region (112).
REGION_WIDE = "EU"

# Countries the hotlines cover: the route countries and the destinations of job offers.
COUNTRY_NAMES = {
    REGION_WIDE: _("Everywhere in Europe"),
    "RO": _("Romania"),
    "MD": _("Moldova"),
    "UA": _("Ukraine"),
    "RS": _("Serbia"),
    "PL": _("Poland"),
    "DE": _("Germany"),
    "CZ": _("Czechia"),
    "IT": _("Italy"),
    "ES": _("Spain"),
    "NL": _("Netherlands"),
    "AT": _("Austria"),
    "GB": _("United Kingdom"),
    "HU": _("Hungary"),
    "SK": _("Slovakia"),
    "BG": _("Bulgaria"),
}


def country_name(iso2: str) -> str:
    """The country's name in the active language, or its code when we do not name it."""
    return str(COUNTRY_NAMES.get((iso2 or "").upper(), iso2))


# Languages people at a support point may speak (ISO 639-1). Wider than the interface languages.
SPOKEN_LANGUAGES = {
    "uk": _("Ukrainian"),
    "ru": _("Russian"),
    "ro": _("Romanian"),
    "en": _("English"),
    "sr": _("Serbian"),
    "pl": _("Polish"),
    "hu": _("Hungarian"),
    "sk": _("Slovak"),
    "cs": _("Czech"),
    "de": _("German"),
    "fr": _("French"),
    "it": _("Italian"),
    "bg": _("Bulgarian"),
    "tr": _("Turkish"),
    "ar": _("Arabic"),
    "crh": _("Crimean Tatar"),
    "rom": _("Romani"),
}
