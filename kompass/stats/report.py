"""The annual NRM report: persons (not cases) counted from linked cases, then protected.

`nrm_statistics` returns exactly the JSON of docs/interfaces.md §6 item 5; `annual_report` adds what the
staff page shows (sectors, subtypes, services, referrals, trend, UNODC comparison).
"""

from __future__ import annotations

import csv
import datetime
from functools import cache
from pathlib import Path

from kompass.cases.codes import AGE_BANDS, Platform
from kompass.stats import countries
from kompass.stats.disclosure import (
    Method,
    count_suppressed,
    noisy_counts,
    protect_group,
    protect_merged,
    protect_value,
)

SEXES = ("female", "male", "other", "unknown")
AGE_GROUPS = tuple(label for _, label in reversed(AGE_BANDS)) + ("unknown",)
EXPLOITATION = ("sexual", "forced_labour", "other")
PLATFORMS = tuple(Platform.values)
SUBTYPES = (
    "labour_agriculture",
    "labour_construction",
    "labour_domestic_work",
    "labour_hospitality",
    "sex_prostitution",
    "sex_pornography",
)


def _victim_cases(country2: str | None):
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce

    from kompass.cases.models import Case

    cases = Case.objects.exclude(trafficking_status="not_a_victim").order_by()
    if country2:
        cases = cases.filter(country=country2)
    # A case not linked yet is a person of its own (negative keys cannot clash with person ids).
    return cases.annotate(person_key=Coalesce(F("encoding__person_id"), Value(0) - F("id")))


def first_years(
    *, country2: str | None = None, since: int | None = None, until: int | None = None
) -> dict[int, int]:
    """Persons by the year they were first identified, optionally only for years since..until.

    Within a window the database reads only the window's cases (an index on identified_on) and,
    for their linked persons, whether they have a case before it.
    """
    from django.db.models import Exists, Min, OuterRef

    cases = _victim_cases(country2)
    if since is not None and until is not None:
        earlier = cases.filter(encoding__person_id=OuterRef("encoding__person_id"),
                               identified_on__lt=datetime.date(since, 1, 1))  # fmt: skip
        cases = cases.filter(
            identified_on__gte=datetime.date(since, 1, 1), identified_on__lt=datetime.date(until + 1, 1, 1)
        ).exclude(Exists(earlier))
    firsts = cases.values("person_key").annotate(first=Min("identified_on")).values_list("first", flat=True)
    out: dict[int, int] = {}
    for first in firsts:
        out[first.year] = out.get(first.year, 0) + 1
    return out


# The persons first identified in a year, merged over their linked cases, and counted — in SQL.
#
# A person is the cases linked to them (CaseEncoding.person) or an unlinked case alone. What we
# know of a person is, per attribute, the value of their earliest case (by identified_on, then id)
# that has one: "sex" among female/male/other, the first known age (age at identification, else
# the identification year minus the birth year), the first citizenship, country of exploitation
# and identifying sector; flags (forms of exploitation, online recruitment) are true when any
# case has them, platforms are the union. The database picks "the earliest case that has a
# value" with MIN over a key that sorts by date, then id, and carries the value behind it
# (`k || value`, the value read back from character 23 on).
#
# Only the cases that matter are read: the year's cases (index on identified_on) and the other
# cases of the linked persons among them (index on CaseEncoding.person); a person with a case
# before the year is not first identified in it. The result is a few dozen (dimension, key,
# count) rows: nothing per person or per case reaches Python.
_SORT_KEY = {
    "sqlite": "c.identified_on || substr('000000000000' || c.id, -12)",
    "postgresql": "c.identified_on::text || lpad(c.id::text, 12, '0')",
}
_YEAR_OF_IDENTIFICATION = {
    "sqlite": "CAST(substr(c.identified_on, 1, 4) AS INTEGER)",
    "postgresql": "CAST(EXTRACT(YEAR FROM c.identified_on) AS INTEGER)",
}
_MONTH_OF_FIRST = {
    "sqlite": "CAST(substr(persons.first, 6, 2) AS INTEGER)",
    "postgresql": "CAST(EXTRACT(MONTH FROM persons.first) AS INTEGER)",
}
_FLAGS = {
    "sexual": "is_sexual_exploitation", "forced_labour": "is_forced_labour", "other": "is_other_exploitation",
    **{name: name for name in SUBTYPES}, "online": "is_recruited_online",
}  # fmt: skip


