"""Running the bot: one update from the webhook, long polling for development, the webhook's
registration, and the check-in prompts sent by the scheduler.

Each entry point is synchronous and runs the Application in `async_to_sync`: its Django calls then
run in the caller's thread (a request's, a command's), with that thread's database connection.
"""

from __future__ import annotations

import logging
import threading

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from telegram import Update

from kompass.bot import dialogue, services
from kompass.bot.handlers import build_application, send_replies

logger = logging.getLogger(__name__)


def require_token() -> None:
    if not settings.TELEGRAM_TOKEN:
        raise ImproperlyConfigured("Set KOMPASS_TELEGRAM_TOKEN to run the Telegram bot.")


def process_update(data: dict) -> None:
    """Answer one update (from the webhook)."""
    require_token()
    async_to_sync(_process)(data)


async def _process(data: dict) -> None:
    application = build_application()
    async with application:
        update = Update.de_json(data, application.bot)
        await application.process_update(update)


def poll(*, stop: threading.Event | None = None, timeout: int = 30) -> int:
    """Long polling (development): fetch updates and answer them until `stop` is set. Returns how
    many updates were answered."""
    require_token()
    return async_to_sync(_poll)(stop or threading.Event(), timeout)


async def _poll(stop: threading.Event, timeout: int) -> int:
    application = build_application()
    answered = 0
    async with application:
        await application.bot.delete_webhook()  # Telegram refuses getUpdates while a webhook is set
        offset = None
        while not stop.is_set():
            updates = await application.bot.get_updates(
                offset=offset, timeout=timeout, allowed_updates=Update.ALL_TYPES
            )
            for update in updates:
                offset = update.update_id + 1
                await application.process_update(update)
                answered += 1
    return answered


def set_webhook(url: str) -> bool:
    """Register the webhook with the secret token that the webhook view checks."""
    require_token()
    if not settings.TELEGRAM_WEBHOOK_SECRET:
        raise ImproperlyConfigured("Set KOMPASS_TELEGRAM_WEBHOOK_SECRET before registering the webhook.")
    return async_to_sync(_set_webhook)(url)


async def _set_webhook(url: str) -> bool:
    async with build_application() as application:
        return await application.bot.set_webhook(
            url=url,
            secret_token=settings.TELEGRAM_WEBHOOK_SECRET,
            allowed_updates=["message", "callback_query"],
        )


def delete_webhook() -> bool:
    require_token()
    return async_to_sync(_delete_webhook)()


async def _delete_webhook() -> bool:
    async with build_application() as application:
        return await application.bot.delete_webhook()


def send_checkin_prompts() -> int:
    """Ask every followed traveller whose expected arrival has come to check in. Returns how many."""
    if not settings.TELEGRAM_TOKEN:
        return 0
    due = services.due_prompts()
    if not due:
        return 0
    return async_to_sync(_send_prompts)(due)


async def _send_prompts(due) -> int:
    sent = 0
    async with build_application() as application:
        for chat, leg in due:
            reply = await sync_to_async(dialogue.checkin_prompt)(chat.journey, leg)
            try:
                await send_replies(application.bot, chat.chat_id, [reply], chat.journey.language)
            except Exception as exc:  # a blocked bot or a network error: the next run tries again
                logger.warning("Check-in prompt not sent: %s", type(exc).__name__)
                continue
            await sync_to_async(services.mark_prompted)(chat=chat, leg=leg)
            sent += 1
    return sent
