"""The one thing the Telegram bot keeps in the database: which chat a followed journey belongs to.

Everything else a chat says lives only in the cache, for a dialogue's length (`memory.py`). The row
goes with its journey: when the traveller says /forget, and when the journey's retention period ends
(`journeys.services.purge_expired_journeys` deletes the journey, and this row with it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowedChat(models.Model):
    """The Telegram chat of a followed journey: where its check-in prompts go."""

    journey = models.OneToOneField("journeys.Journey", on_delete=models.CASCADE, related_name="telegram_chat")
    chat_id = models.BigIntegerField(_("Telegram chat"))
    # The position of the last leg whose check-in prompt was sent (0: none yet).
    prompted_position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("journey followed on Telegram")
        verbose_name_plural = _("journeys followed on Telegram")
        indexes = [models.Index(fields=["chat_id"], name="bot_followedchat_chat")]

    def __str__(self) -> str:
        return str(self.journey)
