"""Staff pages: monthly summaries per platform for trust and safety teams (counts only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kompass.audit.services import record_event
from kompass.directory.codes import country_name
from kompass.online import exports
from kompass.online.summaries import METRICS, PLATFORMS, all_platform_summaries, platform_summary
from kompass.organisations.models import Organisation
from kompass.organisations.permissions import counts_country, staff_required
from kompass.stats.disclosure import DEFAULT_THRESHOLD

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "pdf": "application/pdf"}


def _year(request: HttpRequest) -> int:
    """?year=, else the last complete year (a trust and safety team gets whole months)."""
    default = timezone.localdate().year - 1
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        year = default
    return min(max(year, 2000), timezone.localdate().year)


def _country(request: HttpRequest) -> str:
    """A coordinator's own country (another's ?country= is a 404); the regional body and the platform
    auditor choose one or read the coalition's (""), each person counted once."""
    return counts_country(request.membership, request.GET.get("country", "")) or ""


@staff_required("can_view_statistics")
def summary_list(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    country = _country(request)
    this_year = timezone.localdate().year
    return render(
        request,
        "online/summaries.html",
        {
            "year": year,
            "years": list(range(this_year, this_year - 5, -1)),
            "country": country,
            "country_name": country_name(country) if country else "",
            # The regional body and the platform auditor choose; a coordinator reads its own country.
            "countries": []
            if request.membership.statistics_country
            else [(code, country_name(code)) for code in Organisation.objects.coordinator_countries()],
            "summaries": all_platform_summaries(year=year, country=country),
            "formats": ("pdf", "csv", "json"),
            "metrics": [(m, exports.METRIC_LABELS[m]) for m in METRICS],
            "threshold": DEFAULT_THRESHOLD,
        },
    )


@staff_required("can_view_statistics")
def summary_download(request: HttpRequest, platform: str, year: int, fmt: str) -> HttpResponse:
    if platform not in PLATFORMS or fmt not in FORMATS or not 2000 <= year <= timezone.localdate().year:
        raise Http404
    country = _country(request)
    summary = platform_summary(platform=platform, year=year, country=country)
    if fmt == "csv":
        body = exports.summary_csv(summary)
    elif fmt == "json":
        body = exports.summary_json(summary)
    else:
        body = exports.summary_pdf(summary, base_url=request.build_absolute_uri("/"))
    record_event(
        actor=request.user,
        action="platform_summary_downloaded",
        detail={"platform": platform, "year": year, "format": fmt, "country": country or "ALL"},
    )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    name = f"kompass-{platform}-{year}" + (f"-{country}" if country else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
