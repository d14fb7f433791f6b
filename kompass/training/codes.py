"""Fixed code lists of the training app (sector codes are docs/interfaces.md §2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    HEALTH = "health", _("Health")
    EMERGENCY_LINE = "emergency_line", _("Emergency lines (112 / 119)")
    POLICE = "police", _("Police")
    EDUCATION = "education", _("Education")
    SOCIAL_SERVICES = "social_services", _("Social services")
    REFUGEE_SUPPORT = "refugee_support", _("Refugee support")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    BEAUTY_WELLNESS = "beauty_wellness", _("Beauty salons and fitness")
    HOSPITALITY_TOURISM = "hospitality_tourism", _("Hospitality and tourism")
    ONLINE = "online", _("Online (digital abuse, grooming, recruitment)")
    GENERAL_PUBLIC = "general_public", _("General public")


class Module(models.TextChoices):
    """Modules of a training for professionals; each has a question bank in questions/<code>.yaml."""

    INDICATORS = "indicators", _("Recognising the indicators")
    HANDLING_CASE = "handling_case", _("Handling a possible case")
    TRUST_BUILDING = "trust_building", _("Trauma-informed trust-building")
    SELF_CARE = "self_care", _("Self-care and burnout prevention")
    SECTOR_SPECIFIC = "sector_specific", _("Sector-specific situations")


class Topic(models.TextChoices):
    """Topics of a school session on digital abuse."""

    DIGITAL_ABUSE = "digital_abuse", _("Digital abuse")
    ONLINE_GROOMING = "online_grooming", _("Online grooming")
    SEXTORTION = "sextortion", _("Sextortion")
    SAFE_INTERNET = "safe_internet", _("Safe use of the internet")
    ONLINE_RECRUITMENT = "online_recruitment", _("Recruitment online")


class Phase(models.TextChoices):
    PRE = "pre", _("Before the training")
    POST = "post", _("After the training")


# Model field that stores each module / topic (real boolean columns, queryable).
MODULE_FIELDS = {m.value: f"module_{m.value}" for m in Module}
TOPIC_FIELDS = {t.value: f"topic_{t.value}" for t in Topic}

COUNTRIES = {"RO": _("Romania"), "MD": _("Moldova"), "RS": _("Serbia"), "UA": _("Ukraine")}

PASS_MARK_PERCENT = 70
