"""Counting what the bot is asked, without counting who asks.

Each feature the bot opens is reported as (campaign, channel, language, day, command): no chat id, no
user id, nothing that tells two people apart. A counter of campaign reach registers itself in
`COMMAND_COUNTERS` (from its AppConfig.ready()); the bot does not know who counts. The campaign is the
payload of a deep link (`https://t.me/<bot>?start=<campaign>`), kept in the dialogue's memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.utils import timezone

CHANNEL = "telegram"
CAMPAIGN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# Each counter is called with keyword arguments: campaign, channel, language, day, command.
COMMAND_COUNTERS: list[Callable[..., None]] = []


def campaign_from_payload(payload: str) -> str:
    """The campaign code of a /start deep link, or "" when there is none or it is malformed."""
    payload = (payload or "").strip()
    return payload if CAMPAIGN.match(payload) else ""


def count_command(*, command: str, language: str, campaign: str = "", day: date | None = None) -> None:
    day = day or timezone.localdate()
    for counter in COMMAND_COUNTERS:
        counter(campaign=campaign, channel=CHANNEL, language=language, day=day, command=command)
