"""Regions typed as free text ("Iași", "Cluj", "Bălți", "Novi Sad") placed on a map.

A region is placed at the town of the same name, or at the seat of the county it names. Unknown
names stay off the map (the reach table always lists them). The towns are the gazetteer's.
"""

from __future__ import annotations

from functools import cache, lru_cache

from kompass.lib.places import fold, gazetteer

# Counties (județe), districts (okruzi) and raions whose seat has another name (folded).
SEATS = {
    "RO": {
        "alba": "alba iulia",
        "arges": "pitesti",
        "bihor": "oradea",
        "bistrita nasaud": "bistrita",
        "bucuresti": "bucharest",
        "caras severin": "resita",
        "cluj": "cluj napoca",
        "covasna": "sfantu gheorghe",
        "dambovita": "targoviste",
        "dolj": "craiova",
        "gorj": "targu jiu",
        "harghita": "miercurea ciuc",
        "hunedoara": "deva",
        "ialomita": "slobozia",
        "ilfov": "buftea",
        "maramures": "baia mare",
        "mehedinti": "drobeta turnu severin",
        "mures": "targu mures",
        "neamt": "piatra neamt",
        "olt": "slatina",
        "prahova": "ploiesti",
        "salaj": "zalau",
        "satu mare": "satu mare",
        "teleorman": "alexandria",
        "timis": "timisoara",
        "valcea": "ramnicu valcea",
        "vrancea": "focsani",
    },
    "MD": {
        "chisinau": "chisinau",
        "gagauzia": "comrat",
        "unita teritoriala autonoma gagauzia": "comrat",
        "balti": "balti",
        "stefan voda": "stefan voda",
    },
    "RS": {
        "beograd": "belgrade",
        "grad beograd": "belgrade",
        "juznobacki": "novi sad",
        "south backa": "novi sad",
        "severnobacki": "subotica",
        "north backa": "subotica",
        "nisavski": "nis",
        "nisava": "nis",
        "sumadijski": "kragujevac",
        "sumadija": "kragujevac",
        "pcinjski": "vranje",
        "pcinja": "vranje",
        "zlatiborski": "uzice",
        "zlatibor": "uzice",
        "srednjebanatski": "zrenjanin",
        "central banat": "zrenjanin",
        "juznobanatski": "pancevo",
        "south banat": "pancevo",
        "sremski": "sremska mitrovica",
        "srem": "sremska mitrovica",
        "jablanicki": "leskovac",
        "jablanica": "leskovac",
        "raski": "kraljevo",
        "raska": "kraljevo",
    },
}
_COUNTY_WORDS = {"judetul", "judet", "raionul", "raion", "okrug", "district", "county"}


@lru_cache(maxsize=4096)  # a few hundred region spellings, looked up once per counted row
def region_key(region: str) -> str:
    """One key for the spellings of a region: "Județul Iași", "Iasi" and " iași " are the same."""
    return " ".join(w for w in fold(region or "").split() if w not in _COUNTY_WORDS)


def locate(country: str, region: str) -> tuple[float, float] | None:
    """(lat, lon) of a region, or None when the name is not known."""
    key = region_key(region)
    if not key:
        return None
    exact = gazetteer().exact
    for name in (key, SEATS.get(country, {}).get(key, ""), key.split(" ")[0]):
        place = next(
            (i for i in exact.get(name, ()) if gazetteer().countries[i] == country), None
        ) if name else None  # fmt: skip
        if place is not None:
            return gazetteer().lats[place], gazetteer().lons[place]
    return None


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    points = sorted(set(points))
    if len(points) < 3:
        return points

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


@cache
def outlines(countries: tuple[str, ...] = ("RO", "MD", "RS")) -> dict[str, list[tuple[float, float]]]:
    """Rough silhouettes (convex hulls of the gazetteer's towns) as (lon, lat) points per country.

    Only towns of the GeoNames extract count (not curated villages or crossings): a silhouette for
    the reach map, not a border.
    """
    g = gazetteer()
    towns: dict[str, list[tuple[float, float]]] = {c: [] for c in countries}
    for i, country in enumerate(g.countries):
        if country in towns and g.ids[i].isdigit():
            towns[country].append((round(g.lons[i], 3), round(g.lats[i], 3)))
    return {c: _hull(points) for c, points in towns.items()}
