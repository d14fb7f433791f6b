"""Staff pages: monthly summaries per platform for trust and safety teams (counts only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kompass.audit.services import record_event
from kompass.online import exports
from kompass.online.summaries import METRICS, PLATFORMS, all_platform_summaries, platform_summary
from kompass.organisations.permissions import staff_required
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


@staff_required("can_view_statistics")
def summary_list(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    this_year = timezone.localdate().year
    return render(
        request,
        "online/summaries.html",
        {
            "year": year,
            "years": list(range(this_year, this_year - 5, -1)),
            "summaries": all_platform_summaries(year=year),
            "metrics": [(m, exports.METRIC_LABELS[m]) for m in METRICS],
            "threshold": DEFAULT_THRESHOLD,
        },
    )


@staff_required("can_view_statistics")
def summary_download(request: HttpRequest, platform: str, year: int, fmt: str) -> HttpResponse:
    if platform not in PLATFORMS or fmt not in FORMATS or not 2000 <= year <= timezone.localdate().year:
        raise Http404
    summary = platform_summary(platform=platform, year=year)
    if fmt == "csv":
        body = exports.summary_csv(summary)
    elif fmt == "json":
        body = exports.summary_json(summary)
    else:
        body = exports.summary_pdf(summary, base_url=request.build_absolute_uri("/"))
    record_event(
        actor=request.user,
        action="platform_summary_downloaded",
        detail={"platform": platform, "year": year, "format": fmt},
    )
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="kompass-{platform}-{year}.{fmt}"'
    return response
