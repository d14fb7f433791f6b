"""Referrals between organisations: one service per transition of the state machine in models.TRANSITIONS."""

import datetime
import functools
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompass.audit.services import record_event
from kompass.cases.codes import Stage
from kompass.cases.models import Case, NeedsAssessment
from kompass.cases.services import cross_border_consent, record_service, sharing_consent
from kompass.directory.selectors import (
    Provider,
    organisation_points,
    organisations_offering,
    place_point,
    rank_providers,
)
from kompass.lib.langdetect import detect_language
from kompass.organisations import services as organisation_services
from kompass.organisations.models import Membership, Organisation
from kompass.referrals.models import (
    OPEN_STATES,
    TRANSITIONS,
    Referral,
    Side,
    Status,
    Urgency,
    default_deadline,
)


class TransitionNotAllowed(ValidationError):
    """The referral cannot make this move, or not by this organisation."""


def _membership(user) -> Membership | None:
    from kompass.organisations.permissions import get_membership

    return get_membership(user)


def require_transition(referral: Referral, to_status: str, *, by) -> Membership:
    """Check the move against the transition table and the actor's side; return the actor's membership."""
    membership = _membership(by)
    side = TRANSITIONS.get((referral.status, to_status))
    if side is None:
        raise TransitionNotAllowed(
            _("A referral in the state “%(from)s” cannot move to “%(to)s”.")
            % {"from": Status(referral.status).label, "to": Status(to_status).label}
        )
    if membership is None or not membership.can_work_on_cases:
        raise TransitionNotAllowed(_("Your role cannot act on referrals."))
    if referral.side_of(membership.organisation_id) != side:
        if side == Side.RECEIVER:
            raise TransitionNotAllowed(_("Only the receiving organisation can make this change."))
        raise TransitionNotAllowed(_("Only the sending organisation can make this change."))
    return membership


def referral_origin(case: Case) -> tuple[float, float] | None:
    """Where distances to providers are measured from: the case's region when the gazetteer knows
    it, else the referring organisation's office."""
    point = place_point(case.country, case.region)
    if point is None:
        points = organisation_points([case.owner]).get(case.owner_id) or []
        point = points[0] if points else None
    return point


def referral_targets(*, case: Case, service: str = "") -> list[Provider]:
    """Organisations a case may be referred to, nearest first: for a service, those offering it
    and taking referrals for it (a full one stays listed, shown as full); for a transfer, all."""
    return rank_providers(
        services=[service] if service else [], origin=referral_origin(case), exclude=[case.owner_id],
        offering_only=bool(service), nearest_first=True,
    )  # fmt: skip


def notify_organisation(*, organisation: Organisation, compose: Callable[[], tuple[str, str]]) -> int:
    """E-mail the organisation's case roles, each in their preferred language; returns the recipients.

    Messages carry references and links only, never case contents.
    """
    return organisation_services.notify_organisation(
        organisation=organisation, compose=compose, capability="can_work_on_cases"
    )


def _notify(referral: Referral, organisation: Organisation, subject) -> None:
    """Tell the other side about a move, once the transaction is committed."""

    def compose() -> tuple[str, str]:
        reference = referral.case.reference
        body = _("Referral %(reference)s from %(sender)s to %(receiver)s is now %(status)s.\n\n%(url)s") % {
            "reference": reference,
            "sender": referral.from_organisation.name,
            "receiver": referral.to_organisation.name,
            "status": referral.get_status_display().lower(),
            "url": settings.SITE_URL + referral.get_absolute_url(),
        }
        return str(subject) % {"reference": reference}, body

    transaction.on_commit(lambda: notify_organisation(organisation=organisation, compose=compose))


# What a cross-border referral rests on when the caseworker adds nothing (docs/decisions/0052).
DEFAULT_CROSS_BORDER_BASIS = gettext_lazy(
    "The person's explicit consent to this transfer (GDPR art. 49(1)(a)); the receiving organisation "
    "processes the data under the law of its own country."
)


