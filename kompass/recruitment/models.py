"""Job ads reported by the public or logged by staff in casework (the online-recruitment evidence)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompass.cases.codes import Platform


class Risk(models.TextChoices):
    LOW = "low", _("Low risk")
    MEDIUM = "medium", _("Medium risk")
    HIGH = "high", _("High risk")


class ReportedAdQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """Coordinators see every ad (they triage public reports); others their organisation's log."""
        if membership is None:
            return self.none()
        if membership.can_see_all_ads:
            return self
        return self.filter(organisation_id=membership.organisation_id)


class ReportedAd(models.Model):
    """One job ad: reported by a member of the public, or met by staff in casework."""

    class Source(models.TextChoices):
        PUBLIC = "public", _("Reported by the public")
        CASEWORK = "casework", _("Met in casework")

    Platform = Platform
    Risk = Risk

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    link = models.URLField(_("link to the ad"), max_length=500, blank=True)
    text = models.TextField(_("text of the ad"), max_length=20000, blank=True)
    country = models.CharField(
        _("country where the ad was seen (ISO 3166-1 alpha-3)"), max_length=3, blank=True
    )
    seen_on = models.DateField(_("date the ad was seen"), default=timezone.localdate)
    risk = models.CharField(_("risk"), max_length=6, choices=Risk.choices, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    reason_codes = models.JSONField(_("reasons found"), default=list, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_ads",
        verbose_name=_("organisation that logged it"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_ads",
        verbose_name=_("case"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ReportedAdQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reported ad")
        verbose_name_plural = _("reported ads")
        indexes = [models.Index(fields=["platform", "seen_on"], name="reportedad_platform_seen")]
        constraints = [
            models.CheckConstraint(condition=Q(source__in=["public", "casework"]), name="reportedad_source"),
            models.CheckConstraint(
                condition=Q(platform__in=[value for value, _label in Platform.choices]),
                name="reportedad_platform",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{3}$"), name="reportedad_country_iso3"
            ),
            models.CheckConstraint(
                condition=Q(risk__in=["", "low", "medium", "high"]), name="reportedad_risk"
            ),
            models.CheckConstraint(condition=~Q(link="", text=""), name="reportedad_link_or_text"),
            # Only staff log ads in casework, for their organisation; public reports belong to no one.
            models.CheckConstraint(
                condition=Q(source="public", organisation__isnull=True, case__isnull=True)
                | Q(source="casework", organisation__isnull=False),
                name="reportedad_source_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.seen_on:%Y-%m}"

    @property
    def audit_organisation(self):
        return self.organisation

    def excerpt(self, length: int = 160) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= length else text[: length - 1] + "…"