def _year_sql(vendor: str, *, tables: dict, country: bool) -> str:
    country_filter = "AND c.country = %s" if country else ""
    case_columns = ", ".join(f"c.{column}" for column in dict.fromkeys(_FLAGS.values()))
    age = (
        "CASE WHEN c.age_at_identification IS NOT NULL THEN c.age_at_identification "
        f"WHEN c.birth_year IS NOT NULL AND c.birth_year <> 0 THEN {_YEAR_OF_IDENTIFICATION[vendor]} - c.birth_year END"
    )
    picked = f"""SELECT c.id, c.identified_on, c.sex, c.citizenship, c.country_of_exploitation, c.identifying_sector,
                {case_columns}, {age} AS age, {_SORT_KEY[vendor]} AS k"""
    first = "substr(MIN(CASE WHEN {test} THEN k || {value} END), 23)"
    flags = ", ".join(
        f"MAX(CASE WHEN {column} THEN 1 ELSE 0 END) AS {name}" for name, column in _FLAGS.items()
    )
    bands = " ".join(f"WHEN CAST(age AS INTEGER) >= {lowest} THEN '{label}'" for lowest, label in AGE_BANDS)
    sums = [f"SELECT '{n}', NULL, SUM({n}) FROM persons" for n in _FLAGS if n != "online"]  # noqa: S608
    count_flags = " UNION ALL ".join(sums)
    return f"""
WITH year_cases AS (
  SELECT c.id, e.person_id FROM {tables["case"]} c LEFT JOIN {tables["encoding"]} e ON e.case_id = c.id
  WHERE c.identified_on >= %s AND c.identified_on < %s AND c.trafficking_status <> 'not_a_victim' {country_filter}
),
cases AS MATERIALIZED (
  {picked}, e.person_id AS person
  FROM {tables["encoding"]} e JOIN {tables["case"]} c ON c.id = e.case_id
  WHERE e.person_id IN (SELECT person_id FROM year_cases WHERE person_id IS NOT NULL)
    AND c.trafficking_status <> 'not_a_victim' {country_filter}
  UNION ALL
  {picked}, -c.id AS person
  FROM year_cases y JOIN {tables["case"]} c ON c.id = y.id
  WHERE y.person_id IS NULL
),
platforms AS MATERIALIZED (
  SELECT DISTINCT c.person, p.platform FROM cases c JOIN {tables["platform"]} p ON p.case_id = c.id
),
persons AS MATERIALIZED (
  SELECT person, MIN(identified_on) AS first,
    {first.format(test="sex IN ('female', 'male', 'other')", value="sex")} AS sex,
    {first.format(test="age >= 0", value="age")} AS age,
    {first.format(test="citizenship <> ''", value="citizenship")} AS citizenship,
    {first.format(test="country_of_exploitation <> ''", value="country_of_exploitation")} AS exploited_in,
    {first.format(test="identifying_sector <> ''", value="identifying_sector")} AS sector,
    {flags}
  FROM cases GROUP BY person
  HAVING MIN(identified_on) >= %s
)
SELECT 'victims', NULL, COUNT(*) FROM persons
UNION ALL SELECT 'by_sex', sex, COUNT(*) FROM persons GROUP BY sex
UNION ALL SELECT 'by_age_group', CASE WHEN age IS NULL THEN NULL {bands} END, COUNT(*) FROM persons GROUP BY 2
UNION ALL SELECT 'by_citizenship', citizenship, COUNT(*) FROM persons GROUP BY citizenship
UNION ALL SELECT 'by_identifying_sector', sector, COUNT(*) FROM persons GROUP BY sector
UNION ALL SELECT 'exploited_in', exploited_in, COUNT(*) FROM persons GROUP BY exploited_in
UNION ALL {count_flags}
UNION ALL SELECT 'recruited_online', NULL, COUNT(*) FROM persons
  WHERE online = 1 OR person IN (SELECT person FROM platforms)
UNION ALL SELECT 'by_recruitment_platform', p.platform, COUNT(*) FROM platforms p JOIN persons USING (person)
  GROUP BY p.platform
UNION ALL SELECT 'platform_month', p.platform || '|' || {_MONTH_OF_FIRST[vendor]}, COUNT(*)
  FROM platforms p JOIN persons USING (person) GROUP BY 2
UNION ALL SELECT 'services', d.service, COUNT(DISTINCT c.person) FROM cases c JOIN persons USING (person)
  JOIN {tables["service"]} d ON d.case_id = c.id WHERE d.delivered_on >= %s AND d.delivered_on < %s GROUP BY d.service
UNION ALL SELECT 'referrals', r.status, COUNT(*) FROM cases c JOIN persons USING (person)
  JOIN {tables["referral"]} r ON r.case_id = c.id WHERE r.created_at >= %s AND r.created_at < %s GROUP BY r.status
"""  # noqa: S608 — only code constants and table names are interpolated; every value is a parameter


