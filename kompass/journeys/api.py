"""POST /api/v1/journeys/plan (docs/interfaces.md §6 item 2): no login, nothing stored."""

import datetime
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from ninja import Field, Router
from ninja.responses import Status
from pydantic import StringConstraints, model_validator

from kompass.api.errors import ApiError, Error
from kompass.api.schemas import Input, Language, Output, StrictFloat, StrictStr, code_list
from kompass.directory.codes import EntryKind, HotlinePurpose, ServiceCode
from kompass.journeys.planning import (
    DEFAULT_CORRIDOR_KM,
    MAX_CORRIDOR_KM,
    MAX_WAYPOINTS,
    PlanRequest,
    build_plan,
)
from kompass.lib.places import PlaceNotFound, point_place, resolve_place

router = Router(tags=["journeys"])

Latitude = Annotated[StrictFloat, Field(ge=-90, le=90)]
Longitude = Annotated[StrictFloat, Field(ge=-180, le=180)]
PlaceName = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Country2 = Annotated[StrictStr, StringConstraints(pattern=r"^[A-Za-z]{2}$")]

POINT_SCHEMA = {
    "type": "object",
    "title": "Map point",
    "required": ["lat", "lon"],
    "additionalProperties": False,
    "properties": {
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
    },
}
PLACE_SCHEMA = {
    "type": "object",
    "title": "Place name",
    "required": ["place"],
    "additionalProperties": False,
    "properties": {
        "place": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S",
                  "description": "A city or border crossing, in any of the five languages and scripts."},
        "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 alpha-2"},
    },
}  # fmt: skip


class JourneyWaypointIn(Input):
    """A map point (`lat`, `lon`) or a place name (`place`, optionally `country`), never both."""

    lat: Latitude | None = None
    lon: Longitude | None = None
    place: PlaceName | None = None
    country: Country2 | None = None

    @model_validator(mode="after")
    def one_kind(self):
        point = self.lat is not None or self.lon is not None
        if self.place is not None:
            if point:
                raise ValueError("Give either lat and lon, or place (and optionally country).")
        elif self.country is not None:
            raise ValueError("country goes with place.")
        elif self.lat is None or self.lon is None:
            raise ValueError("Give either lat and lon, or place (and optionally country).")
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler) -> dict[str, Any]:
        # pydantic cannot say "either this or that" from one model: the two shapes are written out.
        return {"title": "JourneyWaypointIn", "oneOf": [POINT_SCHEMA, PLACE_SCHEMA]}


class JourneyPlanRequest(Input):
    waypoints: list[JourneyWaypointIn] = Field(min_length=2, max_length=MAX_WAYPOINTS)
    corridor_km: StrictFloat = Field(DEFAULT_CORRIDOR_KM, gt=0, le=MAX_CORRIDOR_KM)
    language: Language | None = Field(
        None, description="Language of names and texts (default: the request's)."
    )
    services: code_list(ServiceCode.values, message="Unknown service code: {codes}.") = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Keep only points offering at least one of these docs/interfaces.md §3 service codes.",
    )


class JourneyWaypoint(Output):
    name: str = Field(description="Name in the requested language")
    country: str
    lat: float
    lon: float


class JourneySupportPoint(Output):
    id: str = Field(json_schema_extra={"format": "uuid"})
    name: str
    organisation: str
    kind: EntryKind
    services: list[str]
    lat: float | None
    lon: float | None
    country: str
    city: str
    languages: list[str]
    route_km: float = Field(description="Distance along the route from the first waypoint")
    off_route_km: float = Field(description="Distance from the route")
    contacts: dict[str, str] = Field(
        description="Non-empty channels among phone, telegram, whatsapp, email, and the opening hours."
    )


class JourneyHotline(Output):
    country: str
    number: str
    name: str
    purpose: HotlinePurpose
    number_from_abroad: str = Field(
        description='How to call the line from another country ("" when there is none)'
    )
    source: str = Field(description="The organisation or official page that publishes the number")
    source_url: str = Field(description="The official page")
    last_verified: datetime.date | Literal[""] = Field(
        description='When the number was last checked at its source ("" when never)'
    )


class JourneyPlan(Output):
    waypoints: list[JourneyWaypoint]
    route_km: float = Field(description="Length of the great-circle route")
    countries: list[str] = Field(description="Countries crossed, in travel order")
    support_points: list[JourneySupportPoint] = Field(description="Ordered by route_km")
    hotlines: list[JourneyHotline] = Field(
        description="For each country crossed (in travel order), its numbers and the region-wide ones (112), "
        "emergency first."
    )
    plan_url: str = Field(description="Link that reopens the safety plan page (nothing is stored)")


class PlaceErrorOut(Error):
    """An unknown place: `errors` keyed `waypoints.<i>.place`, and the suggestions as a list per field."""

    suggestions: dict[str, list[str]]


class PlaceError(ApiError):
    def __init__(self, message, errors, suggestions):
        super().__init__(message, errors)
        self.suggestions = suggestions


def _places(body: JourneyPlanRequest, language: str) -> list:
    places, errors, suggestions = [], {}, {}
    for i, waypoint in enumerate(body.waypoints):
        if waypoint.place is None:
            places.append(point_place(waypoint.lat, waypoint.lon))
            continue
        try:
            places.append(
                resolve_place(waypoint.place, waypoint.country.upper() if waypoint.country else None)
            )
        except PlaceNotFound as exc:
            key = f"waypoints.{i}.place"
            names = [f"{p.display_name(language)} ({p.country})" for p in exc.suggestions]
            message = f"Unknown place: {exc.query!r}."
            if names:
                message += f" Did you mean: {', '.join(names)}?"
            errors[key] = [message]
            suggestions[key] = names
    if errors:
        raise PlaceError("Unknown place.", errors, suggestions)
    return places


def plan_url(request: HttpRequest, plan_request: PlanRequest) -> str:
    with translation.override(plan_request.language):
        path = reverse("journeys:plan")
    base = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")
    return f"{base.rstrip('/')}{path}?p={plan_request.to_token()}"


@router.post(
    "plan",
    response={200: JourneyPlan, 400: PlaceErrorOut | Error},
    summary="Support points along a route and the numbers to call in every country crossed",
)
def plan(request: HttpRequest, body: JourneyPlanRequest):
    """Waypoints are map points or place names in any of the five languages and scripts (Одеса, Odessa,
    Chișinău, Кишинёв…). `route_km` is the distance along the great-circle route from the first waypoint
    to the point's projection on the route; `off_route_km` the distance from the route. Support points
    are published, current directory entries within `corridor_km` of the route, ordered by `route_km`.
    An unknown place is a 400 whose `suggestions` lists the places meant, per field."""
    language = body.language or translation.get_language() or "en"
    try:
        places = _places(body, language)
    except PlaceError as exc:
        return Status(400, {"error": exc.message, "errors": exc.errors, "suggestions": exc.suggestions})
    plan_request = PlanRequest(
        waypoints=places, corridor_km=float(body.corridor_km), services=body.services, language=language
    )
    return build_plan(plan_request).to_dict(plan_url(request, plan_request))
