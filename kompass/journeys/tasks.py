"""Scheduled work of the journeys app (see kompass/ops/schedule.py)."""

from kompass.journeys.services import purge_expired_journeys, raise_missed_checkin_alerts
from kompass.ops.queue import actor


@actor(max_retries=0)  # the next run comes five minutes later anyway
def check_missed_checkins() -> int:
    return len(raise_missed_checkin_alerts())


@actor(max_retries=3)
def purge_journeys() -> int:
    return purge_expired_journeys()