def year_counts(*, year: int, country2: str | None, country3: str) -> dict:
    """Unprotected counts of the persons first identified in `year` (in one country, if given).

    Besides the groups of the published report: `by_exploitation_subtype`, `by_identifying_sector`,
    `services` (persons who received each service that year), `referrals` (by status) and
    `by_platform_month` ({platform: {month: persons first identified that month}}).
    """
    from django.db import connection
    from django.utils import timezone

    from kompass.cases.models import Case, CaseRecruitmentPlatform, ServiceDelivery
    from kompass.referrals.models import Referral
    from kompass.stats.models import CaseEncoding

    tables = {"case": Case._meta.db_table, "encoding": CaseEncoding._meta.db_table,
              "platform": CaseRecruitmentPlatform._meta.db_table, "service": ServiceDelivery._meta.db_table,
              "referral": Referral._meta.db_table}  # fmt: skip
    ops = connection.ops
    start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    start_at, end_at = (timezone.make_aware(datetime.datetime(y, 1, 1)) for y in (year, year + 1))
    days = [ops.adapt_datefield_value(d) for d in (start, end)]
    country = [country2] if country2 else []
    params = [
        *days,
        *country,
        *country,
        days[0],
        *days,
        *(ops.adapt_datetimefield_value(t) for t in (start_at, end_at)),
    ]
    with connection.cursor() as cursor:
        cursor.execute(_year_sql(connection.vendor, tables=tables, country=bool(country2)), params)
        rows = cursor.fetchall()
    counts = {
        "victims": 0, "by_sex": dict.fromkeys(SEXES, 0), "by_age_group": dict.fromkeys(AGE_GROUPS, 0),
        "by_citizenship": {}, "by_exploitation": dict.fromkeys(EXPLOITATION, 0), "exploited_domestically": 0,
        "exploited_abroad": 0, "recruited_online": 0, "by_recruitment_platform": dict.fromkeys(PLATFORMS, 0),
        "by_exploitation_subtype": dict.fromkeys(SUBTYPES, 0), "by_identifying_sector": {}, "services": {},
        "referrals": {}, "by_platform_month": {},
    }  # fmt: skip
    for dimension, key, n in rows:
        n = int(n or 0)
        if dimension in ("victims", "recruited_online"):
            counts[dimension] = n
        elif dimension in ("by_sex", "by_age_group"):
            counts[dimension][key or "unknown"] += n
        elif dimension in ("by_citizenship", "by_identifying_sector"):
            counts[dimension][key or "unknown"] = n
        elif dimension == "exploited_in":
            if key and key == country3:
                counts["exploited_domestically"] += n
            elif key:
                counts["exploited_abroad"] += n
        elif dimension in EXPLOITATION:
            counts["by_exploitation"][dimension] = n
        elif dimension in SUBTYPES:
            counts["by_exploitation_subtype"][dimension] = n
        elif dimension == "by_recruitment_platform":
            if key in counts[dimension]:
                counts[dimension][key] = n
        elif dimension == "platform_month":
            platform, month = key.rsplit("|", 1)
            counts["by_platform_month"].setdefault(platform, {})[int(month)] = n
        else:  # services, referrals
            counts[dimension][key] = n
    for name in ("by_citizenship", "by_identifying_sector", "services", "referrals"):
        counts[name] = dict(sorted(counts[name].items()))
    return counts


