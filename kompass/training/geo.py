"""Where regions are, for the reach map: county / raion / district names → a point.

Regions are free text ("Iași", "Cluj", "Bălți", "Novi Sad"). A region is placed at the town of
the same name, or at the seat of the county it names. Unknown names stay off the map but are
always in the table. Data © GeoNames (CC-BY 4.0), see data/build_places.py.
"""

import csv
import json
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

DATA = Path(__file__).resolve().parent / "data"

# Counties (județe), districts (okruzi) and raions whose seat has another name.
SEATS = {
    "RO": {
        "alba": "alba iulia",
        "arges": "pitesti",
        "bihor": "oradea",
        "bistrita-nasaud": "bistrita",
        "bucuresti": "bucharest",
        "caras-severin": "resita",
        "cluj": "cluj-napoca",
        "covasna": "sfantu gheorghe",
        "dambovita": "targoviste",
        "dolj": "craiova",
        "gorj": "targu jiu",
        "harghita": "miercurea ciuc",
        "hunedoara": "deva",
        "ialomita": "slobozia",
        "ilfov": "buftea",
        "maramures": "baia mare",
        "mehedinti": "drobeta-turnu severin",
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


@lru_cache(maxsize=4096)  # a few hundred region spellings, looked up once per counted row
def normalise(name: str) -> str:
    return " ".join(unidecode(name or "").lower().replace("județul", "").replace("judetul", "").split())


@cache
def _places() -> dict[tuple[str, str], tuple[float, float]]:
    out: dict[tuple[str, str], tuple[float, float]] = {}
    with open(DATA / "places.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):  # sorted by population: the biggest town of a name wins
            out.setdefault((row["country"], normalise(row["name"])), (float(row["lat"]), float(row["lon"])))
    return out


@cache
def outlines() -> dict[str, list[tuple[float, float]]]:
    """Rough silhouettes (convex hulls of towns) as (lon, lat) points per country."""
    return {k: [tuple(p) for p in v] for k, v in json.loads((DATA / "outlines.json").read_text()).items()}


def locate(country: str, region: str) -> tuple[float, float] | None:
    """(lat, lon) of a region, or None when the name is not known."""
    key = normalise(region)
    places = _places()
    for name in (key, SEATS.get(country, {}).get(key, ""), key.split(" ")[0] if key else ""):
        if name and (country, name) in places:
            return places[(country, name)]
    return None
