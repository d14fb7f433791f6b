"""The annual NRM report over 250,000 cases, beside a direct DuckDB query over the same data.

Run: python bench/bench_statistics.py [--cases N]. Builds a temporary SQLite database with N cases
(default 250,000) of which about 12 % are second or third cases of an already counted person
(linked as by the record linkage), then times `nrm_statistics` (one SQL query in the database that
reads the year's cases and the linked persons' other cases, merges cases into persons and counts;
then disclosure control) and the same counts computed by one DuckDB SQL query over the same rows
already loaded in DuckDB. Checks that both give the same raw counts and prints the ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="kompass-bench-stats-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
os.environ["KOMPASS_DEBUG"] = "0"
os.environ.setdefault("KOMPASS_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("KOMPASS_FIELD_ENCRYPTION_KEYS", "ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE=")
os.environ["KOMPASS_VAR_DIR"] = TMP
DB = f"{TMP}/bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"

import django  # noqa: E402

django.setup()

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from kompass.cases.codes import Platform  # noqa: E402
from kompass.cases.models import Case, CaseRecruitmentPlatform  # noqa: E402
from kompass.organisations.models import Organisation  # noqa: E402
from kompass.stats.models import CaseEncoding, Person  # noqa: E402
from kompass.stats.report import (  # noqa: E402
    AGE_GROUPS,
    EXPLOITATION,
    PLATFORMS,
    SEXES,
    nrm_statistics,
    year_counts,
)

YEAR = 2024
CITIZENSHIPS = ["ROU"] * 12 + ["MDA"] * 3 + ["UKR"] * 3 + ["SRB", "BGR", "NGA", "VNM", ""]
EXPLOITATION_COUNTRIES = ["ROU"] * 6 + ["ITA", "ESP", "DEU", "GBR", ""]


def insert(model, rows: list[dict]) -> None:
    """Fast raw insert: Django defaults computed once per field, the given columns per row."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {}
    for f in fields:
        if f.name == "code" or f.attname in rows[0]:
            continue
        defaults[f.attname] = f.get_db_prep_save(f.get_default(), connection)
    columns = [f.column for f in fields]
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608
    )
    values = []
    for row in rows:
        values.append(
            [
                uuid.uuid4().hex
                if f.name == "code"
                else row[f.attname]
                if f.attname in row
                else defaults[f.attname]
                for f in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def fill(n: int, rng: random.Random) -> None:
    org = Organisation.objects.create(name="Bench NGO", country="RO", is_national_coordinator=True)
    other = Organisation.objects.create(name="Bench NGO 2", country="RO")
    start = date(2020, 1, 1)
    rows = []
    for i in range(n):
        identified = start + timedelta(days=rng.randrange(5 * 365))
        online = rng.random() < 0.3
        rows.append(
            {
                "reference": f"B-{i:09d}",
                "owner_id": org.pk if i % 2 else other.pk,
                "identified_on": identified.isoformat(),
                "country": "RO",
                "sex": rng.choice(["female"] * 6 + ["male"] * 3 + ["other", "unknown"]),
                "age_at_identification": rng.choice([None, *range(3, 70)]),
                "citizenship": rng.choice(CITIZENSHIPS),
                "country_of_exploitation": rng.choice(EXPLOITATION_COUNTRIES),
                "is_sexual_exploitation": rng.random() < 0.5,
                "is_forced_labour": rng.random() < 0.4,
                "is_other_exploitation": rng.random() < 0.1,
                "labour_agriculture": rng.random() < 0.1,
                "recruitment_method": "online_social_network" if online else "",
                "is_recruited_online": online,
                "trafficking_status": rng.choice(["possible", "actual", "actual", "not_a_victim"]),
            }
        )
    with transaction.atomic():
        insert(Case, rows)
        ids = list(Case.objects.order_by("id").values_list("id", flat=True))
        # ~12 % of cases belong to a person already seen (the linkage result).
        insert(Person, [{"created_at": "2025-01-01 00:00:00"} for _ in range(int(n * 0.88))])
        person_ids = list(Person.objects.order_by("id").values_list("id", flat=True))
        insert(
            CaseEncoding,
            [
                {
                    "case_id": case_id,
                    "scheme": "bench",
                    "payload": None,
                    "person_id": person_ids[k] if k < len(person_ids) else rng.choice(person_ids),
                }
                for k, case_id in enumerate(ids)
            ],
        )
        insert(
            CaseRecruitmentPlatform,
            [
                {"case_id": case_id, "platform": rng.choice(Platform.values)}
                for case_id in ids
                if rng.random() < 0.15
            ],
        )


SQL = """
WITH c AS (
  SELECT c.*, coalesce(e.person_id, -c.id) AS person
  FROM cases c LEFT JOIN enc e ON e.case_id = c.id
  WHERE c.trafficking_status <> 'not_a_victim' AND c.country = 'RO'
), plat AS (
  SELECT c.person, list(DISTINCT p.platform) AS platforms FROM c JOIN platforms p ON p.case_id = c.id GROUP BY c.person
), p AS (
  SELECT person,
    min(identified_on) AS first_identified,
    coalesce(first(sex ORDER BY identified_on, id) FILTER (WHERE sex <> 'unknown'), 'unknown') AS sex,
    first(coalesce(age_at_identification, year(identified_on) - birth_year) ORDER BY identified_on, id)
      FILTER (WHERE coalesce(age_at_identification, year(identified_on) - birth_year) IS NOT NULL) AS age,
    coalesce(first(citizenship ORDER BY identified_on, id) FILTER (WHERE citizenship <> ''), 'unknown') AS citizenship,
    first(country_of_exploitation ORDER BY identified_on, id) FILTER (WHERE country_of_exploitation <> '') AS coe,
    bool_or(is_sexual_exploitation <> 0) AS sexual, bool_or(is_forced_labour <> 0) AS labour, bool_or(is_other_exploitation <> 0) AS other,
    bool_or(is_recruited_online <> 0) AS online
  FROM c GROUP BY person
)
SELECT p.*, CASE WHEN age IS NULL THEN 'unknown' WHEN age >= 48 THEN '48+' WHEN age >= 39 THEN '39--47'
  WHEN age >= 30 THEN '30--38' WHEN age >= 27 THEN '27--29' WHEN age >= 24 THEN '24--26' WHEN age >= 21 THEN '21--23'
  WHEN age >= 18 THEN '18--20' WHEN age >= 9 THEN '09--17' ELSE '0--8' END AS age_group, plat.platforms
FROM p LEFT JOIN plat USING (person) WHERE year(first_identified) = {year}
"""


def duckdb_counts(con, year: int, country3: str) -> dict:
    con.execute(f"CREATE OR REPLACE TEMP TABLE persons AS {SQL.format(year=year)}")  # noqa: S608
    q = con.sql
    one = lambda s: q(s).fetchone()[0]  # noqa: E731
    grouped = lambda col: dict(q(f"SELECT {col}, count(*) FROM persons GROUP BY 1").fetchall())  # noqa: E731, S608
    by_sex, by_age, by_cit = grouped("sex"), grouped("age_group"), grouped("citizenship")
    platform_counts = dict(
        q("SELECT p, count(*) FROM (SELECT unnest(platforms) AS p FROM persons) GROUP BY 1").fetchall()
    )
    return {
        "victims": one("SELECT count(*) FROM persons"),
        "by_sex": {s: by_sex.get(s, 0) for s in SEXES},
        "by_age_group": {g: by_age.get(g, 0) for g in AGE_GROUPS},
        "by_citizenship": dict(sorted(by_cit.items())),
        "by_exploitation": dict(
            zip(
                EXPLOITATION,
                q("SELECT count_if(sexual), count_if(labour), count_if(other) FROM persons").fetchone(),
                strict=True,
            )
        ),
        "exploited_domestically": one(f"SELECT count_if(coe = '{country3}') FROM persons"),  # noqa: S608
        "exploited_abroad": one(f"SELECT count_if(coe IS NOT NULL AND coe <> '{country3}') FROM persons"),  # noqa: S608
        "recruited_online": one("SELECT count_if(online OR platforms IS NOT NULL) FROM persons"),
        "by_recruitment_platform": {pl: platform_counts.get(pl, 0) for pl in PLATFORMS},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=250_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t1 = time.perf_counter()
    fill(args.cases, random.Random(7))
    print(f"migrated in {t1 - t0:.0f} s, built {args.cases:,} cases in {time.perf_counter() - t1:.0f} s")

    django_times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        report = nrm_statistics(year=YEAR, country="ROU")
        django_times.append(time.perf_counter() - started)
    raw = year_counts(year=YEAR, country2="RO", country3="ROU")

    sqlite = sqlite3.connect(DB)
    con = duckdb.connect()
    con.register("cases_df", pd.read_sql("SELECT * FROM cases_case", sqlite))
    con.register("enc_df", pd.read_sql("SELECT case_id, person_id FROM stats_caseencoding", sqlite))
    con.register(
        "plat_df", pd.read_sql("SELECT case_id, platform FROM cases_caserecruitmentplatform", sqlite)
    )
    con.execute(
        "CREATE TABLE cases AS SELECT * REPLACE (CAST(identified_on AS DATE) AS identified_on) FROM cases_df"
    )
    con.execute("CREATE TABLE enc AS SELECT * FROM enc_df")
    con.execute("CREATE TABLE platforms AS SELECT * FROM plat_df")
    duck_times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        duck = duckdb_counts(con, YEAR, "ROU")
        duck_times.append(time.perf_counter() - started)

    same = all(duck[k] == raw[k] for k in duck)
    best_django, best_duck = min(django_times), min(duck_times)
    print(
        f"annual report {YEAR}: {report['victims']} victims (persons), {report['suppressed_cells']} cells withheld"
    )
    print(
        f"nrm_statistics (SQL in SQLite + disclosure control):      {best_django:.2f} s (best of {args.runs})"
    )
    print(
        f"direct DuckDB query over the same rows (already loaded):  {best_duck:.2f} s (best of {args.runs})"
    )
    print(f"ratio Django / DuckDB: {best_django / best_duck:.1f}x; same raw counts: {same}")
    if not same:
        for k in duck:
            if duck[k] != raw[k]:
                print("  differs:", k, duck[k], raw[k])


if __name__ == "__main__":
    main()
