"""Statistics: persons counted once across organisations, and the clerical review of links.

Statistics never read identities. Each case's identifiers are encoded once into keyed Bloom
filters (`CaseEncoding.payload`, an opaque CLK record) and linkage runs on those encodings only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompass.organisations.permissions import triage_condition


class Person(models.Model):
    """One human being as statistics count them: a cluster of linked cases."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return str(self.code)


class CaseEncoding(models.Model):
    """The CLK encoding of one case's identity and the person the case was linked to.

    `payload` is null for cases without identity (anonymous or imported): they are one person
    each. The payload is an opaque encoding record (filters as hex, keyed hashes), never queried.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="encoding")
    payload = models.JSONField(null=True, blank=True)
    scheme = models.CharField(max_length=40)
    encoded_at = models.DateTimeField(default=timezone.now)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")

    class Meta:
        verbose_name = _("case encoding")
        verbose_name_plural = _("case encodings")
        indexes = [models.Index(fields=["person"], name="stats_encoding_person_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.person_id}"


class ReviewPairQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """A coordinator reviews the pairs with a case identified in its country (a pair across two
        countries is in both queues; the first coordinator also reviews countries without one)."""
        if membership is None or not membership.can_review_linkage:
            return self.none()
        return self.filter(
            triage_condition(membership, "case_a__country") | triage_condition(membership, "case_b__country")
        )


class ReviewPair(models.Model):
    """Two cases the model is unsure about; the coordinator confirms or rejects the link."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CONFIRMED = "confirmed", _("Same person")
        REJECTED = "rejected", _("Different persons")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case_a = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    case_b = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField(_("match probability"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReviewPairQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-probability", "id"]
        verbose_name = _("pair to review")
        verbose_name_plural = _("pairs to review")
        constraints = [
            models.UniqueConstraint(fields=["case_a", "case_b"], name="stats_review_pair_unique"),
            models.CheckConstraint(condition=Q(case_a__lt=F("case_b")), name="stats_review_pair_ordered"),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False), name="stats_review_decided_at"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_a_id} ~ {self.case_b_id}"


class LinkageRun(models.Model):
    """One refresh of the person clusters (kept for the statistics page and the audit)."""

    started_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)
    cases = models.PositiveIntegerField(default=0)
    encoded = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    review_pending = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"
        verbose_name = _("linkage run")
        verbose_name_plural = _("linkage runs")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"
