"""Demo referrals between the coalition's organisations, in every state, and one transfer of a case."""

import random

from django.db import transaction

from kompass.cases.codes import ServiceCode, Stage
from kompass.cases.demo import record_demo_consent
from kompass.cases.models import Case
from kompass.cases.services import assess_need
from kompass.organisations.models import Membership, Organisation
from kompass.referrals.models import Referral
from kompass.referrals.services import (
    accept_referral,
    complete_referral,
    decline_referral,
    organisations_offering,
    record_referral_service,
    send_referral,
    withdraw_referral,
)

# How the demo's referrals end up: (final state, weight).
OUTCOMES = [("pending", 20), ("accepted", 20), ("completed", 35), ("declined", 12), ("withdrawn", 13)]
DECLINE_REASONS = [
    "No places in the shelter this month.",
    "We do not work with minors; please refer to child protection.",
    "The person lives outside the area we cover.",
]


def _worker(organisation):
    membership = (
        Membership.objects.active()
        .filter(organisation=organisation)
        .with_capability("can_edit_cases")
        .select_related("user")
        .order_by("-role")
        .first()
    )
    return membership.user if membership else None


def _offered_services() -> dict[int, list[str]]:
    offered: dict[int, list[str]] = {}
    for code in ServiceCode.values:
        for organisation in organisations_offering(code):
            offered.setdefault(organisation.pk, []).append(code)
    return offered


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    if Referral.objects.exists():
        return
    # Only organisations with a demo caseworker can send or answer (the services check who acts).
    workers = {o.pk: _worker(o) for o in Organisation.objects.filter(is_active=True)}
    workers = {pk: user for pk, user in workers.items() if user is not None}
    offered = _offered_services()
    _transfer(workers)
    receivers = [o for o in Organisation.objects.filter(pk__in=workers) if offered.get(o.pk)]
    cases = list(
        Case.objects.exclude(stage=Stage.CLOSED)
        .filter(source_report__isnull=True, owner_id__in=workers)
        .select_related("owner")
        .order_by("pk")
    )
    rng.shuffle(cases)
    for case in cases[:90]:
        targets = [o for o in receivers if o.pk != case.owner_id]
        if not targets:
            continue
        target = rng.choice(targets)
        sender, receiver = workers[case.owner_id], workers[target.pk]
        open_needs = set(case.needs.filter(met_on__isnull=True).values_list("service", flat=True))
        service = next((s for s in offered[target.pk] if s in open_needs), rng.choice(offered[target.pk]))
        need = case.needs.filter(service=service).first() or assess_need(
            case=case, by=sender, service=service
        )
        record_demo_consent(case=case, by=sender, purpose="sharing", organisation=target, service=service)
        _consent_abroad(case, target, sender)
        referral = send_referral(case=case, by=sender, to_organisation=target, need=need, notify=False,
                                 message="Please contact the person through our caseworker first.")  # fmt: skip
        outcome = rng.choices([o for o, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[0]
        if outcome == "declined":
            decline_referral(referral=referral, by=receiver, reason=rng.choice(DECLINE_REASONS), notify=False)
        elif outcome == "withdrawn":
            if rng.random() < 0.5:
                accept_referral(referral=referral, by=receiver, notify=False)
            withdraw_referral(
                referral=referral, by=sender, reason="The person moved to another city.", notify=False
            )
        elif outcome in ("accepted", "completed"):
            accept_referral(referral=referral, by=receiver, notify=False)
            if outcome == "completed":
                record_referral_service(referral=referral, by=receiver, note="Service given as agreed.")
                complete_referral(referral=referral, by=receiver, notify=False)


def _consent_abroad(case, target, sender) -> None:
    """To another country the person also agrees to the transfer of their data there (decision 0052)."""
    if target.country != case.owner.country:
        record_demo_consent(case=case, by=sender, purpose="cross_border_transfer", organisation=target,
                       note="Explained the transfer and its risks; the person agreed in writing.")  # fmt: skip


def _transfer(workers: dict) -> None:
    """A person followed in Serbia moves to Romania: the case is transferred after acceptance."""
    case = (
        Case.objects.filter(owner__country="RS", owner_id__in=workers, source_report__isnull=True)
        .exclude(stage=Stage.CLOSED)
        .order_by("pk")
        .first()
    )
    target = Organisation.objects.filter(country="RO", pk__in=workers, is_national_coordinator=False).first()
    if case is None or target is None:
        return
    sender, receiver = workers[case.owner_id], workers[target.pk]
    record_demo_consent(case=case, by=sender, purpose="sharing", organisation=target)
    _consent_abroad(case, target, sender)
    referral = send_referral(case=case, by=sender, to_organisation=target, kind=Referral.Kind.TRANSFER, notify=False,
                             message="The person moves to live with her aunt in Romania.")  # fmt: skip
    accept_referral(referral=referral, by=receiver, notify=False)
