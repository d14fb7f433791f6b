"""Read-only queries of the directory that other apps use.

`rank_providers` is the one ranking of organisations for a person's needs: the coordinator's
suggestion when accepting a report (screening) and the provider list of a referral (referrals)
both call it (decision 0060). Its query count does not depend on how many organisations,
entries or services there are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompass.directory.codes import ServiceCode
from kompass.directory.models import Entry, EntryKind, EntryService, ServiceCapacity
from kompass.lib.geo import haversine_km
from kompass.lib.places.regions import locate
from kompass.organisations.models import Organisation

# Two places this close count as the same region: a county seat and the towns around it.
SAME_REGION_KM = 40.0


def organisations_offering(service_code: str) -> QuerySet:
    """Active organisations with a current published directory entry offering the service, less
    those that declared they take no referrals for it now."""
    if service_code not in ServiceCode.values:
        raise ValueError(f"Unknown service code: {service_code}")
    entries = Entry.objects.current().with_service(service_code)
    closed = ServiceCapacity.objects.filter(service=service_code, accepts_referrals=False)
    return (
        Organisation.objects.filter(is_active=True, pk__in=entries.values("organisation_id"))
        .exclude(pk__in=closed.values("organisation_id"))
        .order_by("name")
    )


def place_point(country: str, place: str) -> tuple[float, float] | None:
    """Where a region or town typed as text lies (the one gazetteer, lib.places), or None."""
    return locate((country or "").upper(), place) if place else None


@dataclass
class Provider:
    """An organisation as a candidate for a person's needs, with what makes it fit."""

    organisation: Organisation
    wanted: tuple[str, ...]  # the needed services it offers and takes referrals for, in the asked order
    capacity: ServiceCapacity | None  # its declaration for the first needed service it offers
    distance_km: float | None
    has_shelter: bool = False
    capacities: dict[str, ServiceCapacity] = field(default_factory=dict)

    @property
    def same_region(self) -> bool:
        return self.distance_km is not None and self.distance_km <= SAME_REGION_KM

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.capacity.places_free == 0

    @property
    def has_free_places(self) -> bool:
        return self.capacity is not None and bool(self.capacity.places_free)

    def capacity_text(self) -> str:
        """ "3 places free, updated 2 days ago", "full, updated today"; "" when nothing is declared."""
        return capacity_text(self.capacity)

    def reasons(self) -> list[str]:
        """Why it is suggested, in the reader's language: region, services, capacity."""
        reasons = []
        if self.same_region:
            reasons.append(_("same region"))
        elif self.distance_km is not None:
            reasons.append(_("%(km)s km away") % {"km": round(self.distance_km)})
        labels = dict(ServiceCode.choices)
        if self.wanted:
            reasons.append(
                _("offers %(services)s")
                % {"services": ", ".join(str(labels[s]).lower() for s in self.wanted)}
            )
        text = self.capacity_text()
        if text:
            reasons.append(text)
        return reasons


def capacity_text(capacity: ServiceCapacity | None) -> str:
    if capacity is None or capacity.places_free is None:
        return ""
    ago = timesince(capacity.updated_at, depth=1)
    if capacity.places_free == 0:
        return _("full (no places free), updated %(ago)s ago") % {"ago": ago}
    return ngettext(
        "%(count)s place free, updated %(ago)s ago",
        "%(count)s places free, updated %(ago)s ago",
        capacity.places_free,
    ) % {"count": capacity.places_free, "ago": ago}


def organisation_points(organisations: Iterable[Organisation]) -> dict[int, list[tuple[float, float]]]:
    """Where each organisation works: its current entries (offices, shelters…; a confidential
    shelter by its town only) and its own city. One query."""
    organisations = list(organisations)
    points: dict[int, list[tuple[float, float]]] = {org.pk: [] for org in organisations}
    rows = Entry.objects.current().filter(organisation__in=[o.pk for o in organisations])
    for row in rows.values("organisation_id", "lat", "lon", "city", "country", "location_confidential"):
        if row["lat"] is not None and not row["location_confidential"]:
            points[row["organisation_id"]].append((row["lat"], row["lon"]))
        elif row["city"] and (point := place_point(row["country"], row["city"])):
            points[row["organisation_id"]].append(point)
    for org in organisations:
        if org.city and (point := place_point(org.country, org.city)):
            points[org.pk].append(point)
    return points


