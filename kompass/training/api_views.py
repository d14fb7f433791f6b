"""Public JSON of the schools programme's reach: aggregates only (for partners and funders)."""

from django.http import JsonResponse

from kompass.api.utils import ApiError, api_view
from kompass.training import selectors
from kompass.training.models import ParentSession, SchoolSession

REACH_FIELDS = ("pupils", "schools", "sessions", "teachers", "parents", "parent_sessions")


@api_view()
def reach(request):
    """`GET /api/v1/training/reach[?country=RO]`: totals, by year (with a running total) and by region."""
    unknown = sorted(set(request.GET) - {"country", "language"})
    if unknown:
        raise ApiError("Unknown parameters.", {name: ["Unknown parameter."] for name in unknown})
    sessions, parents = SchoolSession.objects.all(), ParentSession.objects.all()
    country = request.GET.get("country")
    if country is not None:
        if len(country) != 2 or not country.isalpha() or not country.isupper():
            raise ApiError("Invalid country.", {"country": ["Give an ISO 3166-1 alpha-2 code, e.g. RO."]})
        sessions = sessions.filter(school__country=country)
        parents = parents.filter(school__country=country)
    report = selectors.reach_report(sessions=sessions, parent_sessions=parents)
    return JsonResponse(
        {
            "country": country,
            "total": {name: getattr(report.total, name) for name in REACH_FIELDS},
            "by_year": [
                {"year": y["year"], "pupils_running": y["pupils_running"], **{n: y[n] for n in REACH_FIELDS}}
                for y in report.years
            ],
            "by_region": [
                {"country": r["country"], "region": r["region"], **{n: r[n] for n in REACH_FIELDS}}
                for r in report.regions
            ],
        }
    )
