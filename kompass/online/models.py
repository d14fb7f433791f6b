"""Online-help services: where to report images of children, national reporting points, the police
online and take-down tools. Each one is a public fact with its source and last-verified date
(kompass.facts): the coordinator sees it on the review list and can verify or withdraw it.
Phone numbers of child helplines are the directory's hotlines (purpose `child`), not here."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompass.facts.models import SourcedFact, SourcedFactQuerySet
from kompass.lib.i18n import translated


class ServiceKind(models.TextChoices):
    CSAM_HOTLINE = "csam_hotline", _("Hotline for online child sexual abuse material")
    REPORTING_POINT = "reporting_point", _("National contact point for children's safety online")
    POLICE_ONLINE = "police_online", _("Police: crimes committed online")
    TAKEDOWN_MINOR = "takedown_minor", _("Take-down of images taken before 18")
    TAKEDOWN_ADULT = "takedown_adult", _("Take-down of intimate images of adults")


TAKEDOWN = (ServiceKind.TAKEDOWN_MINOR, ServiceKind.TAKEDOWN_ADULT)


class HelpServiceQuerySet(SourcedFactQuerySet):
    def for_country(self, iso2: str):
        """The published services of a country (take-down tools are listed on their own)."""
        return self.published().filter(country=(iso2 or "").upper()).exclude(kind__in=TAKEDOWN)

    def takedown(self):
        return self.published().filter(kind__in=TAKEDOWN)


class HelpService(SourcedFact):
    """A service people can use without calling: a reporting form, a police site, a take-down tool."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    country = models.CharField(
        _("country (ISO 3166-1 alpha-2; empty when it works everywhere)"), max_length=2, blank=True
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ServiceKind.choices)
    name = models.JSONField(_("name per language"), default=dict)
    description = models.JSONField(_("description per language"), default=dict, blank=True)
    url = models.URLField(_("web address"), max_length=500)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = HelpServiceQuerySet.as_manager()

    class Meta:
        ordering = ["country", "sort_order", "code"]
        verbose_name = _("online-help service")
        verbose_name_plural = _("online-help services")
        constraints = [
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"), name="helpservice_country_iso2"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[value for value, _label in ServiceKind.choices]),
                name="helpservice_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country or '—'} {self.code}"

    def display_name(self, language: str | None = None) -> str:
        return translated(self.name, language)

    def display_description(self, language: str | None = None) -> str:
        return translated(self.description, language)

    @property
    def tel(self) -> str:
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    def fact_label(self) -> str:
        return f"{self.country or '—'} {translated(self.name, 'en')}"