@transaction.atomic
def send_referral(
    *, case: Case, by, to_organisation: Organisation, kind: str = Referral.Kind.SERVICE, service: str = "",
    need: NeedsAssessment | None = None, message: str = "", notify: bool = True, legal_basis: str = "",
    urgency: str = Urgency.ROUTINE, respond_by: datetime.datetime | None = None,
) -> Referral:  # fmt: skip
    """Refer a case to another organisation. Refused without the person's consent to share.

    The receiver is asked to answer by `respond_by` (default: from the urgency, `RESPONSE_TIME`);
    it is reminded before, and the sender's admins are alerted when the deadline passes unanswered.

    To an organisation in another country the referral also states its legal basis and needs the
    person's explicit consent to the cross-border transfer (a consent of its own, decision 0052).
    """
    membership = _membership(by)
    if membership is None or not membership.can_edit_cases or membership.organisation_id != case.owner_id:
        raise TransitionNotAllowed(_("Only the organisation that owns the case can refer it."))
    if case.stage == Stage.CLOSED or case.anonymised_at:
        raise TransitionNotAllowed(_("A closed case cannot be referred."))
    if need is not None:
        if need.case_id != case.pk:
            raise ValidationError({"need": [_("This need belongs to another case.")]})
        service = service or need.service
    if kind == Referral.Kind.SERVICE:
        if not service:
            raise ValidationError({"service": [_("Choose the service the person is referred for.")]})
        if not organisations_offering(service).filter(pk=to_organisation.pk).exists():
            raise ValidationError(
                {"to_organisation": [_("This organisation does not offer that service or takes no referrals for it now.")]}
            )  # fmt: skip
    consent = sharing_consent(case, to_organisation, service if kind == Referral.Kind.SERVICE else "")
    if consent is None:
        raise TransitionNotAllowed(
            _(
                "The person has not agreed to share their case with %(organisation)s for this purpose. Record their consent first."
            )
            % {"organisation": to_organisation.name}
        )
    is_cross_border = case.owner.country != to_organisation.country
    transfer_consent = None
    legal_basis = legal_basis.strip()
    if is_cross_border:
        legal_basis = legal_basis or str(DEFAULT_CROSS_BORDER_BASIS)
        transfer_consent = cross_border_consent(case, to_organisation)
        if transfer_consent is None:
            raise TransitionNotAllowed(
                _(
                    "%(organisation)s is in another country: record the person's explicit consent to the transfer of their data there first."
                )
                % {"organisation": to_organisation.name}
            )
    duplicate = Referral.objects.filter(
        case=case, to_organisation=to_organisation, kind=kind, service=service, status__in=OPEN_STATES
    )
    if duplicate.exists():
        raise TransitionNotAllowed(
            _("An open referral to this organisation for this service already exists.")
        )
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": [_("Choose how urgent the referral is.")]})
    now = timezone.now()
    referral = Referral(
        case=case, kind=kind, service=service, need=need, from_organisation=case.owner,
        to_organisation=to_organisation, consent=consent, message=message, created_by=by,
        is_cross_border=is_cross_border, legal_basis=legal_basis if is_cross_border else "",
        transfer_consent=transfer_consent, urgency=urgency, created_at=now,
        message_language=detect_language(message),
        respond_by=respond_by or default_deadline(urgency, now),
    )  # fmt: skip
    referral.full_clean()
    referral.save()
    record_event(
        actor=by, action="referral_sent", obj=case,
        detail={"referral": referral.code, "to": to_organisation.name, "kind": kind, "service": service,
                "cross_border": is_cross_border, "urgency": urgency,
                "respond_by": referral.respond_by.isoformat(timespec="minutes")},
    )  # fmt: skip
    if is_cross_border:
        record_event(
            actor=by, action="cross_border_transfer", obj=case,
            detail={"referral": referral.code, "from_country": case.owner.country,
                    "to_country": to_organisation.country, "to": to_organisation.name,
                    "legal_basis": legal_basis, "consent": getattr(transfer_consent, "pk", None)},
        )  # fmt: skip
    if notify:
        _notify(referral, to_organisation, gettext_lazy("New referral %(reference)s"))
    return referral


@transaction.atomic
def accept_referral(*, referral: Referral, by, notify: bool = True) -> Referral:
    """The receiving organisation takes the referral on.

    A transfer moves the case to it and is done at once (completed): from then on the sender and
    every earlier holder of the case see nothing of it, and referrals that gave them a view end.
    """
    require_transition(referral, Status.ACCEPTED, by=by)
    referral.status = Status.ACCEPTED
    referral.responded_at = timezone.now()
    referral.responded_by = by
    referral.save(update_fields=["status", "responded_at", "responded_by"])
    record_event(actor=by, action="referral_accepted", obj=referral.case, detail={"referral": referral.code})
    if referral.kind == Referral.Kind.TRANSFER:
        _transfer_case(referral, by=by)
    if notify:
        _notify(
            referral,
            referral.from_organisation,
            gettext_lazy("Referral %(reference)s accepted"),
        )
    return referral


