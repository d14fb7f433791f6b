"""The safety plan: support points within a corridor of the route, in travel order, and the numbers
to call in every country crossed. Nothing here is stored: a plan is a pure function of its request.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import or_

from django.conf import settings
from django.core import signing
from django.db.models import Q

from kompass.directory.codes import REGION_WIDE, country_name
from kompass.directory.models import Entry, Hotline, grid_cells
from kompass.lib.geo import Route
from kompass.lib.i18n import translated
from kompass.lib.places import Place, gazetteer

TOKEN_SALT = "kompass.journeys.plan"
# Plan tokens are encrypted (AES-GCM, a key derived from SECRET_KEY): whoever sees the link — on a
# screen, in a browser history, in a QR code — cannot read the route from it (#13.13). Links made
# before, signed but readable, still open (decision 0013).
TOKEN_PREFIX = "e1."
_TOKEN_AAD = b"kompass.journeys.plan.v1"
_MAX_PLAN_BYTES = 64 * 1024
DEFAULT_CORRIDOR_KM = 25.0
MAX_CORRIDOR_KM = 200.0
MAX_WAYPOINTS = 12
COUNTRY_SAMPLE_KM = 5.0


@dataclass
class PlanRequest:
    """What a person asks for. Only this goes into the plan's URL token."""

    waypoints: list[Place]
    corridor_km: float = DEFAULT_CORRIDOR_KM
    services: list[str] = field(default_factory=list)
    language: str = "en"
    # Context of the safety plan page (not used by the API's search).
    start_date: str = ""
    end_date: str = ""
    with_children: bool = False
    needs: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def to_token(self) -> str:
        data = {
            "w": [
                [p.display_name(self.language), p.country, round(p.lat, 5), round(p.lon, 5)]
                for p in self.waypoints
            ],
            "c": self.corridor_km,
            "s": self.services,
            "l": self.language,
            "d": [self.start_date, self.end_date],
            "k": int(self.with_children),
            "n": self.needs,
            "g": self.languages,
        }
        return encrypt_token(data)

    @classmethod
    def from_token(cls, token: str) -> PlanRequest:
        """Raises signing.BadSignature on a tampered or broken token (encrypted, or signed as before)."""
        data = (
            decrypt_token(token) if token.startswith(TOKEN_PREFIX) else signing.loads(token, salt=TOKEN_SALT)
        )
        waypoints = [
            Place(id=f"t{i}", name=name, country=country, lat=float(lat), lon=float(lon), names={})
            for i, (name, country, lat, lon) in enumerate(data["w"])
        ]
        start, end = (data.get("d") or ["", ""])[:2]
        return cls(
            waypoints=waypoints,
            corridor_km=float(data.get("c", DEFAULT_CORRIDOR_KM)),
            services=list(data.get("s", [])),
            language=data.get("l", "en"),
            start_date=start or "",
            end_date=end or "",
            with_children=bool(data.get("k")),
            needs=list(data.get("n", [])),
            languages=list(data.get("g", [])),
        )


def _keys() -> list[bytes]:
    """One 256-bit key per secret (SECRET_KEY first, then SECRET_KEY_FALLBACKS during a rotation)."""
    return [_derive(secret) for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]


@lru_cache(maxsize=8)
def _derive(secret: str) -> bytes:
    # cryptography is imported where used: start-up stays light (docs/architecture.md).
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=SHA256(), length=32, salt=None, info=TOKEN_SALT.encode()).derive(secret.encode())


