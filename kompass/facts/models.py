"""Facts shown to the public (a number, a right, a service) with their source and last check.

A model becomes a fact by inheriting `SourcedFact`: it gets the source (name and official page),
the date it was last verified, who verified it, an internal note that never reaches a public
page, and a published flag. Every concrete subclass appears on the coordinator's review list
(`facts:review`); public templates show the source line with `{% include "facts/_source.html" %}`.
"""

from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def review_after_days() -> int:
    """A fact not verified for longer than this is due for review (default: six months)."""
    return int(getattr(settings, "KOMPASS_FACT_REVIEW_DAYS", 183))


def review_cutoff(today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=review_after_days())


class SourcedFactQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def facts(self):
        """The rows that state a fact (see SourcedFact.fact_filter)."""
        return self.filter(self.model.fact_filter())

    def due_for_review(self, today: date | None = None):
        """Published facts never verified, or last verified before the review cut-off."""
        return (
            self.published()
            .facts()
            .filter(Q(last_verified__isnull=True) | Q(last_verified__lt=review_cutoff(today)))
        )


class SourcedFact(models.Model):
    """Abstract: where a public fact comes from and when someone last checked it there."""

    source_name = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("The organisation or official page the fact comes from, as the public should read it."),
    )
    source_url = models.URLField(
        _("source page"), max_length=500, blank=True, help_text=_("The official page where it is published.")
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    internal_note = models.TextField(
        _("internal note"), blank=True, help_text=_("For the coordinator only; never shown on a public page.")
    )
    is_published = models.BooleanField(_("published"), default=True)

    objects = SourcedFactQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.source_is_required() and self.is_published:
            missing = {}
            if not self.source_name.strip():
                missing["source_name"] = [_("A published fact needs its source.")]
            if not self.source_url:
                missing["source_url"] = [_("A published fact needs the address of its official page.")]
            if self.last_verified is None:
                missing["last_verified"] = [_("A published fact needs the date it was last verified.")]
            if missing:
                raise ValidationError(missing)
        if self.last_verified and self.last_verified > timezone.localdate():
            raise ValidationError({"last_verified": [_("The date of verification cannot be in the future.")]})

    def source_is_required(self) -> bool:
        """Whether this object states a fact (override: e.g. only rights pages among guide pages)."""
        return True

    @classmethod
    def fact_filter(cls) -> Q:
        """The rows that state a fact, as a query (override together with source_is_required)."""
        return Q()

    def fact_label(self) -> str:
        """How the fact is named on the review list."""
        return str(self)

    def fact_edit_url(self) -> str:
        """The staff page where the coordinator corrects it ("" when there is none)."""
        return ""

    @property
    def is_due_for_review(self) -> bool:
        return self.last_verified is None or self.last_verified < review_cutoff()


def fact_models() -> list[type[SourcedFact]]:
    """Every concrete model that inherits SourcedFact, in app order."""
    return [model for model in apps.get_models() if issubclass(model, SourcedFact)]


def fact_model(label: str) -> type[SourcedFact] | None:
    """The fact model named `app_label.model_name`, or None."""
    return next((m for m in fact_models() if m._meta.label_lower == label), None)