def _transfer_case(referral: Referral, *, by) -> None:
    case = referral.case
    previous = case.owner
    case.owner = referral.to_organisation
    case.assigned_to = None
    case.version += 1
    case.updated_at = timezone.now()
    case.save(update_fields=["owner", "assigned_to", "version", "updated_at"])
    record_event(
        actor=by, action="case_transferred", obj=case, organisation=previous,
        detail={"referral": referral.code, "from": previous.name, "to": case.owner.name},
    )  # fmt: skip
    referral.status = Status.COMPLETED
    referral.completed_at = referral.responded_at
    referral.save(update_fields=["status", "completed_at"])
    record_event(
        actor=by,
        action="referral_completed",
        obj=case,
        detail={"referral": referral.code, "reason": "transferred"},
    )
    holders = set()
    for frm, to in case.referrals.filter(
        kind=Referral.Kind.TRANSFER, status__in=(Status.ACCEPTED, Status.COMPLETED)
    ).values_list("from_organisation_id", "to_organisation_id"):
        holders |= {frm, to}
    holders.discard(case.owner_id)
    for earlier in case.referrals.filter(
        status__in=OPEN_STATES, to_organisation_id__in=holders
    ).select_related("case", "from_organisation", "to_organisation"):
        _end_referral(earlier, by=by, reason="case_transferred", note=_("The case was transferred."))


def _end_referral(referral: Referral, *, by, reason: str, note: str) -> Referral:
    """End an open referral because of something that happened to the case (not a move of its sides)."""
    referral.status = Status.WITHDRAWN
    referral.withdrawn_at = timezone.now()
    referral.response_note = note
    referral.response_language = translation.get_language() or ""
    referral.save(update_fields=["status", "withdrawn_at", "response_note", "response_language"])
    record_event(
        actor=by,
        action="referral_withdrawn",
        obj=referral.case,
        detail={"referral": referral.code, "reason": reason},
    )
    _notify(referral, referral.to_organisation, gettext_lazy("Referral %(reference)s withdrawn"))
    return referral


@transaction.atomic
def end_referrals_of_closed_case(*, case: Case, by) -> list[Referral]:
    """The case is closed: every open referral of it ends, and its receivers see it no more."""
    return [
        _end_referral(referral, by=by, reason="case_closed", note=_("The case was closed."))
        for referral in case.referrals.filter(status__in=OPEN_STATES).select_related(
            "case", "from_organisation", "to_organisation"
        )
    ]


