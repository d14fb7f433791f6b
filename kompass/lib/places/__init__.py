"""Places: resolve city names typed in any of the five languages and scripts to coordinates.

The gazetteer is a compact extract of GeoNames cities ≥ 5,000 inhabitants (data/places.csv.gz, 37
countries of the routes, CC-BY 4.0) with one name form per city. We find other spellings by
folding diacritics, by transliterating Cyrillic (Ukrainian, Russian and Serbian schemes), by a loose
"skeleton" of the Latin spelling (Kharkiv ≈ Harkiv, Vinnytsia ≈ Vinnytsya) and by a curated table of
exonyms and border villages (exonyms.py). Ukraine's western border crossings are places too
(data/border_crossings.csv). Misspellings get suggestions (rapidfuzz), never a guess.

This is the one gazetteer of the product: the journey planner and the directory resolve typed
names with it, the training reach map places regions with it (regions.py). Where the data comes
from and under which licence: data/README.md; build.py rebuilds it.
"""

from __future__ import annotations

import csv
import gzip
import math
import re
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from unidecode import unidecode

from kompass.lib.geo import haversine_km
from kompass.lib.translit import CYRILLIC, RUSSIAN_CUSTOMARY, SERBIAN, UKRAINIAN, UKRAINIAN_INITIAL

