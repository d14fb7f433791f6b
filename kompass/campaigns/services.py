"""Creating campaigns and counting their reach (an anonymous +1 per key, nothing else)."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from kompass.campaigns.models import Campaign, Channel, ReachCount
from kompass.organisations.models import Membership


def validate_target(target: str) -> str:
    """A page of this site, as a local path: never another host (no open redirect)."""
    target = (target or "").strip()
    parts = urlsplit(target)
    if (
        not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or parts.scheme
        or parts.netloc
        or any(ord(c) < 32 for c in target)
    ):
        raise ValidationError(_("The target must be a page of this site, a path starting with /."))
    try:
        resolve(parts.path)
    except Resolver404:
        raise ValidationError(_("There is no page at this address on the site.")) from None
    return target


@transaction.atomic
def create_campaign(membership: Membership, *, code: str, name: str, target: str) -> Campaign:
    if not membership.can_run_campaigns:
        raise PermissionDenied
    campaign = Campaign(code=code.strip(), name=name.strip(), target=validate_target(target))
    campaign.organisation = membership.organisation
    campaign.full_clean()
    campaign.save()
    return campaign


def channel_or_web(value: str | None) -> str:
    """The `?ch=` of a campaign link, when it is a known channel; otherwise "web"."""
    return value if value in Channel.values else Channel.WEB


def count(*, campaign: str, channel: str, language: str, day: date, command: str = ReachCount.OPEN) -> None:
    """Add one to the count of (campaign, channel, language, day, command)."""
    key = {
        "campaign": campaign,
        "channel": channel,
        "language": language[:10],
        "day": day,
        "command": command[:32],
    }
    for _attempt in range(2):
        with transaction.atomic():
            if ReachCount.objects.filter(**key).update(count=F("count") + 1):
                return
            try:
                with transaction.atomic():
                    ReachCount.objects.create(**key, count=1)
                return
            except IntegrityError:  # another request created it first: add to it
                continue


def count_bot_command(*, campaign: str, channel: str, language: str, day: date, command: str) -> None:
    """The bot's counter (registered by kompass.bot): counted only under a campaign that exists."""
    if campaign and not Campaign.objects.filter(code=campaign).exists():
        campaign = ""
    count(campaign=campaign, channel=channel, language=language, day=day, command=command)
