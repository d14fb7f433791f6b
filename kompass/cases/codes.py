"""Fixed codes for cases (docs/interfaces.md §3). Service codes come from the directory when it has them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.directory.codes import ServiceCode

__all__ = ["ServiceCode"]  # re-exported: the one service code list is the directory's


class SectorCode(models.TextChoices):
    HEALTH = "health", _("Health")
    EMERGENCY_LINE = "emergency_line", _("Emergency line")
    POLICE = "police", _("Police")
    EDUCATION = "education", _("Education")
    SOCIAL_SERVICES = "social_services", _("Social services")
    REFUGEE_SUPPORT = "refugee_support", _("Refugee support")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    BEAUTY_WELLNESS = "beauty_wellness", _("Beauty and wellness")
    HOSPITALITY_TOURISM = "hospitality_tourism", _("Hospitality and tourism")
    ONLINE = "online", _("Online")
    GENERAL_PUBLIC = "general_public", _("General public")


class Stage(models.TextChoices):
    IDENTIFICATION = "identification", _("Identification")
    FIRST_ASSISTANCE = "first_assistance", _("First assistance and protection")
    LONG_TERM_ASSISTANCE = "long_term_assistance", _("Long-term assistance")
    RETURN = "return", _("Return")
    SOCIAL_INCLUSION = "social_inclusion", _("Social inclusion")
    CLOSED = "closed", _("Closed")


class RiskLevel(models.TextChoices):
    """How endangered the person is now, as the caseworker assessed it (most urgent last)."""

    LOW = "low", pgettext_lazy("risk level", "Low")
    MEDIUM = "medium", pgettext_lazy("risk level", "Medium")
    HIGH = "high", pgettext_lazy("risk level", "High")
    IMMEDIATE_DANGER = "immediate_danger", pgettext_lazy("risk level", "Immediate danger")


# The case stage machine (TRM phases). Closing is possible from every open stage.
STAGE_TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.IDENTIFICATION: frozenset({Stage.FIRST_ASSISTANCE, Stage.CLOSED}),
    Stage.FIRST_ASSISTANCE: frozenset({Stage.LONG_TERM_ASSISTANCE, Stage.RETURN, Stage.CLOSED}),
    Stage.LONG_TERM_ASSISTANCE: frozenset({Stage.RETURN, Stage.SOCIAL_INCLUSION, Stage.CLOSED}),
    Stage.RETURN: frozenset({Stage.SOCIAL_INCLUSION, Stage.CLOSED}),
    Stage.SOCIAL_INCLUSION: frozenset({Stage.CLOSED}),
    Stage.CLOSED: frozenset(),
}


class TraffickingStatus(models.TextChoices):
    POSSIBLE = "possible", _("Possible victim")
    ACTUAL = "actual", _("Formally identified victim")
    NOT_A_VICTIM = "not_a_victim", _("Not a victim")


class DecidingBody(models.TextChoices):
    POLICE = "police", _("Police")
    NGO = "ngo", _("NGO")
    COURT_OR_PROSECUTION = "court_or_prosecution", _("Court or prosecution")
    OTHER_STATE_BODY = "other_state_body", _("Other state body")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class RecruiterRelation(models.TextChoices):
    INTIMATE_PARTNER = "intimate_partner", _("Intimate partner")
    FRIEND = "friend", _("Friend")
    FAMILY = "family", _("Family")
    OTHER = "other", _("Other")


class RecruitmentMethod(models.TextChoices):
    PLACE_OF_BUSINESS = "place_of_business", _("Place of business")
    EDUCATIONAL_INSTITUTION = "educational_institution", _("Educational institution")
    AT_WORK = "at_work", _("At work")
    ONLINE_SOCIAL_NETWORK = "online_social_network", _("Online social network")
    ONLINE_ADVERTISEMENT = "online_advertisement", _("Online advertisement")
    TV_ADVERT = "tv_advert", _("TV advert")
    NEWSPAPER_ADVERT = "newspaper_advert", _("Newspaper advert")
    FAMILY = "family", _("Family")
    FRIENDS_SOCIAL_EVENTS = "friends_social_events", _("Friends or social events")
    OTHER = "other", _("Other")


ONLINE_METHODS = frozenset({RecruitmentMethod.ONLINE_SOCIAL_NETWORK, RecruitmentMethod.ONLINE_ADVERTISEMENT})


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    FACEBOOK_MESSENGER = "facebook_messenger", "Facebook Messenger"
    VIBER = "viber", "Viber"
    SNAPCHAT = "snapchat", "Snapchat"
    TIKTOK = "tiktok", "TikTok"
    TWITTER = "twitter", "Twitter / X"
    OLX = "olx", "OLX"
    JOB_SITE = "job_site", _("Job site")
    DATING_SITE = "dating_site", _("Dating site")
    OTHER = "other", _("Other")


# CTDC ageBroad bands as CTDC v2024 spells them (leading zero in "09--17"): (lowest age, label).
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (48, "48+"),
    (39, "39--47"),
    (30, "30--38"),
    (27, "27--29"),
    (24, "24--26"),
    (21, "21--23"),
    (18, "18--20"),
    (9, "09--17"),
    (0, "0--8"),
)


def age_band(age: int | None) -> str:
    """The CTDC ageBroad band of an age, or "" when unknown."""
    if age is None or age < 0:
        return ""
    for lowest, label in AGE_BANDS:
        if age >= lowest:
            return label
    return ""
