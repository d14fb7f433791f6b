"""Fixed codes of the directory (docs/interfaces.md §3 service codes), importable by every app."""

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from kompass.lib import names

_language_name = lazy(names.language_name, str)


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

# Countries the hotlines cover, in the order pages list them: the route countries, then the
# destinations of job offers. Their names come from Babel in the reader's language (lib.names).
HOTLINE_COUNTRIES: tuple[str, ...] = (
    REGION_WIDE, "RO", "MD", "UA", "RS", "PL", "DE", "CZ", "IT", "ES", "NL", "AT", "GB", "HU", "SK", "BG",
)  # fmt: skip


def country_name(iso2: str) -> str:
    """The country's name in the active language (Babel), or its code when it names no country."""
    if (iso2 or "").upper() == REGION_WIDE:
        return str(_("Everywhere in Europe"))
    return names.country_name(iso2) or (iso2 or "")


# Languages people at a support point may speak (ISO 639-1). Wider than the interface languages.
SPOKEN_LANGUAGES: dict[str, str] = {
    code: _language_name(code)
    for code in (
        "uk",
        "ru",
        "ro",
        "en",
        "sr",
        "pl",
        "hu",
        "sk",
        "cs",
        "de",
        "fr",
        "it",
        "bg",
        "tr",
        "ar",
        "crh",
        "rom",
    )
}  # names from Babel, in the reader's language when shown
