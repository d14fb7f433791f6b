"""Scheduled work of the screening app (see kompass/ops/schedule.py)."""

from kompass.ops.queue import actor
from kompass.screening.services import raise_waiting_report_alerts


@actor(max_retries=0)  # the next run comes within the hour anyway; each report is alerted once
def alert_waiting_reports() -> int:
    return len(raise_waiting_report_alerts())
