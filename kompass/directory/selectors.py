"""Read-only queries of the directory that other apps use."""

from django.db.models import QuerySet

from kompass.directory.codes import ServiceCode
from kompass.directory.models import Entry
from kompass.lib.geo import haversine_km


def organisations_offering(service_code: str) -> QuerySet:
    """Active organisations with a current published directory entry offering the service."""
    from kompass.organisations.models import Organisation

    if service_code not in ServiceCode.values:
        raise ValueError(f"Unknown service code: {service_code}")
    entries = Entry.objects.current().with_service(service_code)
    return Organisation.objects.filter(is_active=True, pk__in=entries.values("organisation_id")).order_by(
        "name"
    )


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