def rank_providers(
    *,
    services: Sequence[str],
    origin: tuple[float, float] | None = None,
    country: str | None = None,
    exclude: Iterable[int] = (),
    offering_only: bool = False,
    nearest_first: bool = False,
) -> list[Provider]:
    """Active organisations ranked for a person needing `services` (the first is the main one).

    `offering_only` keeps those offering the main service (and taking referrals for it); an
    organisation that declared it takes none for a service does not count as offering it. Order:
    by fit (same region as `origin`, more of the needed services, free places before undeclared
    before full, then distance) or, with `nearest_first`, by distance (a full one stays listed).
    Five queries whatever the number of organisations.
    """
    for code in services:
        if code not in ServiceCode.values:
            raise ValueError(f"Unknown service code: {code}")
    candidates = Organisation.objects.filter(is_active=True).exclude(pk__in=list(exclude))
    if country:
        candidates = candidates.filter(country=country.upper())
    organisations = list(candidates.order_by("name"))
    ids = [o.pk for o in organisations]
    offered: dict[int, set[str]] = {pk: set() for pk in ids}
    shelters: set[int] = set()
    current = Entry.objects.current().filter(organisation__in=ids)
    for row in EntryService.objects.filter(entry__in=current).values(
        "entry__organisation_id", "service", "entry__kind"
    ):
        offered[row["entry__organisation_id"]].add(row["service"])
        if row["entry__kind"] == EntryKind.SHELTER:
            shelters.add(row["entry__organisation_id"])
    capacities: dict[int, dict[str, ServiceCapacity]] = {pk: {} for pk in ids}
    for declaration in ServiceCapacity.objects.filter(organisation__in=ids, service__in=list(services)):
        capacities[declaration.organisation_id][declaration.service] = declaration
    points = organisation_points(organisations) if origin else {}

    providers = []
    for org in organisations:
        declared = capacities[org.pk]
        wanted = tuple(
            s
            for s in services
            if s in offered[org.pk] and (s not in declared or declared[s].accepts_referrals)
        )
        if offering_only and (not services or services[0] not in wanted):
            continue
        distance = None
        if origin and points.get(org.pk):
            distance = min(haversine_km(*origin, *p) for p in points[org.pk])
        capacity = next((declared[s] for s in wanted if s in declared), None)
        providers.append(
            Provider(
                organisation=org,
                wanted=wanted,
                capacity=capacity,
                distance_km=distance,
                has_shelter=org.pk in shelters,
                capacities=declared,
            )  # fmt: skip
        )

    def room(p: Provider) -> int:
        return 0 if p.has_free_places else 2 if p.is_full else 1

    def far(p: Provider) -> float:
        return math.inf if p.distance_km is None else p.distance_km

    if nearest_first:
        providers.sort(key=lambda p: (far(p), room(p), p.organisation.name))
    else:
        providers.sort(
            key=lambda p: (not p.same_region, -len(p.wanted), room(p), far(p), p.organisation.name)
        )
    return providers


def entries_near(entries: QuerySet, origin: tuple[float, float], radius: float) -> list[Entry]:
    """Entries within `radius` km of a point, nearest first (one query). Only entries with a public map
    point count: a confidential location has none, so no distance can reveal where it is."""
    from math import cos, radians

    lat, lon = origin
    dlat = radius / 111.0
    dlon = radius / (111.32 * max(0.05, cos(radians(lat))))
    entries = entries.filter(lat__range=(lat - dlat, lat + dlat), lon__range=(lon - dlon, lon + dlon))
    near = []
    for entry in entries:
        point = entry.map_point
        if point is None:
            continue
        distance = haversine_km(lat, lon, *point)
        if distance <= radius:
            entry.distance_km = distance
            near.append((distance, entry))
    return [entry for _distance, entry in sorted(near, key=lambda item: item[0])]