@transaction.atomic
def decline_referral(*, referral: Referral, by, reason: str, notify: bool = True) -> Referral:
    """The receiving organisation cannot take the referral on; it says why."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the referral is declined.")]})
    require_transition(referral, Status.DECLINED, by=by)
    referral.status = Status.DECLINED
    referral.responded_at = timezone.now()
    referral.responded_by = by
    referral.response_note = reason.strip()
    referral.response_language = detect_language(referral.response_note)
    referral.save(
        update_fields=["status", "responded_at", "responded_by", "response_note", "response_language"]
    )
    record_event(actor=by, action="referral_declined", obj=referral.case, detail={"referral": referral.code})
    if notify:
        _notify(
            referral,
            referral.from_organisation,
            gettext_lazy("Referral %(reference)s declined"),
        )
    return referral


@transaction.atomic
def complete_referral(*, referral: Referral, by, note: str = "", notify: bool = True) -> Referral:
    """The receiving organisation has given the service (or finished taking the case over)."""
    require_transition(referral, Status.COMPLETED, by=by)
    referral.status = Status.COMPLETED
    referral.completed_at = timezone.now()
    if note.strip():
        referral.response_note = note.strip()
        referral.response_language = detect_language(referral.response_note)
    referral.save(update_fields=["status", "completed_at", "response_note", "response_language"])
    record_event(actor=by, action="referral_completed", obj=referral.case, detail={"referral": referral.code})
    if notify:
        _notify(
            referral,
            referral.from_organisation,
            gettext_lazy("Referral %(reference)s completed"),
        )
    return referral


@transaction.atomic
def withdraw_referral(*, referral: Referral, by, reason: str = "", notify: bool = True) -> Referral:
    """The sending organisation takes the referral back before it is completed."""
    require_transition(referral, Status.WITHDRAWN, by=by)
    referral.status = Status.WITHDRAWN
    referral.withdrawn_at = timezone.now()
    if reason.strip():
        referral.response_note = reason.strip()
        referral.response_language = detect_language(referral.response_note)
    referral.save(update_fields=["status", "withdrawn_at", "response_note", "response_language"])
    record_event(actor=by, action="referral_withdrawn", obj=referral.case, detail={"referral": referral.code})
    if notify:
        _notify(
            referral,
            referral.to_organisation,
            gettext_lazy("Referral %(reference)s withdrawn"),
        )
    return referral


def withdraw_for_lost_consent(*, consent, by, reason: str = "consent_withdrawn") -> list[Referral]:
    """Consent to share (or to the cross-border transfer) was withdrawn, or expired: every open
    referral that relied on it ends now."""
    note = (
        _("Consent to share expired.")
        if reason == "consent_expired"
        else _("Consent to share was withdrawn.")
    )
    return [
        _end_referral(referral, by=by, reason=reason, note=note)
        for referral in Referral.objects.filter(
            Q(consent=consent) | Q(transfer_consent=consent), status__in=OPEN_STATES
        ).select_related("case", "from_organisation", "to_organisation")
    ]


@transaction.atomic
def record_referral_service(
    *, referral: Referral, by, delivered_on: datetime.date | None = None, note: str = ""
):
    """The receiving organisation records the service it gave under an accepted referral."""
    membership = _membership(by)
    if membership is None or referral.side_of(membership.organisation_id) != Side.RECEIVER:
        raise TransitionNotAllowed(_("Only the receiving organisation records the service it gave."))
    if referral.status != Status.ACCEPTED or referral.kind != Referral.Kind.SERVICE:
        raise TransitionNotAllowed(_("A service can be recorded only under an accepted service referral."))
    return record_service(
        case=referral.case, by=by, service=referral.service, provider=referral.to_organisation,
        delivered_on=delivered_on, note=note, referral=referral,
    )  # fmt: skip


# Deadlines ---------------------------------------------------------------------------------------


@transaction.atomic
def change_referral_deadline(
    *, referral: Referral, by, respond_by: datetime.datetime, urgency: str | None = None
) -> Referral:
    """The sender sets a new deadline (and urgency) for an answer; reminders and alerts start again."""
    membership = _membership(by)
    if (
        membership is None
        or not membership.can_edit_cases
        or referral.side_of(membership.organisation_id) != Side.SENDER
    ):
        raise TransitionNotAllowed(_("Only the sending organisation can change the deadline."))
    if referral.status != Status.PENDING:
        raise TransitionNotAllowed(_("The receiving organisation has already answered this referral."))
    if urgency is not None:
        if urgency not in Urgency.values:
            raise ValidationError({"urgency": [_("Choose how urgent the referral is.")]})
        referral.urgency = urgency
    if respond_by <= timezone.now():
        raise ValidationError({"respond_by": [_("Choose a deadline in the future.")]})
    previous = referral.respond_by
    referral.respond_by = respond_by
    referral.reminded_at = None
    referral.escalated_at = None
    referral.full_clean()
    referral.save(update_fields=["urgency", "respond_by", "reminded_at", "escalated_at"])
    record_event(
        actor=by, action="referral_deadline_changed", obj=referral.case,
        detail={"referral": referral.code, "urgency": referral.urgency,
                "from": previous.isoformat(timespec="minutes"), "to": respond_by.isoformat(timespec="minutes")},
    )  # fmt: skip
    _notify(referral, referral.to_organisation, gettext_lazy("New deadline for referral %(reference)s"))
    return referral


def _claim(referral: Referral, field: str, now: datetime.datetime) -> bool:
    """Mark the reminder (or alert) as sent, unless another scheduler run already did: once each."""
    claimed = Referral.objects.filter(
        pk=referral.pk, status=Status.PENDING, **{f"{field}__isnull": True}
    ).update(**{field: now})
    setattr(referral, field, now)
    return claimed == 1


def send_deadline_reminders(*, now: datetime.datetime | None = None) -> list[Referral]:
    """Remind receivers of pending referrals whose deadline is near (once per deadline), audited."""
    now = now or timezone.now()
    sent = []
    due = (
        Referral.objects.awaiting_answer()
        .filter(reminded_at__isnull=True, escalated_at__isnull=True, respond_by__gt=now)
        .select_related("case", "from_organisation", "to_organisation")
    )
    for referral in due:
        if referral.remind_at > now:
            continue
        with transaction.atomic():
            if not _claim(referral, "reminded_at", now):
                continue
            record_event(
                actor=None, actor_label="scheduler", action="referral_reminder_sent", obj=referral.case,
                organisation=referral.to_organisation,
                detail={"referral": referral.code, "respond_by": referral.respond_by.isoformat(timespec="minutes")},
            )  # fmt: skip
            transaction.on_commit(functools.partial(_send_reminder, referral))
        sent.append(referral)
    return sent


def _send_reminder(referral: Referral) -> None:
    def compose() -> tuple[str, str]:
        subject = _("Reminder: referral %(reference)s is waiting for your answer") % {
            "reference": referral.case.reference
        }
        body = _(
            "%(sender)s asked for an answer to referral %(reference)s (%(urgency)s) by %(deadline)s.\n\n%(url)s"
        ) % {
            "sender": referral.from_organisation.name, "reference": referral.case.reference,
            "urgency": referral.get_urgency_display().lower(),
            "deadline": _format_time(referral.respond_by, referral.to_organisation),
            "url": settings.SITE_URL + referral.get_absolute_url(),
        }  # fmt: skip
        return subject, body

    notify_organisation(organisation=referral.to_organisation, compose=compose)


def escalate_overdue_referrals(*, now: datetime.datetime | None = None) -> list[Referral]:
    """Alert the sending organisation's admins about referrals unanswered by their deadline (once
    per deadline): an e-mail and an item on their dashboard, audited."""
    now = now or timezone.now()
    escalated = []
    for referral in (
        Referral.objects.overdue(now)
        .filter(escalated_at__isnull=True)
        .select_related("case", "from_organisation", "to_organisation")
    ):
        with transaction.atomic():
            if not _claim(referral, "escalated_at", now):
                continue
            record_event(
                actor=None, actor_label="scheduler", action="referral_escalated", obj=referral.case,
                organisation=referral.from_organisation,
                detail={"referral": referral.code, "to": referral.to_organisation.name,
                        "respond_by": referral.respond_by.isoformat(timespec="minutes")},
            )  # fmt: skip
            transaction.on_commit(functools.partial(_send_escalation, referral))
        escalated.append(referral)
    return escalated


def _send_escalation(referral: Referral) -> None:
    def compose() -> tuple[str, str]:
        subject = _("No answer: referral %(reference)s to %(receiver)s is overdue") % {
            "reference": referral.case.reference, "receiver": referral.to_organisation.name,
        }  # fmt: skip
        body = _(
            "%(receiver)s has not answered referral %(reference)s (%(urgency)s), due by %(deadline)s. "
            "Call them, set a new deadline or refer the person elsewhere.\n\n%(url)s"
        ) % {
            "receiver": referral.to_organisation.name, "reference": referral.case.reference,
            "urgency": referral.get_urgency_display().lower(),
            "deadline": _format_time(referral.respond_by, referral.from_organisation),
            "url": settings.SITE_URL + referral.get_absolute_url(),
        }  # fmt: skip
        return subject, body

    # The organisation's admins (can_manage_members), each in their language, and its contact address.
    organisation_services.notify_organisation(organisation=referral.from_organisation, compose=compose)


def _format_time(moment: datetime.datetime, organisation: Organisation) -> str:
    """A time as the organisation reads it (its time zone, the message's language)."""
    zone = organisation.zone
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return f"{date_format(local, 'DATETIME_FORMAT')} ({zone})"


def check_referral_deadlines(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """The scheduled run: reminders before deadlines, alerts after them."""
    now = now or timezone.now()
    return {
        "reminded": len(send_deadline_reminders(now=now)),
        "escalated": len(escalate_overdue_referrals(now=now)),
    }
