"""Where a dialogue stands, per chat, in the cache only (never the database), for a short while.

The key is a keyed hash of the chat id, so the cache holds no chat id either. What is kept: the chosen
language, the step of a dialogue, the places of a plan being asked, the plan's link. Never a message's
text. It expires after KOMPASS_TELEGRAM_MEMORY_MINUTES of silence; /forget deletes it at once.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def _key(chat_id: int) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"telegram-chat:{chat_id}".encode(), hashlib.sha256)
    return "kompass.bot.chat." + digest.hexdigest()[:40]


def recall(chat_id: int) -> dict:
    return dict(cache.get(_key(chat_id)) or {})


def remember(chat_id: int, state: dict) -> None:
    cache.set(_key(chat_id), state, timeout=settings.TELEGRAM_MEMORY_MINUTES * 60)


def forget(chat_id: int) -> None:
    cache.delete(_key(chat_id))
