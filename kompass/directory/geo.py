"""Great-circle geometry on a spherical Earth: distances, and positions of points along a route."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing from point 1 to point 2, in radians."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.atan2(y, x)


def intermediate_point(
    lat1: float, lon1: float, lat2: float, lon2: float, fraction: float
) -> tuple[float, float]:
    """The point at `fraction` of the great-circle arc from point 1 to point 2."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    d = haversine_km(lat1, lon1, lat2, lon2) / EARTH_RADIUS_KM
    if d == 0:
        return lat1, lon1
    a = math.sin((1 - fraction) * d) / math.sin(d)
    b = math.sin(fraction * d) / math.sin(d)
    x = a * math.cos(p1) * math.cos(l1) + b * math.cos(p2) * math.cos(l2)
    y = a * math.cos(p1) * math.sin(l1) + b * math.cos(p2) * math.sin(l2)
    z = a * math.sin(p1) + b * math.sin(p2)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


@dataclass(frozen=True)
class RoutePosition:
    route_km: float  # distance along the route from its first point to the nearest point of the route
    off_route_km: float  # distance from the route
    leg: int  # index of the leg (segment) the nearest point lies on


class Route:
    """A polyline of great-circle legs through waypoints (lat, lon)."""

    def __init__(self, points: list[tuple[float, float]]):
        if len(points) < 2:
            raise ValueError("A route needs at least two points.")
        self.points = points
        self.leg_km = [haversine_km(*a, *b) for a, b in zip(points, points[1:], strict=False)]
        self.start_km = [0.0]
        for length in self.leg_km[:-1]:
            self.start_km.append(self.start_km[-1] + length)
        self.length_km = sum(self.leg_km)

    def position(self, lat: float, lon: float) -> RoutePosition:
        """Where a point lies relative to the route: the nearest leg wins (the earlier one on a tie)."""
        best: RoutePosition | None = None
        for i, ((lat1, lon1), (lat2, lon2)) in enumerate(zip(self.points, self.points[1:], strict=False)):
            along, off = _leg_position(lat1, lon1, lat2, lon2, self.leg_km[i], lat, lon)
            if best is None or off < best.off_route_km - 1e-9:
                best = RoutePosition(route_km=self.start_km[i] + along, off_route_km=off, leg=i)
        assert best is not None
        return best

    def samples(self, step_km: float) -> list[tuple[float, float, float]]:
        """Points every `step_km` along the route (and every waypoint), as (lat, lon, route_km)."""
        out = []
        for i, ((lat1, lon1), (lat2, lon2)) in enumerate(zip(self.points, self.points[1:], strict=False)):
            n = max(1, math.ceil(self.leg_km[i] / step_km))
            for k in range(n):
                lat, lon = intermediate_point(lat1, lon1, lat2, lon2, k / n)
                out.append((lat, lon, self.start_km[i] + self.leg_km[i] * k / n))
        out.append((*self.points[-1], self.length_km))
        return out

    def bounding_boxes(
        self, margin_km: float, step_km: float = 50.0
    ) -> list[tuple[float, float, float, float]]:
        """Boxes (min_lat, max_lat, min_lon, max_lon) that together cover the corridor of the route.

        Each box covers a piece of at most `step_km` of the route, widened by the margin plus a
        little for the bulge of the great circle between the piece's ends.
        """
        samples = self.samples(step_km)
        boxes = []
        for (lat1, lon1, _k1), (lat2, lon2, _k2) in zip(samples, samples[1:], strict=False):
            margin = margin_km + 1.0
            dlat = margin / 111.0
            max_abs_lat = min(89.0, max(abs(lat1), abs(lat2)) + dlat)
            dlon = margin / (111.32 * math.cos(math.radians(max_abs_lat)))
            boxes.append(
                (
                    min(lat1, lat2) - dlat,
                    max(lat1, lat2) + dlat,
                    min(lon1, lon2) - dlon,
                    max(lon1, lon2) + dlon,
                )
            )
        return boxes


def _leg_position(
    lat1: float, lon1: float, lat2: float, lon2: float, leg_km: float, lat: float, lon: float
) -> tuple[float, float]:
    """(distance along the leg, distance from the leg) of a point, clamped to the leg's ends."""
    d13 = haversine_km(lat1, lon1, lat, lon)
    if leg_km == 0:
        return 0.0, d13
    r = EARTH_RADIUS_KM
    theta13 = initial_bearing(lat1, lon1, lat, lon)
    theta12 = initial_bearing(lat1, lon1, lat2, lon2)
    xt = math.asin(max(-1.0, min(1.0, math.sin(d13 / r) * math.sin(theta13 - theta12)))) * r
    cos_xt = math.cos(xt / r)
    at = math.acos(max(-1.0, min(1.0, math.cos(d13 / r) / cos_xt))) * r if cos_xt else 0.0
    if math.cos(theta13 - theta12) < 0:
        at = -at
    if at <= 0:
        return 0.0, d13
    if at >= leg_km:
        return leg_km, haversine_km(lat2, lon2, lat, lon)
    return at, abs(xt)
