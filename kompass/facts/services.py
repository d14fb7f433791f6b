"""The coordinator's two review actions on a public fact, each audited."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from kompass.audit.services import record_event
from kompass.facts.models import SourcedFact


@transaction.atomic
def mark_fact_verified(*, fact: SourcedFact, by, on: date | None = None) -> SourcedFact:
    """The coordinator checked the fact against its source today (or on `on`)."""
    fact.last_verified = on or timezone.localdate()
    fact.verified_by = by
    fact.full_clean()
    fact.save(update_fields=["last_verified", "verified_by"])
    record_event(
        actor=by, action="fact_verified", obj=fact, detail={"verified_on": fact.last_verified.isoformat()}
    )
    return fact


@transaction.atomic
def withdraw_fact(*, fact: SourcedFact, by, reason: str = "") -> SourcedFact:
    """Take a fact off every public page (it stays for the record and can be corrected and republished)."""
    fact.is_published = False
    fields = ["is_published"]
    if reason:
        stamp = timezone.localdate().isoformat()
        fact.internal_note = f"{fact.internal_note}\n{stamp}: withdrawn — {reason}".strip()
        fields.append("internal_note")
    fact.save(update_fields=fields)
    record_event(actor=by, action="fact_withdrawn", obj=fact, detail={"reason": reason} if reason else None)
    return fact
