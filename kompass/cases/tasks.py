"""Scheduled work of the cases app (see kompass/ops/schedule.py)."""

from kompass.cases.services import anonymise_closed_cases as anonymise
from kompass.cases.services import retention_days
from kompass.ops.queue import actor


@actor(max_retries=3, time_limit=3_600_000)
def anonymise_closed_cases() -> int:
    return len(anonymise(dry_run=False, days=retention_days()))