DATA_DIR = Path(__file__).resolve().parent / "data"
NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, words separated by one space. Cyrillic stays Cyrillic."""
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    if text.isascii():
        return " ".join(NON_ALNUM.sub(" ", text).split())
    out = []
    for ch in text:
        if CYRILLIC.match(ch):
            out.append(ch)
        elif ch.isalnum():
            out.append(unidecode(ch).lower())
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def transliterations(text: str) -> set[str]:
    """Latin spellings of a Cyrillic name by the Ukrainian, Russian and Serbian schemes."""
    text = unicodedata.normalize("NFC", text).lower()
    results = set()
    for table, initial in ((UKRAINIAN, UKRAINIAN_INITIAL), (RUSSIAN_CUSTOMARY, {}), (SERBIAN, {})):
        out, previous = [], " "
        for ch in text:
            if ch in initial and not previous.isalpha():
                out.append(initial[ch])
            elif ch in table:
                out.append(table[ch])
            else:
                out.append(ch)
            previous = ch
        results.add(fold(unidecode("".join(out)) if table is SERBIAN else "".join(out)))
    return results


_SKELETON_RULES = [
    ("shch", "sc"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"), ("ch", "c"),
    ("sh", "s"), ("sz", "s"), ("cz", "c"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("x", "ks"),
    ("q", "k"), ("y", "i"), ("j", "i"), ("g", "h"), ("ie", "e"), ("ia", "a"), ("io", "o"),
    ("iu", "u"), ("ii", "i"),
]  # fmt: skip


def skeleton(folded_latin: str) -> str:
    """A loose key under which transliteration variants of one name coincide."""
    text = folded_latin.replace(" ", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass
class Place:
    id: str
    name: str
    country: str
    lat: float
    lon: float
    population: int = 0
    names: dict[str, str] = field(default_factory=dict)

    def display_name(self, language: str | None = None) -> str:
        if language:
            for code in (language, language.split("-")[0]):
                if self.names.get(code):
                    return self.names[code]
        return self.names.get("en") or self.name

    def to_dict(self, language: str | None = None) -> dict:
        return {
            "name": self.display_name(language),
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


class PlaceNotFound(LookupError):
    def __init__(self, query: str, suggestions: list[Place]):
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions


class Gazetteer:
    """The places and their name indexes, loaded once per process.

    Kept in flat arrays and tuples of row numbers rather than one object per place: the garbage
    collector then has a few dozen containers to walk instead of ~100,000 (this matters for p95).
    """

    GRID_DEG = 0.5

    def __init__(self, places: list[Place]):
        self.ids = [p.id for p in places]
        self.primary = [p.name for p in places]
        self.countries = [p.country for p in places]
        self.lats = array("d", (p.lat for p in places))
        self.lons = array("d", (p.lon for p in places))
        self.pops = array("q", (p.population for p in places))
        self.curated = {i: dict(p.names) for i, p in enumerate(places) if p.names}
        exact: dict[str, list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, place in enumerate(places):
            for name in {place.name, *place.names.values(), *getattr(place, "_aliases", ())}:
                key = fold(name)
                if not key:
                    continue
                if i not in exact[key]:
                    exact[key].append(i)
                latin = [key] if not CYRILLIC.search(key) else sorted(transliterations(name))
                for variant in latin:
                    if i not in loose[skeleton(variant)]:
                        loose[skeleton(variant)].append(i)
            grid[self._cell(place.lat, place.lon)].append(i)
        by_population = lambda i: -self.pops[i]  # noqa: E731
        self.exact = {k: tuple(sorted(v, key=by_population)) for k, v in exact.items()}
        self.loose = {k: tuple(sorted(v, key=by_population)) for k, v in loose.items()}
        self.grid = {k: tuple(v) for k, v in grid.items()}
        self.fuzzy_keys = list(self.exact)

    def place(self, i: int) -> Place:
        return Place(id=self.ids[i], name=self.primary[i], country=self.countries[i], lat=self.lats[i],
                     lon=self.lons[i], population=self.pops[i], names=dict(self.curated.get(i, {})))  # fmt: skip

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.GRID_DEG), math.floor(lon / self.GRID_DEG))

    def candidates(self, query: str, country: str | None = None) -> list[Place]:
        key = fold(query)
        if not key:
            return []
        keys = [key]
        if CYRILLIC.search(key):
            keys += sorted(transliterations(query))
        found: list[int] = []
        for k in keys:
            found += [i for i in self.exact.get(k, ()) if i not in found]
        if not found:
            for k in keys:
                if not CYRILLIC.search(k):
                    found += [i for i in self.loose.get(skeleton(k), ()) if i not in found]
        if country:
            found = [i for i in found if self.countries[i] == country.upper()]
        # Curated places first (they carry names per language), then the most populous.
        found.sort(key=lambda i: (i not in self.curated, -self.pops[i]))
        return [self.place(i) for i in found]

    def resolve(self, query: str, country: str | None = None) -> Place:
        found = self.candidates(query, country)
        if found:
            return found[0]
        if not country:
            raise PlaceNotFound(query, self.suggest(query))
        # Not in that country: the same name elsewhere first (a wrong country is a slip too), then
        # similar names in the country.
        elsewhere = self.candidates(query)[:3]
        seen = {p.id for p in elsewhere}
        similar = [p for p in self.suggest(query, country) or self.suggest(query) if p.id not in seen]
        raise PlaceNotFound(query, (elsewhere + similar)[:5])

    def suggest(self, query: str, country: str | None = None, limit: int = 5) -> list[Place]:
        from rapidfuzz import fuzz, process  # imported where used: start-up stays light

        key = fold(query)
        if not key:
            return []
        queries = [key]
        if CYRILLIC.search(key):
            queries += sorted(transliterations(query))
        scored: dict[int, float] = {}
        for q in queries:
            for match_key, score, _n in process.extract(q, self.fuzzy_keys, scorer=fuzz.ratio, limit=25):
                if score < 60:
                    continue
                for i in self.exact[match_key]:
                    if country and self.countries[i] != country.upper():
                        continue
                    bonus = 5 if i in self.curated else 0
                    value = score + bonus + min(5.0, math.log10(self.pops[i] + 1))
                    scored[i] = max(scored.get(i, 0.0), value)
        ranked = sorted(scored, key=lambda i: -scored[i])
        return [self.place(i) for i in ranked[:limit]]

    def nearest(self, lat: float, lon: float, max_km: float = 60.0) -> Place | None:
        """The nearest place within max_km (cells of half a degree around the point are searched)."""
        ci, cj = self._cell(lat, lon)
        coslat = max(0.2, math.cos(math.radians(lat)))
        reach_i = int(max_km / (111.0 * self.GRID_DEG)) + 1
        reach_j = int(max_km / (111.0 * self.GRID_DEG * coslat)) + 1
        lats, lons = self.lats, self.lons
        best, best_d2 = -1, math.inf
        # Equirectangular distances are enough to rank neighbours; the winner is checked exactly.
        for i in range(ci - reach_i, ci + reach_i + 1):
            for j in range(cj - reach_j, cj + reach_j + 1):
                for n in self.grid.get((i, j), ()):
                    dy, dx = lats[n] - lat, (lons[n] - lon) * coslat
                    d2 = dy * dy + dx * dx
                    if d2 < best_d2:
                        best, best_d2 = n, d2
        if best < 0 or haversine_km(lat, lon, lats[best], lons[best]) > max_km:
            return None
        return self.place(best)


def _load_places() -> list[Place]:
    from kompass.lib.places.exonyms import PLACES as CURATED

    places: dict[tuple[str, str], Place] = {}
    with gzip.open(DATA_DIR / "places.csv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            place = Place(
                id=row["geonameid"],
                name=row["name"],
                country=row["country"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                population=int(row["population"] or 0),
            )
            places.setdefault((place.country, place.name), place)
    result = list(places.values())
    for country, gazetteer_name, lat, lon, names, aliases in CURATED:
        if gazetteer_name:
            place = places[(country, gazetteer_name)]
        else:
            place = Place(id=f"x-{fold(names['en']).replace(' ', '-')}", name=names["en"], country=country,
                          lat=lat, lon=lon, population=1000)  # fmt: skip
            result.append(place)
        place.names = dict(names)
        place._aliases = tuple(aliases)  # type: ignore[attr-defined]
    result += border_crossings()
    return result


@cache
def border_crossings() -> tuple[Place, ...]:
    """Ukraine's western road crossings (data/border_crossings.csv): "Shehyni–Medyka" is a place.

    A crossing lies in the neighbouring country: that is where help points wait on the way out.
    Either side's name alone finds it too, after a town of that name (towns are bigger).
    """
    found = []
    with (DATA_DIR / "border_crossings.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, uk_name = row["name"], row["uk_name"]
            (ua, other), (ua_uk, other_uk) = name.split("–"), (s.strip() for s in uk_name.split("–"))
            ua_names = [ua, ua_uk, *filter(None, row["ua_aliases"].split(";"))]
            other_names = [other, other_uk, *filter(None, row["other_aliases"].split(";"))]
            # "Medyka-Shehyni", "Шегині - Медика", "Szeginie–Medyka": any spelling of each side, either order.
            aliases = [f"{a} - {b}" for u in ua_names for o in other_names for a, b in ((u, o), (o, u))]
            aliases += ua_names + other_names
            place = Place(id=f"bc-{fold(name).replace(' ', '-')}", name=name, country=row["neighbour_country"],
                          lat=float(row["lat"]), lon=float(row["lon"]), population=500)  # fmt: skip
            place._aliases = tuple(aliases)  # type: ignore[attr-defined]
            found.append(place)
    return tuple(found)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(_load_places())


def resolve_place(query: str, country: str | None = None) -> Place:
    """The place a person means by `query` (optionally within a country); PlaceNotFound with suggestions."""
    return gazetteer().resolve(query, country)


def point_place(lat: float, lon: float) -> Place:
    """A map point as a place: named after the nearest town, with that town's country."""
    near = gazetteer().nearest(lat, lon)
    if near is None:
        return Place(id=f"pt-{lat:.4f},{lon:.4f}", name=f"{lat:.4f}, {lon:.4f}", country="", lat=lat, lon=lon)
    names = {
        code: f"{near.display_name(code)} ({lat:.4f}, {lon:.4f})"
        for code in ("en", "ro", "uk", "ru", "sr-latn")
    }
    return Place(id=f"pt-{lat:.4f},{lon:.4f}", name=names["en"], country=near.country, lat=lat, lon=lon,
                 names=names)  # fmt: skip
