"""The plan API with 1,000 and with 100,000 support points, side by side, and public page weights.

Scenario A ("background"): the same 250 points lie in the route's corridor; the other points are spread
over the rest of Europe (outside the corridor). The p95 ratio then shows what the spatial cut costs as the
directory grows. Scenario B ("uniform"): points spread evenly, so the corridor holds ~100x more points and
the answer itself grows; its ratio is printed too, for honesty. A naive Python scan of every point is
timed beside them as the baseline the spatial approach avoids.

Runs in-process (Django test client, temporary SQLite), bounded to well under 3 minutes. p95 here
includes Python's full garbage collections (a few hundred ms on this machine, every ~8 requests, caused by
Django's own ~165k objects); the p50 ratio is printed beside it.
Run: `.venv/bin/python bench/bench_journeys.py [--requests N]`.
"""

import argparse
import gc
import gzip
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TMP = tempfile.mkdtemp(prefix="kompass-bench-journeys-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("KOMPASS_DEBUG", "1")  # plain static storage: no collectstatic needed
os.environ.setdefault("KOMPASS_VAR_DIR", TMP)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from kompass.directory.models import Entry, EntryService  # noqa: E402
from kompass.lib.geo import Route  # noqa: E402
from kompass.organisations.models import Organisation  # noqa: E402

ROUTE = [{"place": "Одеса"}, {"place": "Palanca", "country": "MD"}, {"place": "Chișinău"}, {"place": "Iași"},
         {"place": "București"}]  # fmt: skip
ROUTE_POINTS = [
    (46.48572, 30.74383),
    (46.4, 30.0833),
    (47.00902, 28.85938),
    (47.16667, 27.6),
    (44.43225, 26.10626),
]
BODY = json.dumps({"waypoints": ROUTE, "corridor_km": 25, "language": "uk"})
EUROPE = (41.0, 55.0, 14.0, 40.0)  # lat, lat, lon, lon
SERVICES = ["information", "transport", "food", "legal_assistance", "medical_care", "counselling"]


def corridor_points(rng, n):
    route = Route(ROUTE_POINTS)
    out = []
    while len(out) < n:
        lat, lon = rng.uniform(44.2, 47.4), rng.uniform(25.8, 31.0)
        if route.position(lat, lon).off_route_km <= 24:
            out.append((lat, lon))
    return out


def background_points(rng, n, *, avoid_corridor):
    route = Route(ROUTE_POINTS)
    out = []
    while len(out) < n:
        lat, lon = rng.uniform(EUROPE[0], EUROPE[1]), rng.uniform(EUROPE[2], EUROPE[3])
        if (
            avoid_corridor
            and 43.5 < lat < 48.0
            and 25.0 < lon < 31.5
            and route.position(lat, lon).off_route_km <= 30
        ):
            continue
        out.append((lat, lon))
    return out


def load(points, org):
    with connection.cursor() as cursor:  # a plain DELETE: the ORM's cascade collection is slow at 100k
        cursor.execute(f"DELETE FROM {EntryService._meta.db_table}")
        cursor.execute(f"DELETE FROM {Entry._meta.db_table}")
    entries = [Entry(organisation=org, name=f"Point {i}", kind="support_point", lat=lat, lon=lon, country="RO",
                     status=Entry.Status.PUBLISHED, phone="+40 700 000 000") for i, (lat, lon) in enumerate(points)]  # fmt: skip
    Entry.objects.bulk_create(entries, batch_size=2000)
    ids = list(Entry.objects.values_list("pk", flat=True))
    rng = random.Random(7)
    EntryService.objects.bulk_create(
        [EntryService(entry_id=pk, service=s) for pk in ids for s in rng.sample(SERVICES, 2)], batch_size=5000
    )


def p95_ms(client, n):
    times = []
    count = 0
    for _ in range(n):
        start = time.perf_counter()
        response = client.post("/api/v1/journeys/plan", BODY, content_type="application/json")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:300]
        count = len(response.json()["support_points"])
    times.sort()
    return times[int(0.95 * (len(times) - 1))], statistics.median(times), count


def naive_scan_ms():
    """Baseline: load every published point and measure it in Python (what the spatial cut avoids)."""
    route = Route(ROUTE_POINTS)
    start = time.perf_counter()
    kept = 0
    for lat, lon in Entry.objects.published().values_list("lat", "lon").iterator(chunk_size=5000):
        if route.position(lat, lon).off_route_km <= 25:
            kept += 1
    return (time.perf_counter() - start) * 1000, kept


def page_weights(client):
    location = client.get("/uk/journeys/", {"origin": "Одеса", "stop_1": "Palanca", "destination": "Кишинів",
                                             "corridor_km": "25"})["Location"]  # fmt: skip
    pages = {
        "safety plan form": "/uk/journeys/",
        "safety plan": location,
        "awareness index": "/uk/journeys/awareness/",
        "awareness page": "/uk/journeys/awareness/fake-job-offers/",
        "follow (check-ins)": "/uk/journeys/follow/",
        "directory search": "/uk/directory/?near=Кишинів&radius_km=25",
    }
    rows = []
    for label, url in pages.items():
        html = client.get(url).content
        assets = set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html))
        sizes = []
        for asset in assets:
            path = finders.find(asset.decode()[len("/static/") :])
            if path:
                sizes.append(Path(path).read_bytes())
        total = len(html) + sum(len(s) for s in sizes)
        gz = len(gzip.compress(html)) + sum(len(gzip.compress(s)) for s in sizes)
        rows.append((label, len(html), total, gz))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    org = Organisation.objects.create(name="Bench Aid", country="RO")
    client = Client()
    rng = random.Random(2026)
    in_corridor = corridor_points(rng, 250)
    # Page weights with a realistic directory: a dozen points along the route.
    load(in_corridor[:12], org)
    weights = page_weights(client)
    results = {}
    for scenario, sizes in (("background", (1_000, 100_000)), ("uniform", (1_000, 100_000))):
        for size in sizes:
            if scenario == "background":
                points = in_corridor + background_points(rng, size - len(in_corridor), avoid_corridor=True)
            else:
                points = background_points(random.Random(size), size, avoid_corridor=False)
            t0 = time.perf_counter()
            load(points, org)
            load_s = time.perf_counter() - t0
            client.post("/api/v1/journeys/plan", BODY, content_type="application/json")  # warm caches
            gc.collect()  # start every measurement with the same collector state
            p95, p50, count = p95_ms(client, args.requests)
            scan, kept = naive_scan_ms()
            results[(scenario, size)] = (p95, p50, count, scan)
            print(f"{scenario:10s} {size:>7,d} points: plan p95 {p95:7.1f} ms  p50 {p50:7.1f} ms  "
                  f"returned {count:5d}  | naive full scan {scan:8.1f} ms (kept {kept})  [load {load_s:.1f}s]")  # fmt: skip
    print()
    for scenario in ("background", "uniform"):
        small, large = results[(scenario, 1_000)], results[(scenario, 100_000)]
        print(
            f"ratio p95 100k/1k ({scenario}): {large[0] / small[0]:.2f}x (p50 {large[1] / small[1]:.2f}x) "
            "for 100x the points "
            f"(answers {small[2]} → {large[2]} points); naive scan ratio {large[3] / small[3]:.1f}x"
        )
    print("\nPublic page weights (bytes; HTML, HTML + CSS/JS, all gzipped):")
    for label, html, total, gz in weights:
        print(f"  {label:22s} html {html:7,d}  total {total:8,d}  gzip {gz:7,d}")


if __name__ == "__main__":
    main()
