"""JSON API of the statistics app: the annual NRM report (DOMAIN.md §6 item 5) over HTTP."""

from django.http import JsonResponse

from kompass.api.utils import ApiError
from kompass.cases.api import staff_api
from kompass.stats import countries
from kompass.stats.disclosure import DEFAULT_THRESHOLD, Method
from kompass.stats.report import nrm_statistics
from kompass.stats.services import ensure_linkage_current

ALLOWED = {"year", "country", "threshold", "language"}


@staff_api(("GET",), capability="can_view_statistics")
def nrm(request):
    unknown = sorted(set(request.GET) - ALLOWED)
    errors: dict[str, list[str]] = {name: ["Unknown field."] for name in unknown}
    year = request.GET.get("year", "")
    if not (year.isdigit() and 1900 <= int(year) <= 2100):
        errors["year"] = ["Give a year, e.g. 2025."]
    country = request.GET.get("country", "").upper()
    if country and not countries.is_alpha3(country):
        errors["country"] = ["Unknown ISO 3166-1 alpha-3 country code."]
    threshold = request.GET.get("threshold", str(DEFAULT_THRESHOLD))
    if not (threshold.isdigit() and int(threshold) >= 1):
        errors["threshold"] = ["A whole number of at least 1."]
    if errors:
        raise ApiError("Invalid query.", errors)
    ensure_linkage_current()
    report = nrm_statistics(year=int(year), country=country or None, method=Method(threshold=int(threshold)))
    return JsonResponse(report)
