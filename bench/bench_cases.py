"""Case list and dashboard at 1,000 and at 100,000 cases: queries per request and p50/p95 latency.

Run: python bench/bench_cases.py [--runs N]. Builds a temporary SQLite database, bulk-creates cases
(with tasks and referrals) for one organisation among ten, and requests the case list (first page,
a search, a filtered page) and the organisation dashboard through Django's test client, logged in as
a caseworker with the second factor. The figure is the ratio 100,000 / 1,000 measured side by side:
the query count must not grow, and the latency should grow far less than the data.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A RAM-backed temp dir when there is one: building 100,000 rows should not wait on the disk.
TMP = tempfile.mkdtemp(prefix="kompass-bench-cases-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
os.environ["KOMPASS_DEBUG"] = "0"  # production-like: no query logging inside the timings
os.environ.setdefault("KOMPASS_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("KOMPASS_FIELD_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE=")
os.environ["KOMPASS_VAR_DIR"] = TMP
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
settings.ALLOWED_HOSTS = ["testserver"]
settings.SECURE_SSL_REDIRECT = False

from kompass.accounts.models import User  # noqa: E402
from kompass.cases.codes import SectorCode, Stage  # noqa: E402
from kompass.cases.models import Case, Task  # noqa: E402
from kompass.organisations.models import Membership, Organisation  # noqa: E402
from kompass.referrals.models import Referral  # noqa: E402

STAGES = list(Stage.values)
SECTORS = SectorCode.values
REGIONS = ["Iași", "Cluj", "Suceava", "Galați", "Constanța", "Timiș", "Bihor", "Dolj", "Bacău", "Vaslui"]


def logged_in(email: str, organisation, role) -> tuple:
    user = User.objects.create_user(email, "bench-password-123")
    Membership.objects.create(user=user, organisation=organisation, role=role)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user, client


def setup_orgs():
    orgs = [Organisation.objects.create(name=f"Org {i}", country="RO") for i in range(10)]
    coordination = Organisation.objects.create(
        name="Coordination", country="RO", is_national_coordinator=True
    )
    user, client = logged_in("bench@example.org", orgs[0], Membership.Role.CASEWORKER)
    _, coordinator = logged_in("coordinator@example.org", coordination, Membership.Role.COORDINATOR)
    return orgs, user, {"caseworker": client, "coordinator": coordinator}


def grow_to(total: int, orgs, user, rng: random.Random) -> None:
    """Bulk-create cases (a tenth of them owned by the benchmarked organisation) up to `total`."""
    start = Case.objects.count()
    now = timezone.now()
    batch = []
    for i in range(start, total):
        owner = orgs[0] if i % 10 == 0 else orgs[1 + i % 9]
        stage = rng.choice(STAGES)
        batch.append(
            Case(
                code=uuid.uuid4(), reference=f"KMP-2025-{i + 1:06d}", owner=owner, country="RO",
                region=rng.choice(REGIONS), identifying_sector=rng.choice(SECTORS), sex=rng.choice(["female", "male"]),
                age_at_identification=rng.randint(12, 60), citizenship="ROU", stage=stage,
                closed_at=now if stage == Stage.CLOSED else None, identified_on=date(2025, 1, 1) + timedelta(i % 365),
                created_at=now - timedelta(minutes=total - i), updated_at=now - timedelta(minutes=total - i),
                is_forced_labour=rng.random() < 0.5, is_sexual_exploitation=rng.random() < 0.5,
            )
        )  # fmt: skip
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    new = Case.objects.filter(
        pk__gt=Case.objects.order_by("pk").values_list("pk", flat=True)[start - 1] if start else 0
    )
    tasks, referrals = [], []
    for case_id, owner_id in new.values_list("pk", "owner_id").iterator():
        if rng.random() < 0.3:
            tasks.append(
                Task(
                    case_id=case_id,
                    title="Follow-up call",
                    due_on=date(2025, 1, 1) + timedelta(rng.randint(0, 600)),
                    created_by=user,
                )
            )
        if rng.random() < 0.1:
            other = orgs[rng.randrange(10)]
            if other.pk != owner_id:
                referrals.append(Referral(
                    case_id=case_id, service="medical_care", from_organisation_id=owner_id, to_organisation=other,
                    status=rng.choice(["pending", "accepted", "completed"]),
                ))  # fmt: skip
    Task.objects.bulk_create(tasks, batch_size=5000)
    Referral.objects.bulk_create(referrals, batch_size=5000)


# page → (who asks, URL)
PAGES = {
    "case list": ("caseworker", "/cases/"),
    "case list, search": ("caseworker", "/cases/?q=Iași"),
    "case list, stage filter, page 3": ("caseworker", "/cases/?stage=long_term_assistance&page=3"),
    "dashboard (caseworker)": ("caseworker", "/cases/dashboard/"),
    "dashboard (coordinator, counts)": ("coordinator", "/cases/dashboard/"),
}


def use_database(path: str) -> None:
    """Point the default connection at another SQLite file (it reconnects on the next query)."""
    connection.close()
    connection.settings_dict["NAME"] = path


def count_queries(client, url: str) -> int:
    executed = []
    # Counted with an execute wrapper: the per-request connection close clears Django's query log.
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: executed.append(sql)
        or execute(sql, params, many, context)
    ):
        assert client.get(url).status_code == 200
    return len(executed)


def measure_side_by_side(
    client, url: str, paths: dict[int, str], runs: int
) -> dict[int, tuple[int, float, float]]:
    """Alternate requests between the small and the large database, so both see the same machine load."""
    times: dict[int, list[float]] = {size: [] for size in paths}
    queries = {}
    for size, path in paths.items():
        use_database(path)
        client.get(url)  # warm up
        queries[size] = count_queries(client, url)
    for _ in range(runs):
        for size, path in paths.items():
            use_database(path)
            t0 = time.perf_counter()
            response = client.get(url)
            times[size].append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
    result = {}
    for size, values in times.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(round(0.95 * len(values))) - 1)]
        result[size] = (queries[size], statistics.median(values), p95)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: hashed static names
    rng = random.Random(4)
    orgs, user, clients = setup_orgs()
    main_path = connection.settings_dict["NAME"]
    paths = {}
    for size in (args.small, args.large):
        t0 = time.perf_counter()
        grow_to(size, orgs, user, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"{size:>7,} cases ({Case.objects.filter(owner=orgs[0]).count():,} of the organisation) "
              f"built in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        if size == args.small:
            connection.close()
            paths[size] = f"{TMP}/small.sqlite3"
            shutil.copyfile(main_path, paths[size])
    paths[args.large] = main_path
    results = {
        name: measure_side_by_side(clients[who], url, paths, args.runs) for name, (who, url) in PAGES.items()
    }
    print(f"\n{args.runs} requests per page and size, alternating between the two databases.")
    print(f"{'page':34} {'queries':>13} {'p50 ms':>17} {'p95 ms':>17} {'p95 ratio':>10}")
    for name in PAGES:
        (q1, p50a, p95a), (q2, p50b, p95b) = results[name][args.small], results[name][args.large]
        print(
            f"{name:34} {q1:>6} → {q2:<6} {p50a:>7.1f} → {p50b:<7.1f} {p95a:>7.1f} → {p95b:<7.1f} {p95b / p95a:>9.2f}×"
        )
    data_ratio = args.large / args.small
    print(
        f"\ndata grew {data_ratio:.0f}×; queries per request must not grow. Total run {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