# The regional report's "country": every country of the coalition, each person counted once across
# them (persons are linked across countries on their encodings, decision 0050).
REGIONAL = "ALL"


def default_country() -> str:
    """ISO3 of the national coordinator's country ('' when there is none); with a coordinator in
    several countries, the country of the first one registered (each coordinator's own pages default
    to its own country)."""
    from kompass.organisations.models import Organisation

    coordinator = Organisation.objects.filter(is_national_coordinator=True).order_by("pk").first()
    return countries.to_alpha3(coordinator.country) if coordinator else ""


# group → (is it additive over the victims total)
GROUPS = {
    "by_sex": True,
    "by_age_group": True,
    "by_citizenship": True,
    "by_exploitation": False,
    "by_recruitment_platform": False,
    "by_exploitation_subtype": False,
    "by_identifying_sector": True,
}
SINGLE = ("exploited_domestically", "exploited_abroad", "recruited_online")
# Groups whose small categories are merged into "unknown" (published as "other / unknown") before
# anything is suppressed (disclosure.protect_merged).
MERGED_GROUPS = frozenset({"by_sex", "by_age_group", "by_citizenship", "by_identifying_sector"})


def noise_scale(epsilon: float, *, groups=None) -> int:
    """About how far a differentially private total strays from the count (the noise's scale: the
    budget is split evenly over the released queries)."""
    queries = (
        1 + len(SINGLE) + len(groups if groups is not None else {**GROUPS, "services": 0, "referrals": 0})
    )
    return max(1, round(queries / epsilon))


def protect(counts: dict, method: Method, *, groups=GROUPS) -> dict:
    """Apply the disclosure-control method to the count groups of `counts`."""
    counts = dict(counts)
    if method.epsilon is not None:
        # Budget split evenly over the released queries; a person adds at most `sensitivity`.
        queries = ["victims", *SINGLE, *groups]
        share = method.epsilon / len(queries)
        counts["victims"] = noisy_counts([counts["victims"]], epsilon=share)[0]
        for name in SINGLE:
            counts[name] = noisy_counts([counts[name]], epsilon=share)[0]
        for name, additive in groups.items():
            keys = list(counts[name])
            sensitivity = 1 if additive else len(keys)
            counts[name] = dict(
                zip(
                    keys,
                    noisy_counts(list(counts[name].values()), epsilon=share, sensitivity=sensitivity),
                    strict=True,
                )
            )
    out = {"victims": protect_value(counts["victims"], threshold=method.threshold)}
    for name in SINGLE:
        out[name] = protect_value(counts[name], threshold=method.threshold)
    out["merged"] = {}
    for name, additive in groups.items():
        total_published = additive and out["victims"] is not None
        if name in MERGED_GROUPS:
            cells = dict(counts[name])
            if any(v < method.threshold for k, v in cells.items() if k != "unknown"):
                cells.setdefault("unknown", 0)
            out[name], merged = protect_merged(
                cells, threshold=method.threshold, total_published=total_published
            )
            if merged:
                out["merged"][name] = merged
        else:
            out[name] = protect_group(
                counts[name], threshold=method.threshold, total_published=total_published
            )
    return out


