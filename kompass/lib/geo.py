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
        self._legs = []
        for (lat1, lon1), (lat2, lon2), km in zip(points, points[1:], self.leg_km, strict=False):
            a, b = _unit(lat1, lon1), _unit(lat2, lon2)
            n = _cross(a, b)
            norm = math.sqrt(_dot(n, n))
            n = (n[0] / norm, n[1] / norm, n[2] / norm) if norm else (0.0, 0.0, 0.0)
            self._legs.append((a, b, n, km / EARTH_RADIUS_KM))

    def position(self, lat: float, lon: float) -> RoutePosition:
        """Where a point lies relative to the route: the nearest leg wins (the earlier one on a tie).

        Vector form on the unit sphere: the cross-track angle is asin(p·n) for the leg's pole n; the
        along-track angle is measured from the leg's start to p's projection on the leg's great circle.
        A projection outside the leg falls back to the nearer end.
        """
        p = _unit(lat, lon)
        best: RoutePosition | None = None
        for i, (a, b, n, length) in enumerate(self._legs):
            if length == 0:
                along, off = 0.0, _angle(p, a)
            else:
                s = _dot(p, n)
                q = (p[0] - s * n[0], p[1] - s * n[1], p[2] - s * n[2])
                along = math.atan2(_dot(_cross(a, q), n), _dot(a, q))
                if along < 0:
                    along, off = 0.0, _angle(p, a)
                elif along > length:
                    along, off = length, _angle(p, b)
                else:
                    off = abs(math.asin(max(-1.0, min(1.0, s))))
            off_km = off * EARTH_RADIUS_KM
            if best is None or off_km < best.off_route_km - 1e-9:
                best = RoutePosition(
                    route_km=self.start_km[i] + along * EARTH_RADIUS_KM, off_route_km=off_km, leg=i
                )
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


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _dot(u, v) -> float:
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]


def _cross(u, v) -> tuple[float, float, float]:
    return (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])


def _angle(u, v) -> float:
    c = _cross(u, v)
    return math.atan2(math.sqrt(_dot(c, c)), _dot(u, v))