def encrypt_token(data: dict) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    blob = zlib.compress(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode(), 9)
    sealed = AESGCM(_keys()[0]).encrypt(nonce, blob, _TOKEN_AAD)
    return TOKEN_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def decrypt_token(token: str) -> dict:
    """The plan request inside an encrypted token; signing.BadSignature when it is not one of ours."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    body = token[len(TOKEN_PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        raise signing.BadSignature("The plan link is broken.")
    if len(raw) < 12 + 16:
        raise signing.BadSignature("The plan link is broken.")
    for key in _keys():
        try:
            blob = AESGCM(key).decrypt(raw[:12], raw[12:], _TOKEN_AAD)
        except InvalidTag:
            continue
        inflate = zlib.decompressobj()
        text = inflate.decompress(blob, _MAX_PLAN_BYTES)
        if inflate.unconsumed_tail:
            raise signing.BadSignature("The plan is too large.")
        data = json.loads(text)
        if not isinstance(data, dict):
            raise signing.BadSignature("The plan link is broken.")
        return data
    raise signing.BadSignature("The plan link is broken or was made with another key.")


def is_legacy_token(token: str) -> bool:
    """A link from before encryption: it still opens, and the page hands out an encrypted one."""
    return bool(token) and not token.startswith(TOKEN_PREFIX)


@dataclass
class PlannedPoint:
    entry: Entry
    route_km: float
    off_route_km: float
    leg: int

    def to_dict(self) -> dict:
        e = self.entry
        contacts = e.contacts()
        if e.hours:
            contacts["hours"] = e.hours
        return {
            "id": str(e.code),
            "name": e.name,
            "organisation": e.organisation.name,
            "kind": e.kind,
            "services": e.service_list,
            "lat": e.lat,
            "lon": e.lon,
            "country": e.country,
            "city": e.city,
            "languages": e.language_list,
            "route_km": round(self.route_km, 2),
            "off_route_km": round(self.off_route_km, 2),
            "contacts": contacts,
        }


@dataclass
class Plan:
    request: PlanRequest
    route: Route
    points: list[PlannedPoint]
    countries: list[str]
    hotlines: list[tuple[str, Hotline]]  # (country crossed, hotline)

    def hotlines_by_country(self) -> list[tuple[str, str, list[Hotline]]]:
        """(ISO2 code, country name, its numbers) for every country crossed, in travel order."""
        grouped: dict[str, list[Hotline]] = {}
        for country, hotline in self.hotlines:
            grouped.setdefault(country, []).append(hotline)
        return [(code, country_name(code), hotlines) for code, hotlines in grouped.items()]

    def points_by_leg(self) -> list[tuple[int, list[PlannedPoint]]]:
        grouped: dict[int, list[PlannedPoint]] = {i: [] for i in range(len(self.request.waypoints) - 1)}
        for point in self.points:
            grouped[point.leg].append(point)
        return list(grouped.items())

    def to_dict(self, plan_url: str) -> dict:
        language = self.request.language
        return {
            "waypoints": [p.to_dict(language) for p in self.request.waypoints],
            "route_km": round(self.route.length_km, 2),
            "countries": self.countries,
            "support_points": [p.to_dict() for p in self.points],
            "hotlines": [
                {
                    "country": country,
                    "number": h.number,
                    "name": translated(h.name, language),
                    "purpose": h.purpose,
                    "number_from_abroad": h.number_from_abroad,
                    "source": h.source_name,
                    "source_url": h.source_url,
                    "last_verified": h.last_verified.isoformat() if h.last_verified else "",
                }
                for country, h in self.hotlines
            ],
            "plan_url": plan_url,
        }


MAX_GRID_CELLS = 4000


def corridor_candidates(route: Route, corridor_km: float):
    """(id, lat, lon) of published, current entries near the route: the database does the spatial cut.

    The route's corridor is covered by latitude/longitude boxes of ≤ 50 km pieces; the indexed grid
    cell column narrows the search to the cells those boxes touch, the boxes to their exact extent.
    Python then measures only these candidates.
    """
    boxes = _merge_boxes(route.bounding_boxes(corridor_km))
    box_q = reduce(or_, (Q(lat__gte=a, lat__lte=b, lon__gte=c, lon__lte=d) for a, b, c, d in boxes))
    cells: set[int] = set()
    for box in boxes:
        cells |= grid_cells(*box)
    entries = Entry.objects.current().filter(lat__isnull=False)
    if len(cells) <= MAX_GRID_CELLS:  # a continent-wide corridor: the boxes alone
        entries = entries.filter(grid_cell__in=sorted(cells))
    return entries.filter(box_q).values_list("id", "lat", "lon")


def _merge_boxes(boxes: list[tuple[float, float, float, float]], limit: int = 60):
    """Keep the SQL short on very long routes by merging neighbouring boxes pairwise."""
    while len(boxes) > limit:
        merged = []
        for i in range(0, len(boxes), 2):
            pair = boxes[i : i + 2]
            merged.append(
                (
                    min(b[0] for b in pair),
                    max(b[1] for b in pair),
                    min(b[2] for b in pair),
                    max(b[3] for b in pair),
                )
            )
        boxes = merged
    return boxes


def build_plan(request: PlanRequest) -> Plan:
    route = Route([(p.lat, p.lon) for p in request.waypoints])
    wanted = set(request.services)
    positions = {}
    for pk, lat, lon in corridor_candidates(route, request.corridor_km):
        position = route.position(lat, lon)
        if position.off_route_km <= request.corridor_km:
            positions[pk] = position
    entries = (
        Entry.objects.filter(pk__in=positions).select_related("organisation").prefetch_related("services")
    )
    points = []
    for entry in entries:
        if wanted and not wanted.intersection(entry.service_list):
            continue
        position = positions[entry.pk]
        points.append(PlannedPoint(entry, position.route_km, position.off_route_km, position.leg))
    points.sort(key=lambda p: (p.route_km, p.off_route_km, p.entry.name))
    countries = _countries_for(tuple((p.lat, p.lon, p.country) for p in request.waypoints))
    by_country: dict[str, list[Hotline]] = {}
    for hotline in Hotline.objects.published().filter(country__in=[*countries, REGION_WIDE]).ordered():
        by_country.setdefault(hotline.country, []).append(hotline)
    # Same order as Hotline.objects.for_country: purpose first, then national before region-wide.
    hotlines = [
        (country, h)
        for country in countries
        for h in sorted(
            by_country.get(country, []) + by_country.get(REGION_WIDE, []),
            key=lambda h: (h.purpose_rank, h.eu_rank, h.sort_order, h.number),
        )
    ]
    return Plan(request=request, route=route, points=points, countries=countries, hotlines=hotlines)


@lru_cache(maxsize=512)
def _countries_for(waypoints: tuple[tuple[float, float, str], ...]) -> list[str]:
    """Cached per route: the gazetteer does not change while the process runs."""
    places = [
        Place(id=str(i), name="", country=c, lat=lat, lon=lon) for i, (lat, lon, c) in enumerate(waypoints)
    ]
    return countries_crossed(Route([(p.lat, p.lon) for p in places]), places)


def countries_crossed(route: Route, waypoints: list[Place]) -> list[str]:
    """Countries in travel order: the waypoints' own, and those the route passes through on the way.

    Along the route, a sample every 5 km takes the country of the nearest town; a country seen only
    at one isolated sample (a town just across a border) is not counted.
    """
    g = gazetteer()
    seq: list[tuple[float, str]] = []
    for i, p in enumerate(waypoints):
        if p.country:
            seq.append((route.start_km[i] if i < len(route.start_km) else route.length_km, p.country))
    runs: list[tuple[float, str, int]] = []
    for lat, lon, km in route.samples(COUNTRY_SAMPLE_KM):
        near = g.nearest(lat, lon, max_km=40)
        if near is None:
            continue
        if runs and runs[-1][1] == near.country:
            runs[-1] = (runs[-1][0], near.country, runs[-1][2] + 1)
        else:
            runs.append((km, near.country, 1))
    seq += [(km, country) for km, country, count in runs if count >= 2]
    seq.sort(key=lambda item: item[0])
    return list(dict.fromkeys(country for _km, country in seq))
