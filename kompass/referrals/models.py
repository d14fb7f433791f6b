"""Referrals between the coalition's organisations: for a service, or a transfer of the case."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.cases.codes import ServiceCode


class Status(models.TextChoices):
    # A context keeps these apart from other apps' "Accepted"… (e.g. a report), whose grammar differs.
    PENDING = "pending", pgettext_lazy("referral", "Pending")
    ACCEPTED = "accepted", pgettext_lazy("referral", "Accepted")
    DECLINED = "declined", pgettext_lazy("referral", "Declined")
    COMPLETED = "completed", pgettext_lazy("referral", "Completed")
    WITHDRAWN = "withdrawn", pgettext_lazy("referral", "Withdrawn")


class Side(models.TextChoices):
    SENDER = "sender", _("sending organisation")
    RECEIVER = "receiver", _("receiving organisation")


# The referral state machine: (from, to) → which side may make the move.
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.PENDING, Status.ACCEPTED): Side.RECEIVER,
    (Status.PENDING, Status.DECLINED): Side.RECEIVER,
    (Status.PENDING, Status.WITHDRAWN): Side.SENDER,
    (Status.ACCEPTED, Status.COMPLETED): Side.RECEIVER,
    (Status.ACCEPTED, Status.WITHDRAWN): Side.SENDER,
}

# States in which the receiver may see (a limited view of) the case.
OPEN_STATES = (Status.PENDING, Status.ACCEPTED)


class Urgency(models.TextChoices):
    ROUTINE = "routine", pgettext_lazy("referral urgency", "Routine")
    URGENT = "urgent", pgettext_lazy("referral urgency", "Urgent")
    EMERGENCY = "emergency", pgettext_lazy("referral urgency", "Emergency")


# How long the receiver has to answer, by urgency (the default deadline; the sender may change it),
# and how long before the deadline it is reminded (docs/decisions/0064-referral-deadlines.md).
RESPONSE_TIME: dict[str, datetime.timedelta] = {
    Urgency.ROUTINE: datetime.timedelta(days=5),
    Urgency.URGENT: datetime.timedelta(hours=48),
    Urgency.EMERGENCY: datetime.timedelta(hours=4),
}
REMINDER_BEFORE: dict[str, datetime.timedelta] = {
    Urgency.ROUTINE: datetime.timedelta(hours=24),
    Urgency.URGENT: datetime.timedelta(hours=8),
    Urgency.EMERGENCY: datetime.timedelta(hours=1),
}


def default_deadline_routine() -> datetime.datetime:
    return default_deadline(Urgency.ROUTINE)


def default_deadline(urgency: str, sent_at: datetime.datetime | None = None) -> datetime.datetime:
    """When the receiver should have answered a referral of this urgency sent at `sent_at`."""
    return (sent_at or timezone.now()) + RESPONSE_TIME[urgency]


class ReferralQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATES)

    def awaiting_answer(self):
        """Pending referrals: the receiver has not answered yet (the deadline applies to these)."""
        return self.filter(status=Status.PENDING)

    def overdue(self, now: datetime.datetime | None = None):
        return self.awaiting_answer().filter(respond_by__lt=now or timezone.now())

    def visible_to(self, membership):
        """Referrals sent or received by the membership's organisation, and those of the cases it
        holds (sent by an earlier holder), for roles that work on cases."""
        if membership is None or not membership.can_work_on_cases:
            return self.none()
        org = membership.organisation_id
        condition = Q(from_organisation_id=org) | Q(to_organisation_id=org)
        if membership.can_view_cases:
            condition |= Q(case__owner_id=org)
        return self.filter(condition)


class Referral(models.Model):
    Status = Status
    Urgency = Urgency

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service")
        TRANSFER = "transfer", _("Transfer of the case")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SERVICE)
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices, blank=True)
    need = models.ForeignKey(
        "cases.NeedsAssessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    from_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("from"),
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("to"),
    )
    consent = models.ForeignKey(
        "cases.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    # A referral to an organisation in another country (decision 0052): its legal basis and the
    # person's explicit consent to the transfer; both sides see it marked, both countries count it.
    is_cross_border = models.BooleanField(_("cross-border"), default=False)
    legal_basis = models.TextField(_("legal basis of the transfer"), blank=True)
    transfer_consent = models.ForeignKey(
        "cases.Consent", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    respond_by = models.DateTimeField(_("answer expected by"), default=default_deadline_routine)
    # Set once each by the scheduler (kompass/referrals/tasks.py); a new deadline clears them.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)
    message = models.TextField(_("message to the receiving organisation"), blank=True)
    response_note = models.TextField(_("response"), blank=True)
    # The language each text was written in, detected when it is written (lib.langdetect; "" unknown).
    message_language = models.CharField(_("language of the message"), max_length=10, blank=True)
    response_language = models.CharField(_("language of the response"), max_length=10, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["to_organisation", "status"], name="referral_to_status_idx"),
            models.Index(fields=["from_organisation", "status"], name="referral_from_status_idx"),
            models.Index(fields=["status", "respond_by"], name="referral_status_deadline_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")), name="referral_not_to_self"
            ),
            models.CheckConstraint(
                condition=~Q(kind="service") | ~Q(service=""), name="referral_service_has_code"
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(response_note=""), name="referral_decline_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(is_cross_border=False) | (~Q(legal_basis="") & Q(transfer_consent__isnull=False)),
                name="referral_cross_border_has_basis_and_consent",
            ),
            models.CheckConstraint(
                condition=Q(respond_by__gt=models.F("created_at")), name="referral_deadline_after_sending"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.to_organisation}"

    def get_absolute_url(self) -> str:
        return reverse("referrals:detail", kwargs={"code": self.code})

    def clean(self) -> None:
        if self.kind == self.Kind.SERVICE and not self.service:
            raise ValidationError({"service": _("Choose the service the person is referred for.")})
        if self.from_organisation_id and self.from_organisation_id == self.to_organisation_id:
            raise ValidationError({"to_organisation": _("An organisation cannot refer a case to itself.")})
        if self.respond_by and self.created_at and self.respond_by <= self.created_at:
            raise ValidationError(
                {"respond_by": _("The deadline for an answer must be after the referral is sent.")}
            )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def is_awaiting_answer(self) -> bool:
        return self.status == Status.PENDING

    def is_overdue(self, now: datetime.datetime | None = None) -> bool:
        return self.is_awaiting_answer and self.respond_by < (now or timezone.now())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def remind_at(self) -> datetime.datetime:
        return self.respond_by - REMINDER_BEFORE[self.urgency]

    @property
    def response_time(self) -> datetime.timedelta | None:
        if self.responded_at is None:
            return None
        return self.responded_at - self.created_at

    @property
    def completion_time(self) -> datetime.timedelta | None:
        if self.completed_at is None:
            return None
        return self.completed_at - self.created_at

    def side_of(self, organisation_id: int) -> str | None:
        if organisation_id == self.from_organisation_id:
            return Side.SENDER
        if organisation_id == self.to_organisation_id:
            return Side.RECEIVER
        # After a transfer the case's holder speaks for the organisations that held it before:
        # it may withdraw the referrals they sent.
        if organisation_id == self.case.owner_id:
            return Side.SENDER
        return None

    def allowed_moves(self, organisation_id: int) -> list[str]:
        side = self.side_of(organisation_id)
        return [to for (frm, to), who in TRANSITIONS.items() if frm == self.status and who == side]
