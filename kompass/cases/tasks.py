"""Scheduled work of the cases app (see kompass/ops/schedule.py)."""

from kompass.cases.services import anonymise_closed_cases as anonymise
from kompass.cases.services import (
    end_sharing_on_expired_consents,
    retention_days,
    send_consent_renewal_reminders,
)
from kompass.ops.queue import actor


@actor(max_retries=3, time_limit=3_600_000)
def anonymise_closed_cases() -> int:
    return len(anonymise(dry_run=False, days=retention_days()))


@actor(max_retries=0)  # daily; each reminder is sent once
def consent_renewals() -> dict[str, int]:
    return {
        "reminded": len(send_consent_renewal_reminders()),
        "expired": end_sharing_on_expired_consents(),
    }