def with_merged_withheld(published: dict, counts: dict, keys: tuple[str, ...]) -> dict:
    """A merged group in the interface's own keys (in their order): each merged category and the
    residual they went into are withheld (null), since `unknown` no longer counts only the unknown."""
    withheld = {*keys, "unknown"}
    return {k: None if k in withheld else published[k] for k in {**counts, "unknown": 0}}


def nrm_statistics(*, year: int, country: str | None = None, method: Method | None = None) -> dict:
    """The annual report as docs/interfaces.md §6 item 5 defines it (exactly those keys)."""
    method = method or Method()
    country3 = (country or default_country()).upper()
    counts = year_counts(year=year, country2=countries.to_alpha2(country3) or None, country3=country3)
    groups = {
        k: v
        for k, v in GROUPS.items()
        if k in {"by_sex", "by_age_group", "by_citizenship", "by_exploitation", "by_recruitment_platform"}
    }
    published = protect(counts, method, groups=groups)
    for name, keys in published["merged"].items():
        published[name] = with_merged_withheld(published[name], counts[name], keys)
    report = {
        "year": year,
        "country": country3,
        "victims": published["victims"],
        "by_sex": published["by_sex"],
        "by_age_group": published["by_age_group"],
        "by_citizenship": published["by_citizenship"],
        "by_exploitation": published["by_exploitation"],
        "exploited_domestically": published["exploited_domestically"],
        "exploited_abroad": published["exploited_abroad"],
        "recruited_online": published["recruited_online"],
        "by_recruitment_platform": published["by_recruitment_platform"],
    }
    report["suppressed_cells"] = count_suppressed(
        {k: v for k, v in report.items() if k not in {"year", "country"}}
    )
    return report


def trend(first: dict[int, int], *, year: int, years: int = 5) -> dict[int, int]:
    return {y: first.get(y, 0) for y in range(year - years + 1, year + 1)}


GLOTIP = Path(__file__).resolve().parent / "data" / "glotip_detected_victims.csv"


@cache
def glotip_rows() -> tuple:
    with GLOTIP.open(encoding="utf-8") as handle:
        return tuple((r["iso3"], int(r["year"]), r["measure"], r["value"]) for r in csv.DictReader(handle))


def glotip(country3: str) -> dict[int, dict[str, str]]:
    """UNODC GLOTIP detected victims for a country: {year: {measure: value as published}}."""
    out: dict[int, dict[str, str]] = {}
    for iso3, year, measure, value in glotip_rows():
        if iso3 == country3:
            out.setdefault(year, {})[measure] = value
    return dict(sorted(out.items()))


def annual_report(*, year: int, country: str | None = None, method: Method | None = None) -> dict:
    """Everything the staff page and the downloads show, already protected."""
    method = method or Method()
    country3 = (country or default_country()).upper()
    country2 = countries.to_alpha2(country3) or None
    counts = year_counts(year=year, country2=country2, country3=country3)
    # A person may receive several services and several referrals: those groups are not additive.
    groups = {**GROUPS, "services": False, "referrals": False}
    published = protect(counts, method, groups=groups)
    trend_raw = trend(first_years(country2=country2, since=year - 4, until=year), year=year)
    published_trend = {y: protect_value(v, threshold=method.threshold) for y, v in trend_raw.items()}
    return {
        "year": year,
        "country": country3,
        "method": method,
        **published,
        "trend": published_trend,
        "glotip": glotip(country3),
        "suppressed_cells": count_suppressed({k: v for k, v in published.items() if k != "merged"}),
    }
