"""Check-ins: the traveller's opt-in journey, one-tap check-ins, missed check-in alerts, retention."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kompass.audit.services import record_event
from kompass.journeys.models import Journey, Leg, OnDuty
from kompass.ops.tasks import queue_mail
from kompass.organisations.models import Membership, Organisation, zone_info


@transaction.atomic
def start_journey(
    *,
    organisation: Organisation,
    nickname: str,
    contact_channel: str,
    contact_value: str,
    legs: list[dict],
    language: str = "en",
    consent: bool,
) -> Journey:
    """A traveller asks an organisation to follow their journey. Legs: origin, destination, expected_arrival."""
    if not consent:
        raise ValidationError(_("Please agree to what we keep and for how long."))
    if not legs:
        raise ValidationError(_("Add at least one leg of the journey."))
    arrivals = [leg["expected_arrival"] for leg in legs]
    if arrivals != sorted(arrivals):
        raise ValidationError(_("Legs must be in travel order, each arriving after the one before."))
    journey = Journey(
        organisation=organisation,
        nickname=nickname.strip(),
        contact_channel=contact_channel,
        contact_value=contact_value.strip(),
        language=language,
    )
    journey.set_end(arrivals[-1])
    journey.full_clean()
    journey.save()
    for position, leg in enumerate(legs, start=1):
        item = Leg(journey=journey, position=position, **leg)
        item.full_clean()
        item.save()
    record_event(actor=None, action="journey_started", obj=journey, actor_label="traveller")
    return journey


@transaction.atomic
def check_in(*, journey: Journey, leg: Leg, now: datetime | None = None) -> Leg:
    """The traveller taps "I have arrived" for a leg."""
    if leg.journey_id != journey.pk:
        raise ValidationError("Leg of another journey.")
    if leg.checked_in_at is None:
        leg.checked_in_at = now or timezone.now()
        leg.save(update_fields=["checked_in_at"])
        record_event(actor=None, action="journey_checked_in", obj=journey, actor_label="traveller",
                     detail={"leg": leg.position})  # fmt: skip
    return leg


@transaction.atomic
def finish_journey(*, journey: Journey, by=None, now: datetime | None = None) -> Journey:
    """The journey is over (traveller or staff): retention counts from now."""
    now = now or timezone.now()
    journey.closed_at = now
    journey.set_end(min(now, journey.ends_at))
    journey.save(update_fields=["closed_at", "ends_at", "delete_after"])
    record_event(actor=by, action="journey_finished", obj=journey, actor_label="" if by else "traveller")
    return journey


@transaction.atomic
def delete_journey(*, journey: Journey, by=None) -> None:
    """Delete at once (the traveller may do this at any time)."""
    organisation = journey.organisation
    record_event(
        actor=by, action="journey_deleted", organisation=organisation, actor_label="" if by else "traveller"
    )
    journey.delete()


@transaction.atomic
def acknowledge_alert(*, leg: Leg, by) -> Leg:
    """An on-duty worker takes charge of a missed check-in (after trying to reach the traveller)."""
    leg.acknowledged_at = timezone.now()
    leg.acknowledged_by = by
    leg.save(update_fields=["acknowledged_at", "acknowledged_by"])
    record_event(actor=by, action="journey_alert_acknowledged", obj=leg.journey, detail={"leg": leg.position})
    return leg


@transaction.atomic
def set_on_duty(*, membership: Membership, on: bool) -> None:
    if on:
        OnDuty.objects.get_or_create(membership=membership)
    else:
        OnDuty.objects.filter(membership=membership).delete()
    record_event(actor=membership.user, action="journeys_on_duty" if on else "journeys_off_duty",
                 organisation=membership.organisation)  # fmt: skip


def on_duty_recipients(organisation: Organisation) -> list[str]:
    """E-mail addresses for alerts: the on-duty workers, else the organisation's journey followers."""
    members = (
        Membership.objects.active().filter(organisation=organisation).with_capability("can_follow_journeys")
    )
    on_duty = [m.user.email for m in members.filter(on_duty__isnull=False).select_related("user")]
    if on_duty:
        return on_duty
    fallback = [m.user.email for m in members.with_capability("can_manage_members").select_related("user")]
    return fallback or ([organisation.email] if organisation.email else [])


def raise_missed_checkin_alerts(*, now: datetime | None = None) -> list[Leg]:
    """Mark every leg past its expected arrival + grace without a check-in, and e-mail the on-duty worker.

    Idempotent: a leg raises its alert once.
    """
    now = now or timezone.now()
    candidates = (
        Leg.objects.filter(
            checked_in_at__isnull=True, alert_raised_at__isnull=True, expected_arrival__lte=now
        )
        .filter(journey__closed_at__isnull=True)
        .select_related("journey", "journey__organisation")
    )
    raised = []
    for leg in candidates:
        if leg.due_at > now:
            continue
        with transaction.atomic():
            leg = Leg.objects.select_for_update().select_related("journey__organisation").get(pk=leg.pk)
            if leg.alert_raised_at is not None or leg.checked_in_at is not None:
                continue
            recipients = on_duty_recipients(leg.journey.organisation)
            leg.alert_raised_at = now
            leg.alert_emailed_to = ", ".join(recipients)[:500]
            leg.save(update_fields=["alert_raised_at", "alert_emailed_to"])
            record_event(actor=None, action="journey_checkin_missed", obj=leg.journey,
                         actor_label="check_missed_checkins", detail={"leg": leg.position})  # fmt: skip
        # Sent after the row is committed: a failed e-mail never undoes the alert on the board.
        if recipients:
            _send_alert(leg, recipients)
        raised.append(leg)
    return raised


def _send_alert(leg: Leg, recipients: list[str]) -> None:
    """One e-mail per language and time zone: each worker reads the times as on their pages (their
    own zone, else the organisation's), the organisation's address in the organisation's zone."""
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    organisation = leg.journey.organisation
    readers = {
        m.user.email: (m.user.preferred_language, m.time_zone)
        for m in Membership.objects.filter(
            organisation=organisation, user__email__in=recipients
        ).select_related("user", "organisation")
    }
    groups: dict[tuple[str, str], list[str]] = {}
    for email in recipients:
        key = readers.get(email, (settings.LANGUAGE_CODE, organisation.zone))
        groups.setdefault(key, []).append(email)
    for (language, zone), emails in sorted(groups.items()):
        with translation.override(language), timezone.override(zone_info(zone)):
            url = base + reverse("journeys:board_journey", kwargs={"code": leg.journey.code})
            context = {"leg": leg, "journey": leg.journey, "url": url, "zone": zone}
            subject = _("Missed check-in: %(nickname)s") % {"nickname": leg.journey.nickname}
            body = render_to_string("journeys/email/missed_checkin.txt", context)
        # No contact details in the e-mail: the worker opens the board (login, two factors) to see them.
        queue_mail(subject=subject, body=body, recipients=emails)


def purge_expired_journeys(*, now: datetime | None = None, dry_run: bool = False) -> int:
    """Delete every journey whose retention period is over. Returns how many."""
    expired = Journey.objects.expired(now)
    count = expired.count()
    if not dry_run and count:
        with transaction.atomic():
            expired.delete()
            record_event(
                actor=None, action="journeys_purged", detail={"count": count}, actor_label="purge_journeys"
            )
    return count
