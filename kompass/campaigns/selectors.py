"""Reach of campaigns, summed per campaign, channel and language (for the dashboard and the report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum

from kompass.campaigns.models import Campaign, ReachCount


@dataclass
class ReachRow:
    campaign: str
    name: str
    channel: str
    language: str
    opened: int
    commands: int


def campaign_reach(
    *, year: int | None = None, first: date | None = None, last: date | None = None
) -> list[ReachRow]:
    """Link openings and bot commands per campaign, channel and language (only counts, no people)."""
    rows = ReachCount.objects.all()
    if year is not None:
        rows = rows.filter(day__year=year)
    if first is not None:
        rows = rows.filter(day__gte=first)
    if last is not None:
        rows = rows.filter(day__lte=last)
    names = dict(Campaign.objects.values_list("code", "name"))
    totals: dict[tuple[str, str, str], list[int]] = {}
    for r in rows.values("campaign", "channel", "language", "command").annotate(n=Sum("count")):
        cell = totals.setdefault((r["campaign"], r["channel"], r["language"]), [0, 0])
        cell[0 if r["command"] == ReachCount.OPEN else 1] += r["n"]
    return [
        ReachRow(c, names.get(c, ""), ch, lang, opened, commands)
        for (c, ch, lang), (opened, commands) in sorted(totals.items())
    ]


def campaigns_for(membership) -> list[Campaign]:
    """The campaigns a member may see: all for the coordinator, the own organisation's otherwise."""
    qs = Campaign.objects.select_related("organisation")
    if membership.can_manage_organisations:
        return list(qs)
    return list(qs.filter(organisation_id=membership.organisation_id))
