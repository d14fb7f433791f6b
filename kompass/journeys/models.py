"""Journeys: the only data a traveller may choose to leave with us (check-ins), and awareness content.

A safety plan is never stored. A followed journey is: a nickname, one contact channel and the legs
with their expected arrival times, deleted automatically `delete_after` (a set number of days after
the journey ends).
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.facts.models import SourcedFact
from kompass.lib.i18n import translated


def retention_days() -> int:
    return int(getattr(settings, "JOURNEYS_RETENTION_DAYS", 7))


def default_grace_minutes() -> int:
    return int(getattr(settings, "JOURNEYS_GRACE_MINUTES", 60))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class JourneyQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """Journeys an organisation follows; nobody else sees them, not even the coordinator."""
        if membership is None:
            return self.none()
        return self.filter(organisation_id=membership.organisation_id)

    def active(self):
        return self.filter(closed_at__isnull=True)

    def expired(self, now=None):
        return self.filter(delete_after__lte=now or timezone.now())


class Journey(models.Model):
    """A journey a traveller asked an organisation to follow."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone call or SMS")
        TELEGRAM = "telegram", _("Telegram")
        WHATSAPP = "whatsapp", _("WhatsApp")
        VIBER = "viber", _("Viber")
        SIGNAL = "signal", _("Signal")
        EMAIL = "email", _("Email")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="followed_journeys"
    )
    nickname = models.CharField(_("nickname"), max_length=60)
    contact_channel = models.CharField(_("contact channel"), max_length=20, choices=Channel.choices)
    contact_value = models.CharField(_("contact"), max_length=120)
    language = models.CharField(_("language"), max_length=10, default="en")
    grace_minutes = models.PositiveSmallIntegerField(
        _("grace period (minutes)"), default=default_grace_minutes
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ends_at = models.DateTimeField(_("journey ends"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    delete_after = models.DateTimeField(_("deleted after"))

    objects = JourneyQuerySet.as_manager()

    class Meta:
        ordering = ["ends_at"]
        verbose_name = _("followed journey")
        verbose_name_plural = _("followed journeys")
        indexes = [models.Index(fields=["delete_after"], name="journey_delete_after")]
        constraints = [
            models.CheckConstraint(
                condition=Q(delete_after__gte=models.F("ends_at")), name="journey_delete_after_end"
            ),
        ]

    def __str__(self) -> str:
        return self.nickname

    def get_absolute_url(self) -> str:
        return reverse("journeys:board_journey", kwargs={"code": self.code})

    def get_traveller_url(self) -> str:
        return reverse("journeys:traveller", kwargs={"token": self.token})

    def set_end(self, ends_at) -> None:
        self.ends_at = ends_at
        self.delete_after = ends_at + timedelta(days=retention_days())

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def next_leg(self):
        return next((leg for leg in self.legs.all() if leg.checked_in_at is None), None)


class Leg(models.Model):
    """One planned leg; the traveller checks in on arrival."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="legs")
    position = models.PositiveSmallIntegerField()
    origin = models.CharField(pgettext_lazy("journey", "from"), max_length=120)
    destination = models.CharField(pgettext_lazy("journey", "to"), max_length=120)
    expected_arrival = models.DateTimeField(_("expected arrival"))
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    alert_raised_at = models.DateTimeField(_("alert raised"), null=True, blank=True)
    alert_emailed_to = models.CharField(max_length=500, blank=True)
    acknowledged_at = models.DateTimeField(_("alert acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["journey", "position"]
        verbose_name = _("leg")
        verbose_name_plural = _("legs")
        constraints = [models.UniqueConstraint(fields=["journey", "position"], name="leg_unique_position")]
        indexes = [
            models.Index(fields=["checked_in_at", "alert_raised_at", "expected_arrival"], name="leg_due")
        ]

    def __str__(self) -> str:
        return f"{self.origin} → {self.destination}"

    @property
    def due_at(self):
        return self.expected_arrival + timedelta(minutes=self.journey.grace_minutes)

    @property
    def is_alert_open(self) -> bool:
        return (
            self.alert_raised_at is not None and self.checked_in_at is None and self.acknowledged_at is None
        )

    @property
    def state(self) -> str:
        if self.checked_in_at:
            return "checked_in"
        if self.alert_raised_at:
            return "missed"
        return "expected"


class OnDuty(models.Model):
    """A staff member on duty for followed journeys: missed check-ins are emailed to them."""

    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.CASCADE, related_name="on_duty"
    )
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("on-duty worker")
        verbose_name_plural = _("on-duty workers")

    def __str__(self) -> str:
        return str(self.membership)


# --- Awareness and rights ---------------------------------------------------------------------


class AwarenessPage(SourcedFact):
    """A page of advice, stored per language (Ukrainian first), edited by the coordinator.

    A rights page states facts: it names the authority where people apply (`authority`, with its
    official page) and carries its source and last-verified date (SourcedFact). A risks page does
    so when it states rights (e.g. the reflection period).
    """

    class Section(models.TextChoices):
        RISKS = "risks", _("Risks and red flags")
        RIGHTS = "rights", _("Your rights")

    slug = models.SlugField(unique=True)
    section = models.CharField(_("section"), max_length=10, choices=Section.choices)
    country = models.CharField(_("country (for rights pages)"), max_length=2, blank=True)
    title = models.JSONField(_("title per language"), default=dict)
    summary = models.JSONField(_("summary per language"), default=dict)
    body = models.JSONField(_("text per language"), default=dict)
    authority = models.JSONField(_("where to apply, per language (rights pages)"), default=dict, blank=True)
    authority_url = models.URLField(_("official page of that authority"), max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["section", "sort_order", "slug"]
        verbose_name = _("awareness page")
        verbose_name_plural = _("awareness pages")

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("journeys:awareness_page", kwargs={"slug": self.slug})

    def display_title(self, language=None) -> str:
        return translated(self.title, language)

    def display_summary(self, language=None) -> str:
        return translated(self.summary, language)

    def display_body(self, language=None) -> str:
        return translated(self.body, language)

    def display_authority(self, language=None) -> str:
        return translated(self.authority, language)

    def source_is_required(self) -> bool:
        return self.section == self.Section.RIGHTS or bool(self.source_url)

    @classmethod
    def fact_filter(cls) -> Q:
        return Q(section=cls.Section.RIGHTS) | ~Q(source_url="")

    def clean(self) -> None:
        super().clean()
        if self.section == self.Section.RIGHTS and self.is_published and not self.authority.get("en"):
            raise ValidationError({"authority": [_("A rights page names the authority where people apply.")]})

    def fact_label(self) -> str:
        return self.display_title() or self.slug

    def fact_edit_url(self) -> str:
        return reverse("journeys:awareness_edit", kwargs={"slug": self.slug})


class InfoSession(models.Model):
    """An information session people can attend (in person or online)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("information session")
        verbose_name_plural = _("information sessions")
        constraints = [
            models.CheckConstraint(condition=~Q(place="", online_url=""), name="infosession_place_or_link"),
        ]

    def __str__(self) -> str:
        return self.title
