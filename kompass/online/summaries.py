"""Monthly summaries for a platform's trust and safety team: counts only, with disclosure control.

Three counts per month of a year, for one platform: job ads reported as suspicious (recruitment),
reports of online exploitation received by the national coordinator (screening reports of the
`online` sector), and victims recruited online through the platform (persons counted once across
organisations, by the month they were first identified; stats' person linkage). No personal data
leaves: no account names, links, texts, places or dates finer than a month.

Every cell goes through stats' disclosure control (kompass.stats.disclosure): a count below the
threshold is withheld (null), and within a column the months add up to the year's total, so
secondary suppression keeps a withheld month from being worked out from the total.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from kompass.lib.countries import to_alpha3
from kompass.screening.models import ReportPlatform
from kompass.stats.disclosure import DEFAULT_THRESHOLD, count_suppressed, protect_group, protect_value

METRICS = ("reported_ads", "exploitation_reports", "online_recruited_victims")
# Codes that name a company with a trust and safety team (not "a job site", "a game", "other").
PLATFORMS = tuple(
    code for code in ReportPlatform.values if code not in {"job_site", "dating_site", "online_game", "other"}
)
MONTHS = tuple(range(1, 13))


@dataclass
class PlatformSummary:
    platform: str
    platform_name: str
    year: int
    threshold: int
    country: str = ""  # ISO2 of the one country counted; "" = every country of the coalition
    months: list[dict] = field(default_factory=list)  # {"month": "YYYY-MM", metric: int | None, …}
    total: dict = field(default_factory=dict)  # {metric: int | None}
    suppressed_cells: int = 0
    generated_at: datetime.datetime | None = None

    def as_dict(self) -> dict:
        return {
            "platform": self.platform,
            "platform_name": self.platform_name,
            "year": self.year,
            "country": self.country or "ALL",
            "method": "suppression",
            "threshold": self.threshold,
            "months": self.months,
            "total": self.total,
            "suppressed_cells": self.suppressed_cells,
            "generated_at": self.generated_at.isoformat() if self.generated_at else None,
        }


def _by_month(rows) -> dict[int, int]:
    counts = dict.fromkeys(MONTHS, 0)
    for month, n in rows:
        counts[int(month)] += n
    return counts


def reported_ads(platform: str, year: int, country: str = "") -> dict[int, int]:
    """Ads seen in `country` (ISO2; every country when empty)."""
    from kompass.recruitment.models import ReportedAd

    ads = ReportedAd.objects.filter(platform=platform, seen_on__year=year)
    if country:
        ads = ads.seen_in(to_alpha3(country))
    rows = ads.annotate(m=ExtractMonth("seen_on")).values_list("m").annotate(n=Count("id")).order_by()
    return _by_month(rows)


def exploitation_reports(platform: str, year: int, country: str = "") -> dict[int, int]:
    """Reports made in `country` (ISO2; every country when empty)."""
    from kompass.screening.models import Report

    reports = Report.objects.filter(sector="online", platform=platform, created_at__year=year)
    if country:
        reports = reports.filter(country=country)
    rows = reports.annotate(m=ExtractMonth("created_at")).values_list("m").annotate(n=Count("id")).order_by()
    return _by_month(rows)


def online_recruited_victims(year: int, country: str = "") -> dict[str, dict[int, int]]:
    """Per platform code: persons first identified in each month of `year` who were recruited there
    (identified in `country`, ISO2, when given; each person once across the coalition when not)."""
    from kompass.stats.report import year_counts

    months = year_counts(year=year, country2=country or None, country3=to_alpha3(country))[
        "by_platform_month"
    ]
    return {code: {m: counter.get(m, 0) for m in MONTHS} for code, counter in months.items()}


def _protect(cells: dict[int, int], threshold: int) -> tuple[dict[int, int | None], int | None]:
    total = protect_value(sum(cells.values()), threshold=threshold)
    protected = protect_group(cells, threshold=threshold, total_published=total is not None)
    return protected, total


def platform_summary(
    *, platform: str, year: int, threshold: int = DEFAULT_THRESHOLD, victims: dict | None = None,
    country: str = "",
) -> PlatformSummary:  # fmt: skip
    """The year's monthly counts for one platform, already protected (null = withheld): in one
    country (ISO2, a coordinator's) or, when `country` is empty, across the coalition."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}")
    if victims is None:
        victims = online_recruited_victims(year, country)
    raw = {
        "reported_ads": reported_ads(platform, year, country),
        "exploitation_reports": exploitation_reports(platform, year, country),
        "online_recruited_victims": victims.get(platform, dict.fromkeys(MONTHS, 0)),
    }
    summary = PlatformSummary(
        platform=platform,
        platform_name=str(ReportPlatform(platform).label),
        year=year,
        threshold=threshold,
        country=country,
        generated_at=timezone.now(),
    )
    columns = {}
    for metric in METRICS:
        columns[metric], summary.total[metric] = _protect(raw[metric], threshold)
    summary.months = [
        {"month": f"{year}-{m:02d}", **{metric: columns[metric][m] for metric in METRICS}} for m in MONTHS
    ]
    summary.suppressed_cells = sum(
        count_suppressed({k: v for k, v in row.items() if k != "month"}) for row in summary.months
    )
    summary.suppressed_cells += count_suppressed(summary.total)
    return summary


def all_platform_summaries(
    *, year: int, threshold: int = DEFAULT_THRESHOLD, country: str = ""
) -> list[PlatformSummary]:
    victims = online_recruited_victims(year, country)
    return [
        platform_summary(platform=p, year=year, threshold=threshold, victims=victims, country=country)
        for p in PLATFORMS
    ]
