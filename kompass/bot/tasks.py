"""Scheduled work of the bot (see kompass/ops/schedule.py)."""

from kompass.ops.queue import actor


@actor(max_retries=0)  # the next run comes a few minutes later anyway
def send_telegram_checkin_prompts() -> int:
    from kompass.bot.runner import send_checkin_prompts  # python-telegram-bot only where it is used

    return send_checkin_prompts()
