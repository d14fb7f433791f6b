"""Opening hours in the common OpenStreetMap notation, read and shown in the reader's language.

The subset people type for offices and support points: `24/7`; rules separated by `;`, each days
then times, e.g. `Mo-Fr 09:00-17:00; Sa 10:00-14:00`, `Mo,We 08:00-12:00,13:00-16:00`, `Su off`,
a time range past midnight (`Fr 20:00-02:00`) and times without days (every day). Dashes may be en
dashes. Anything else (public holidays, months, free text) is not read: the text is then shown as
typed and "open now" is not claimed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
_DASH = re.compile(r"\s*[–—-]\s*")
_TIME = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")


@dataclass(frozen=True)
class OpeningHours:
    always: bool
    # Per weekday (Monday 0): the (open, close) minute ranges; close > open, close may pass 1440.
    week: tuple[tuple[tuple[int, int], ...], ...]

    def is_open(self, moment: datetime.datetime) -> bool:
        """Whether open at a local (wall-clock) time."""
        if self.always:
            return True
        minute = moment.hour * 60 + moment.minute
        today, yesterday = moment.weekday(), (moment.weekday() - 1) % 7
        if any(start <= minute < end for start, end in self.week[today]):
            return True
        # A range of yesterday that ran past midnight.
        return any(end > 1440 and minute < end - 1440 for _start, end in self.week[yesterday])

    def describe(self) -> str:
        """The hours in the active language: weekday names and 24-hour times."""
        if self.always:
            return _("Open 24 hours, every day")
        parts, day = [], 0
        while day < 7:
            last = day
            while last + 1 < 7 and self.week[last + 1] == self.week[day]:
                last += 1
            if self.week[day]:
                days = (
                    str(WEEKDAYS_ABBR[day]) if last == day else f"{WEEKDAYS_ABBR[day]}–{WEEKDAYS_ABBR[last]}"
                )
                times = ", ".join(f"{_clock(s)}–{_clock(e)}" for s, e in self.week[day])
                parts.append(f"{days} {times}")
            day = last + 1
        return "; ".join(parts) if parts else pgettext("opening hours", "Closed")


def _clock(minutes: int) -> str:
    if minutes != 1440:
        minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _days(text: str) -> list[int] | None:
    days: list[int] = []
    for part in text.split(","):
        bounds = _DASH.split(part.strip().lower())
        if not all(b in DAYS for b in bounds) or len(bounds) > 2:
            return None
        first, last = DAYS.index(bounds[0]), DAYS.index(bounds[-1])
        span = range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
        days.extend(d for d in span if d not in days)
    return days


def _minutes(text: str) -> int | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    value = int(match.group(1)) * 60 + int(match.group(2))
    return value if value <= 1440 else None


def _ranges(text: str) -> list[tuple[int, int]] | None:
    ranges = []
    for part in text.split(","):
        bounds = _DASH.split(part.strip())
        if len(bounds) != 2:
            return None
        start, end = _minutes(bounds[0]), _minutes(bounds[1])
        if start is None or end is None or start == end:
            return None
        ranges.append((start, end if end > start else end + 1440))
    return ranges


@cache
def parse(text: str) -> OpeningHours | None:
    """The hours of an OSM-style text, or None when it is not in the subset read here."""
    text = (text or "").strip()
    if not text:
        return None
    if text.replace(" ", "").lower() in {"24/7", "mo-su00:00-24:00"}:
        return OpeningHours(always=True, week=((),) * 7)
    week: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        match = re.match(r"^([A-Za-z,\s–—-]*?)\s*(off|closed|[\d:,\s–—-]+)$", rule, flags=re.IGNORECASE)
        if not match:
            return None
        days = _days(match.group(1)) if match.group(1).strip() else list(range(7))
        if days is None:
            return None
        if match.group(2).lower() in {"off", "closed"}:
            for day in days:
                week[day] = []
            continue
        ranges = _ranges(match.group(2))
        if ranges is None:
            return None
        for day in days:
            week[day] = list(ranges)  # a later rule for a day replaces an earlier one (as in OSM)
    return OpeningHours(always=False, week=tuple(tuple(sorted(day)) for day in week))


@cache
def _zone_table() -> dict[str, str]:
    """ISO country code → its main time zone, from the tz database's zone.tab."""
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        text = Path("/usr/share/zoneinfo/zone.tab").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    settled: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, zone, *comment = line.split("\t")
            # The zone of most of the country when there are several (Europe/Kyiv, not Simferopol).
            most = bool(comment) and comment[0].lower().startswith("most")
            if country not in settled and (country not in table or most):
                table[country] = zone
                if most or not comment:
                    settled.add(country)
    return table


def country_timezone(iso2: str) -> ZoneInfo | None:
    """The time zone of a country (its main one), or None for an unknown code."""
    name = _zone_table().get((iso2 or "").upper())
    return ZoneInfo(name) if name else None


def is_open_now(hours: OpeningHours | None, iso2: str, now: datetime.datetime | None = None) -> bool | None:
    """Open at this moment in the country's time zone; None when the hours or the zone are unknown."""
    zone = country_timezone(iso2)
    if hours is None or zone is None:
        return None
    from django.utils import timezone

    return hours.is_open((now or timezone.now()).astimezone(zone))
