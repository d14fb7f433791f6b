"""The bot on python-telegram-bot: an Application whose handlers turn updates into `dialogue` calls
and send the replies. Django code runs through `sync_to_async` (thread-sensitive: in the thread that
called `runner`, so a request's or a command's database connection is the one used)."""

from __future__ import annotations

import io
import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from kompass.bot import dialogue
from kompass.bot.dialogue import Chat, Reply

logger = logging.getLogger(__name__)


def build_application() -> Application:
    """The bot's Application: requests go to <KOMPASS_TELEGRAM_API_URL>/bot<token>/<method>."""
    root = settings.TELEGRAM_API_URL.rstrip("/")
    application = (
        Application.builder()
        .token(settings.TELEGRAM_TOKEN)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .updater(None)  # webhook and polling are driven by kompass.bot.runner
        .job_queue(None)  # timed work is the project's scheduler's (kompass.ops.schedule)
        .build()
    )
    application.add_handler(CommandHandler("start", on_start))
    application.add_handler(CommandHandler(list(dialogue.COMMANDS), on_command))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(filters.LOCATION, on_location))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    application.add_error_handler(on_error)
    return application


def chat_of(update: Update) -> Chat:
    user = update.effective_user
    return Chat(
        id=update.effective_chat.id,
        client_language=(user.language_code or "") if user else "",
        username=(user.username or "") if user else "",
    )


def _markup(reply: Reply, language: str):
    if reply.ask_location:
        from django.utils import translation
        from django.utils.translation import gettext as _

        with translation.override(language):
            label = _("Share my location")
        return ReplyKeyboardMarkup([[KeyboardButton(label, request_location=True)]], resize_keyboard=True, one_time_keyboard=True)  # fmt: skip
    if not reply.buttons:
        return None
    rows = [
        [InlineKeyboardButton(b.text, url=b.url) if b.url else InlineKeyboardButton(b.text, callback_data=b.data) for b in row]
        for row in reply.buttons
    ]  # fmt: skip
    return InlineKeyboardMarkup(rows)


async def send(
    update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply], language: str
) -> None:
    bot, chat_id = context.bot, update.effective_chat.id
    await send_replies(bot, chat_id, replies, language, query=update.callback_query)


async def send_replies(bot, chat_id: int, replies: list[Reply], language: str, *, query=None) -> None:
    for reply in replies:
        markup = _markup(reply, language)
        if reply.location is not None:
            await bot.send_location(chat_id=chat_id, latitude=reply.location[0], longitude=reply.location[1])
        elif reply.document is not None:
            name, content = reply.document
            await bot.send_document(chat_id=chat_id, document=io.BytesIO(content), filename=name, caption=reply.text or None, parse_mode=ParseMode.HTML)  # fmt: skip
        elif reply.edit and query is not None and query.message is not None:
            try:
                await query.edit_message_text(reply.text, parse_mode=ParseMode.HTML, reply_markup=markup)
            except BadRequest:  # the message is too old to edit, or unchanged: say it anew
                await bot.send_message(chat_id=chat_id, text=reply.text, parse_mode=ParseMode.HTML, reply_markup=markup)  # fmt: skip
        else:
            await bot.send_message(chat_id=chat_id, text=reply.text, parse_mode=ParseMode.HTML, reply_markup=markup,
                                   disable_web_page_preview=True)  # fmt: skip


async def _language(chat: Chat) -> str:
    return await sync_to_async(dialogue.language_of)(chat)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = chat_of(update)
    payload = context.args[0] if context.args else ""
    replies = await sync_to_async(dialogue.start)(chat, payload)
    await send(update, context, replies, await _language(chat))


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = chat_of(update)
    command = update.effective_message.text.split()[0].lstrip("/").split("@")[0].lower()
    replies = await sync_to_async(dialogue.COMMANDS[command])(chat)
    await send(update, context, replies, await _language(chat))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer()
    chat = chat_of(update)
    replies = await sync_to_async(dialogue.button)(chat, query.data or "")
    language = (query.data or "").split("|")[0]
    await send(
        update, context, replies, language if language in dialogue.LANGUAGES else await _language(chat)
    )


async def on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = chat_of(update)
    location = update.effective_message.location
    replies = await sync_to_async(dialogue.located)(chat, location.latitude, location.longitude)
    await send(update, context, replies, await _language(chat))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = chat_of(update)
    message = update.effective_message
    replies = await sync_to_async(dialogue.text_message)(chat, message.text or "", forwarded=message.forward_origin is not None)  # fmt: skip
    await send(update, context, replies, await _language(chat))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    # The kind of error only: an update holds what the person wrote, which is never logged.
    error = context.error
    logger.error(
        "Telegram update failed: %s",
        type(error).__name__,
        exc_info=(type(error), error, error.__traceback__) if error else None,
    )
