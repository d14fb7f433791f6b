"""POST /api/v1/journeys/plan (DOMAIN.md §6 item 2): no login, nothing stored."""

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation

from kompass.api.utils import ApiError, api_view, parse_json_body
from kompass.directory.codes import ServiceCode
from kompass.journeys.planning import (
    DEFAULT_CORRIDOR_KM,
    MAX_CORRIDOR_KM,
    MAX_WAYPOINTS,
    PlanRequest,
    build_plan,
)
from kompass.lib.places import PlaceNotFound, point_place, resolve_place

LANGUAGES = dict(settings.LANGUAGES)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_plan_request(data: dict) -> PlanRequest:
    """Validate the body; every problem is reported at once, keyed by field path."""
    errors: dict[str, list[str]] = {}
    suggestions: dict[str, list[str]] = {}
    language = data.get("language", translation.get_language() or "en")
    if isinstance(language, str):
        language = language.strip().lower().replace("_", "-")
    if language not in LANGUAGES:
        errors["language"] = [f"Unknown language code: {language!r}. Use one of {', '.join(LANGUAGES)}."]
        language = "en"

    corridor = data.get("corridor_km", DEFAULT_CORRIDOR_KM)
    if not _number(corridor) or not 0 < corridor <= MAX_CORRIDOR_KM:
        errors["corridor_km"] = [f"Give a number of kilometres above 0 and at most {MAX_CORRIDOR_KM:g}."]
        corridor = DEFAULT_CORRIDOR_KM

    services = data.get("services", [])
    if not isinstance(services, list) or not all(isinstance(s, str) for s in services):
        errors["services"] = ["Give a list of service codes."]
        services = []
    else:
        unknown = [s for s in services if s not in ServiceCode.values]
        if unknown:
            errors["services"] = [f"Unknown service code: {s}." for s in unknown]

    waypoints = data.get("waypoints")
    places = []
    if not isinstance(waypoints, list) or len(waypoints) < 2:
        errors["waypoints"] = ["Give at least two waypoints."]
    elif len(waypoints) > MAX_WAYPOINTS:
        errors["waypoints"] = [f"Give at most {MAX_WAYPOINTS} waypoints."]
    else:
        for i, wp in enumerate(waypoints):
            key = f"waypoints.{i}"
            try:
                places.append(_parse_waypoint(wp))
            except ApiError as exc:
                errors.update(
                    {f"{key}.{field}": msgs for field, msgs in exc.errors.items()} or {key: [exc.message]}
                )
            except PlaceNotFound as exc:
                names = [f"{p.display_name(language)} ({p.country})" for p in exc.suggestions]
                message = f"Unknown place: {exc.query!r}."
                if names:
                    message += f" Did you mean: {', '.join(names)}?"
                errors[f"{key}.place"] = [message]
                suggestions[f"{key}.place"] = names
    if errors:
        if suggestions:
            raise PlaceError("Unknown place.", errors, suggestions)
        raise ApiError("The plan request is not valid.", errors)
    return PlanRequest(waypoints=places, corridor_km=float(corridor), services=services, language=language)


class PlaceError(ApiError):
    def __init__(self, message, errors, suggestions):
        super().__init__(message, errors)
        self.suggestions = suggestions


def _parse_waypoint(wp):
    if not isinstance(wp, dict):
        raise ApiError("Each waypoint is an object.")
    keys = set(wp)
    if keys <= {"lat", "lon"} and keys == {"lat", "lon"}:
        lat, lon = wp["lat"], wp["lon"]
        errs = {}
        if not _number(lat) or not -90 <= lat <= 90:
            errs["lat"] = ["Give a latitude between -90 and 90."]
        if not _number(lon) or not -180 <= lon <= 180:
            errs["lon"] = ["Give a longitude between -180 and 180."]
        if errs:
            raise ApiError("Bad coordinates.", errs)
        return point_place(float(lat), float(lon))
    if "place" in keys and keys <= {"place", "country"}:
        name, country = wp["place"], wp.get("country")
        errs = {}
        if not isinstance(name, str) or not name.strip():
            errs["place"] = ["Give a place name."]
        if country is not None and (
            not isinstance(country, str) or len(country) != 2 or not country.isalpha()
        ):
            errs["country"] = ["Give an ISO 3166-1 alpha-2 country code."]
        if errs:
            raise ApiError("Bad place.", errs)
        return resolve_place(name.strip(), country.upper() if country else None)
    unknown = sorted(keys - {"lat", "lon", "place", "country"})
    if unknown:
        raise ApiError("Unknown fields.", {name: ["Unknown field."] for name in unknown})
    raise ApiError("Give either lat and lon, or place (and optionally country).")


def plan_url(request, plan_request: PlanRequest) -> str:
    with translation.override(plan_request.language):
        path = reverse("journeys:plan")
    base = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")
    return f"{base.rstrip('/')}{path}?p={plan_request.to_token()}"


@api_view(("POST",))
def plan(request):
    data = parse_json_body(request, allowed=("waypoints", "corridor_km", "language", "services"))
    try:
        plan_request = parse_plan_request(data)
    except PlaceError as exc:
        return JsonResponse(
            {"error": exc.message, "errors": exc.errors, "suggestions": exc.suggestions}, status=400
        )
    result = build_plan(plan_request)
    return JsonResponse(
        result.to_dict(plan_url(request, plan_request)), json_dumps_params={"ensure_ascii": False}
    )
