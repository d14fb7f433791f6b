"""Use cases of the Telegram bot that change data: follow a journey from a chat, check in, finish,
forget a chat. The journey itself is the journeys app's: these call its services, so that a journey
followed on Telegram alerts the organisation exactly as one followed on the web.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kompass.bot import memory
from kompass.bot.models import FollowedChat
from kompass.journeys import services as journeys
from kompass.journeys.models import Journey, Leg
from kompass.organisations.models import Organisation


@transaction.atomic
def follow_journey(
    *,
    chat_id: int,
    organisation: Organisation,
    legs: list[dict],
    username: str = "",
    language: str = "en",
    consent: bool,
) -> Journey:
    """The traveller asks, from a chat, that an organisation follows the journey (legs: origin,
    destination, expected_arrival). A chat follows one journey at a time: an older one is closed."""
    for old in FollowedChat.objects.filter(chat_id=chat_id, journey__closed_at__isnull=True):
        journeys.finish_journey(journey=old.journey)
    journey = journeys.start_journey(
        organisation=organisation,
        # Not a name: just what the on-duty worker calls this traveller.
        nickname=f"Telegram {secrets.token_hex(2).upper()}",
        contact_channel=Journey.Channel.TELEGRAM,
        contact_value=f"@{username}" if username else "Kompass bot",
        legs=legs,
        language=language,
        consent=consent,
    )
    chat = FollowedChat(journey=journey, chat_id=chat_id)
    chat.full_clean()
    chat.save()
    return journey


def followed_journey(chat_id: int) -> Journey | None:
    """The chat's journey still followed (not finished), if any."""
    chat = (
        FollowedChat.objects.filter(chat_id=chat_id, journey__closed_at__isnull=True)
        .select_related("journey__organisation")
        .order_by("-journey__created_at")
        .first()
    )
    return chat.journey if chat else None


@transaction.atomic
def check_in_chat(*, chat_id: int, position: int, now: datetime | None = None) -> Leg:
    """A one-tap check-in from the chat; only the chat's own journey can be checked in."""
    journey = followed_journey(chat_id)
    leg = journey.legs.filter(position=position).first() if journey else None
    if journey is None or leg is None:
        raise ValidationError("No followed journey with this leg in this chat.")
    return journeys.check_in(journey=journey, leg=leg, now=now)


@transaction.atomic
def finish_chat_journey(*, chat_id: int) -> Journey | None:
    """ "I arrived": the journey ends; its data is deleted after the retention period."""
    journey = followed_journey(chat_id)
    if journey is not None:
        journeys.finish_journey(journey=journey)
    return journey


@transaction.atomic
def forget_chat(*, chat_id: int) -> int:
    """/forget: delete every journey of the chat (the chat's rows go with them) and the dialogue's
    memory. Returns how many journeys were deleted."""
    chats = list(FollowedChat.objects.filter(chat_id=chat_id).select_related("journey__organisation"))
    for chat in chats:
        journeys.delete_journey(journey=chat.journey)
    memory.forget(chat_id)
    return len(chats)


def due_prompts(*, now: datetime | None = None) -> list[tuple[FollowedChat, Leg]]:
    """(chat, leg) for every followed journey whose next leg's expected arrival has come and whose
    prompt was not sent yet."""
    now = now or timezone.now()
    due = []
    chats = FollowedChat.objects.filter(journey__closed_at__isnull=True).select_related("journey")
    for chat in chats.prefetch_related("journey__legs"):
        leg = chat.journey.next_leg()
        if leg and leg.expected_arrival <= now and leg.position > chat.prompted_position:
            due.append((chat, leg))
    return due


def mark_prompted(*, chat: FollowedChat, leg: Leg) -> None:
    FollowedChat.objects.filter(pk=chat.pk, prompted_position__lt=leg.position).update(
        prompted_position=leg.position
    )
