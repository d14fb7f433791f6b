"""Read-only queries over reported ads, for the coordinator's page and the statistics report."""

from collections import OrderedDict

from django.db.models import Count
from django.db.models.functions import TruncMonth

from kompass.cases.codes import Platform
from kompass.recruitment.models import ReportedAd


def _filtered(year: int | None, country: str | None):
    ads = ReportedAd.objects.all()
    if year is not None:
        ads = ads.filter(seen_on__year=year)
    if country:
        ads = ads.seen_in(country)
    return ads


def reported_ads_by_platform(year: int | None = None, country: str | None = None) -> dict[str, int]:
    """Reported ads (public reports and casework logs) per platform code of docs/interfaces.md §3.

    Every platform code is present, in the fixed order, with 0 when none was reported. `year` is
    the year the ad was seen; `country` the ISO 3166-1 alpha-3 code of where it was seen.
    """
    counts = dict(_filtered(year, country).values_list("platform").annotate(n=Count("id")).order_by())
    return OrderedDict((code, counts.get(code, 0)) for code in Platform.values)


def reported_ads_by_platform_and_month(year: int, country: str | None = None) -> dict[str, list[int]]:
    """Counts per platform and month of `year` (12 numbers per platform code)."""
    rows = (
        _filtered(year, country)
        .annotate(month=TruncMonth("seen_on"))
        .values_list("platform", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    table = OrderedDict((code, [0] * 12) for code in Platform.values)
    for platform, month, n in rows:
        table[platform][month.month - 1] += n
    return table


def years_with_reports() -> list[int]:
    return sorted({d.year for d in ReportedAd.objects.dates("seen_on", "year")}, reverse=True)
