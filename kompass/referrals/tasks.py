"""Scheduled work of the referrals app (see kompass/ops/schedule.py)."""

from kompass.ops.queue import actor
from kompass.referrals.services import check_referral_deadlines


@actor(max_retries=0)  # the next run comes a few minutes later anyway; each alert is sent once
def check_deadlines() -> dict[str, int]:
    return check_referral_deadlines()
