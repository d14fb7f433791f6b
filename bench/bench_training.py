"""Reach dashboard and impact page of the training app: query count and latency at two data sizes.

Run: python bench/bench_training.py [--runs N]. Builds a temporary SQLite database, fills it twice —
small (500 school sessions, 50 trainings) and large (50,000 school sessions, 5,000 trainings, with
60,000 screening reports and 10,000 cases) — and requests each page through Django's test client,
logged in as the national coordinator. Prints queries per request and p50/p95 latency at both sizes,
and the large/small ratios measured side by side: the query count must not grow with the data.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="kompass-bench-training-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
# Production-like settings: DEBUG off (no query logging in the timings).
os.environ["KOMPASS_DEBUG"] = "0"
os.environ.setdefault("KOMPASS_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("KOMPASS_FIELD_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE=")
os.environ["KOMPASS_VAR_DIR"] = TMP
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from kompass.accounts.models import User  # noqa: E402
from kompass.cases.models import Case  # noqa: E402
from kompass.organisations.models import Membership, Organisation  # noqa: E402
from kompass.screening.models import Report  # noqa: E402
from kompass.training.codes import MODULE_FIELDS, Sector  # noqa: E402
from kompass.training.demo import REGIONS  # noqa: E402
from kompass.training.models import ParentSession, School, SchoolSession, Training  # noqa: E402

TZ = ZoneInfo("Europe/Bucharest")
SECTORS = [s.value for s in Sector]
PAGES = [
    ("reach dashboard", "/training/reach/"),
    ("public reach", "/training/schools-programme/"),
    ("impact overview", "/training/impact/"),
    ("impact detail", "/training/impact/?place=health|RO|Iași"),
]


def setup() -> Client:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: hashed static names
    coordinator = Organisation.objects.create(name="Coordinator", country="RO", is_national_coordinator=True)
    Organisation.objects.create(name="Trainers", country="RO")
    user = User.objects.create_user("coordinator@bench.kompass", "bench-password-123456")
    Membership.objects.create(user=user, organisation=coordinator, role=Membership.Role.COORDINATOR)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def fill(*, sessions: int, trainings: int, reports: int, cases: int, rng: random.Random) -> None:
    """Add data up to the given totals (the large run adds to the small one)."""
    org = Organisation.objects.get(name="Trainers")
    start = date(2022, 1, 1)
    days = (date(2026, 6, 30) - start).days
    if School.objects.count() < 500:
        School.objects.bulk_create(
            [
                School(
                    name=f"School {i}",
                    locality=REGIONS[i % len(REGIONS)][2],
                    region=REGIONS[i % len(REGIONS)][1],
                    country=REGIONS[i % len(REGIONS)][0],
                )
                for i in range(500)
            ]
        )
    schools = list(School.objects.all())
    n = sessions - SchoolSession.objects.count()
    SchoolSession.objects.bulk_create(
        [
            SchoolSession(
                organisation=org,
                school=rng.choice(schools),
                date=start + timedelta(days=rng.randrange(days)),
                grade_from=7,
                grade_to=8,
                pupils_reached=rng.randint(15, 80),
                teachers_present=rng.randint(0, 3),
                topic_digital_abuse=True,
            )
            for _ in range(n)
        ],
        batch_size=5000,
    )
    ParentSession.objects.bulk_create(
        [
            ParentSession(
                organisation=org,
                school=rng.choice(schools),
                date=start + timedelta(days=rng.randrange(days)),
                parents_reached=rng.randint(10, 50),
            )
            for _ in range(n // 10)
        ],
        batch_size=5000,
    )
    new = []
    if not Training.objects.exists():  # the place the detail page shows
        new.append(
            Training(
                organisation=org,
                title="Nurses, Iași",
                audience_sector="health",
                date=date(2024, 3, 5),
                locality="Iași",
                region="Iași",
                country="RO",
                participant_count=20,
                module_indicators=True,
            )
        )
    for _ in range(trainings - Training.objects.count() - len(new)):
        country, region, seat = rng.choice(REGIONS)
        t = Training(
            organisation=org,
            title="Bench training",
            audience_sector=rng.choice(SECTORS),
            date=start + timedelta(days=rng.randrange(days)),
            locality=seat,
            region=region,
            country=country,
            participant_count=rng.randint(10, 40),
        )
        for field in MODULE_FIELDS.values():
            setattr(t, field, True)
        new.append(t)
    Training.objects.bulk_create(new, batch_size=2000)
    new_reports = []
    for _ in range(reports - Report.objects.count()):
        country, region, _seat = rng.choice(REGIONS)
        moment = datetime(2022, 1, 1, tzinfo=TZ) + timedelta(minutes=rng.randrange(days * 24 * 60))
        new_reports.append(
            Report(sector=rng.choice(SECTORS), country=country, region=region, created_at=moment)
        )
    Report.objects.bulk_create(new_reports, batch_size=5000)
    base = Case.objects.count()
    new_cases = []
    for i in range(cases - base):
        country, region, _seat = rng.choice(REGIONS)
        new_cases.append(
            Case(
                owner=org,
                reference=f"KMP-B-{base + i:06d}",
                country=country,
                region=region,
                identifying_sector=rng.choice(SECTORS),
                identified_on=start + timedelta(days=rng.randrange(days)),
            )
        )
    Case.objects.bulk_create(new_cases, batch_size=5000)


def measure(client: Client, url: str, runs: int) -> tuple[int, float, float]:
    client.get(url, secure=True)  # warm-up: the first request of a session does one-off work
    reset_queries()  # the log is a bounded deque: a full one would capture nothing
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, secure=True)
    count = len(queries.captured_queries)  # now: later requests clear the query log
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        client.get(url, secure=True)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return count, statistics.median(times), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="requests per page and size (default 15)")
    args = parser.parse_args()
    rng = random.Random(2026)
    client = setup()
    results = {}
    for size, volumes in (
        ("small", {"sessions": 500, "trainings": 50, "reports": 2_000, "cases": 500}),
        ("large", {"sessions": 50_000, "trainings": 5_000, "reports": 60_000, "cases": 10_000}),
    ):
        t0 = time.perf_counter()
        fill(rng=rng, **volumes)
        print(f"{size}: {volumes} loaded in {time.perf_counter() - t0:.1f}s", flush=True)
        for name, url in PAGES:
            results[(size, name)] = measure(client, url, args.runs)
    print()
    print(
        f"{'page':<18}{'queries S':>10}{'queries L':>10}{'ratio':>7}{'p50 S ms':>10}{'p95 S ms':>10}"
        f"{'p50 L ms':>10}{'p95 L ms':>10}{'p95 L/S':>9}"
    )
    constant = True
    for name, _url in PAGES:
        qs, p50s, p95s = results[("small", name)]
        ql, p50l, p95l = results[("large", name)]
        constant &= qs == ql
        print(
            f"{name:<18}{qs:>10}{ql:>10}{ql / qs:>7.2f}{p50s:>10.1f}{p95s:>10.1f}{p50l:>10.1f}{p95l:>10.1f}"
            f"{p95l / p95s:>9.1f}"
        )
    print()
    print("query count constant across sizes:", "yes" if constant else "NO")
    if not constant:
        sys.exit(1)


if __name__ == "__main__":
    main()
