"""Campaigns and their reach, counted without tracking anyone (decision 0075).

A `ReachCount` row is a number per (campaign, channel, language, day, command): nothing in it, nor in the
request that adds one, tells two people apart — no IP, user, cookie, user agent or referrer.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kompass.organisations.models import Organisation

CODE = RegexValidator(r"^[A-Za-z0-9_-]{1,64}$", _("Use only letters, digits, - and _ (at most 64)."))


class Channel(models.TextChoices):
    TELEGRAM = "telegram", "Telegram"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    FACEBOOK = "facebook", "Facebook"
    TIKTOK = "tiktok", "TikTok"
    POSTER = "poster", _("Poster or leaflet")
    WEB = "web", _("Web")


class Campaign(models.Model):
    code = models.CharField(_("code"), max_length=64, unique=True, validators=[CODE])
    name = models.CharField(_("name"), max_length=200)
    target = models.CharField(_("target page"), max_length=500)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="campaigns")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class ReachCount(models.Model):
    """How many times, on one day, a campaign link was opened (command "open") or a bot command used."""

    OPEN = "open"

    campaign = models.CharField(max_length=64, blank=True, db_index=True)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    language = models.CharField(max_length=10)
    day = models.DateField()
    command = models.CharField(max_length=32, default=OPEN)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "channel", "language", "day", "command"], name="one_reach_count_per_key"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.campaign or '-'} {self.channel} {self.language} {self.day} {self.command}: {self.count}"
        )
