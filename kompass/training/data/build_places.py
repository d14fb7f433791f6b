"""Rebuild places.csv and outlines.json from the shared GeoNames extract (run by hand, once).

    python kompass/training/data/build_places.py ../shared/data/gazetteer/geonames_cities5000_europe_route.csv.gz

Data © GeoNames (CC-BY 4.0). The outlines are convex hulls of the towns of each country: a
rough silhouette for the reach map, not a border.
"""

import csv
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COUNTRIES = ("RO", "MD", "RS")


def hull(points):
    points = sorted(set(points))
    if len(points) < 3:
        return points

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def main(source: str) -> None:
    rows = []
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["countrycode"] in COUNTRIES:
                rows.append(
                    (
                        row["countrycode"],
                        row["name"],
                        round(float(row["latitude"]), 3),
                        round(float(row["longitude"]), 3),
                        int(row["population"]),
                    )
                )
    with open(HERE / "places.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["country", "name", "lat", "lon", "population"])
        writer.writerows(rows)
    outlines = {c: hull([(lon, lat) for cc, _n, lat, lon, _p in rows if cc == c]) for c in COUNTRIES}
    (HERE / "outlines.json").write_text(json.dumps(outlines), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
