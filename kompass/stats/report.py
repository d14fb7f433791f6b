"""The annual NRM report: persons (not cases) counted from linked cases, then protected.

`nrm_statistics` returns exactly the JSON of DOMAIN.md §6 item 5; `annual_report` adds what the
staff page shows (sectors, subtypes, services, referrals, trend, UNODC comparison).
"""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kompass.cases.codes import AGE_BANDS, Platform, age_band
from kompass.stats import countries
from kompass.stats.disclosure import Method, count_suppressed, noisy_counts, protect_group, protect_value

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
CASE_FIELDS = (
    "id", "identified_on", "country", "sex", "birth_year", "age_at_identification", "citizenship",
    "country_of_exploitation", "is_sexual_exploitation", "is_forced_labour", "is_other_exploitation",
    *SUBTYPES, "is_recruited_online", "identifying_sector", "trafficking_status", "encoding__person_id",
)  # fmt: skip


@dataclass
class PersonRecord:
    """What statistics know of one person, merged over their linked cases (earliest first)."""

    first_identified: datetime.date
    sex: str = "unknown"
    age_group: str = "unknown"
    citizenship: str = ""
    country_of_exploitation: str = ""
    exploitation: set = field(default_factory=set)
    subtypes: set = field(default_factory=set)
    recruited_online: bool = False
    platforms: set = field(default_factory=set)
    identifying_sector: str = ""
    case_ids: list = field(default_factory=list)


def _victim_cases(country2: str | None):
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce

    from kompass.cases.models import Case

    cases = Case.objects.exclude(trafficking_status="not_a_victim")
    if country2:
        cases = cases.filter(country=country2)
    # A case not linked yet is a person of its own (negative keys cannot clash with person ids).
    return cases.annotate(person_key=Coalesce(F("encoding__person_id"), Value(0) - F("id")))


def first_years(*, country2: str | None = None) -> dict[int, int]:
    """Persons by the year they were first identified (one SQL aggregate)."""
    from django.db.models import Min

    firsts = (
        _victim_cases(country2)
        .values("person_key")
        .annotate(first=Min("identified_on"))
        .values_list("first", flat=True)
    )
    out: dict[int, int] = {}
    for first in firsts:
        out[first.year] = out.get(first.year, 0) + 1
    return out


def person_records(*, country2: str | None = None, year: int | None = None) -> list[PersonRecord]:
    """Every person with at least one case that is not `not_a_victim` (optionally in one country).

    With `year`, only the persons first identified that year (selected in SQL).
    """
    from django.db.models import Min

    from kompass.cases.models import CaseRecruitmentPlatform

    cases = _victim_cases(country2)
    if year is not None:
        firsts = (
            _victim_cases(country2)
            .values("person_key")
            .annotate(first=Min("identified_on"))
            .filter(first__year=year)
            .values("person_key")
        )
        cases = cases.filter(person_key__in=firsts)
    rows = list(cases.order_by("identified_on", "id").values_list(*CASE_FIELDS))
    platform_rows = CaseRecruitmentPlatform.objects.filter(case__in=cases.values("id")).values_list(
        "case_id", "platform"
    )
    platforms: dict[int, set] = {}
    for case_id, platform in platform_rows:
        platforms.setdefault(case_id, set()).add(platform)
    index = {name: i for i, name in enumerate(CASE_FIELDS)}
    persons: dict[object, PersonRecord] = {}
    for row in rows:
        case_id = row[index["id"]]
        key = row[index["encoding__person_id"]] or -case_id
        person = persons.get(key)
        if person is None:
            person = persons[key] = PersonRecord(first_identified=row[index["identified_on"]])
        person.case_ids.append(case_id)
        if person.sex == "unknown" and row[index["sex"]] in SEXES:
            person.sex = row[index["sex"]]
        if person.age_group == "unknown":
            age = row[index["age_at_identification"]]
            if age is None and row[index["birth_year"]]:
                age = row[index["identified_on"]].year - row[index["birth_year"]]
            person.age_group = age_band(age) or "unknown"
        person.citizenship = person.citizenship or row[index["citizenship"]]
        person.country_of_exploitation = (
            person.country_of_exploitation or row[index["country_of_exploitation"]]
        )
        for flag, name in (
            ("is_sexual_exploitation", "sexual"),
            ("is_forced_labour", "forced_labour"),
            ("is_other_exploitation", "other"),
        ):
            if row[index[flag]]:
                person.exploitation.add(name)
        person.subtypes.update(s for s in SUBTYPES if row[index[s]])
        person.recruited_online = person.recruited_online or row[index["is_recruited_online"]]
        person.platforms |= platforms.get(case_id, set())
        person.identifying_sector = person.identifying_sector or row[index["identifying_sector"]]
    return list(persons.values())


def default_country() -> str:
    """ISO3 of the national coordinator's country ('' when there is none)."""
    from kompass.organisations.models import Organisation

    coordinator = Organisation.objects.filter(is_national_coordinator=True).first()
    return countries.to_alpha3(coordinator.country) if coordinator else ""


def raw_counts(persons: list[PersonRecord], *, year: int, country3: str) -> dict:
    """Unprotected counts for the persons first identified in `year`."""
    people = [p for p in persons if p.first_identified.year == year]
    by_citizenship = Counter(p.citizenship or "unknown" for p in people)
    return {
        "victims": len(people),
        "by_sex": {s: sum(p.sex == s for p in people) for s in SEXES},
        "by_age_group": {g: sum(p.age_group == g for p in people) for g in AGE_GROUPS},
        "by_citizenship": dict(sorted(by_citizenship.items())),
        "by_exploitation": {e: sum(e in p.exploitation for p in people) for e in EXPLOITATION},
        "exploited_domestically": sum(
            bool(country3) and p.country_of_exploitation == country3 for p in people
        ),
        "exploited_abroad": sum(
            bool(p.country_of_exploitation) and p.country_of_exploitation != country3 for p in people
        ),
        "recruited_online": sum(p.recruited_online or bool(p.platforms) for p in people),
        "by_recruitment_platform": {pl: sum(pl in p.platforms for p in people) for pl in PLATFORMS},
        "by_exploitation_subtype": {s: sum(s in p.subtypes for p in people) for s in SUBTYPES},
        "by_identifying_sector": dict(
            sorted(Counter(p.identifying_sector or "unknown" for p in people).items())
        ),
        "case_ids": [c for p in people for c in p.case_ids],
        "people": people,
    }


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
    for name, additive in groups.items():
        out[name] = protect_group(
            counts[name], threshold=method.threshold, total_published=additive and out["victims"] is not None
        )
    return out


def nrm_statistics(*, year: int, country: str | None = None, method: Method | None = None) -> dict:
    """The annual report as DOMAIN.md §6 item 5 defines it (exactly those keys)."""
    method = method or Method()
    country3 = (country or default_country()).upper()
    persons = person_records(country2=countries.to_alpha2(country3) or None, year=year)
    counts = raw_counts(persons, year=year, country3=country3)
    groups = {
        k: v
        for k, v in GROUPS.items()
        if k in {"by_sex", "by_age_group", "by_citizenship", "by_exploitation", "by_recruitment_platform"}
    }
    published = protect(counts, method, groups=groups)
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


def services_and_referrals(case_ids: list[int], year: int) -> tuple[dict, dict]:
    """Persons who received each service, and referrals by status, in `year` (unprotected)."""
    from kompass.cases.models import ServiceDelivery
    from kompass.referrals.models import Referral

    person_of = {}
    from kompass.stats.models import CaseEncoding

    for case_id, person_id in CaseEncoding.objects.filter(case_id__in=case_ids).values_list(
        "case_id", "person_id"
    ):
        person_of[case_id] = person_id or f"case{case_id}"
    services: dict[str, set] = {}
    for case_id, service in ServiceDelivery.objects.filter(
        case_id__in=case_ids, delivered_on__year=year
    ).values_list("case_id", "service"):
        services.setdefault(service, set()).add(person_of.get(case_id, f"case{case_id}"))
    referrals = Counter(
        Referral.objects.filter(case_id__in=case_ids, created_at__year=year).values_list("status", flat=True)
    )
    return {k: len(v) for k, v in sorted(services.items())}, dict(sorted(referrals.items()))


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
    persons = person_records(country2=country2, year=year)
    counts = raw_counts(persons, year=year, country3=country3)
    services, referrals = services_and_referrals(counts["case_ids"], year)
    counts["services"] = services
    counts["referrals"] = referrals
    # A person may receive several services and several referrals: those groups are not additive.
    groups = {**GROUPS, "services": False, "referrals": False}
    published = protect(counts, method, groups=groups)
    trend_raw = trend(first_years(country2=country2), year=year)
    published_trend = {y: protect_value(v, threshold=method.threshold) for y, v in trend_raw.items()}
    return {
        "year": year,
        "country": country3,
        "method": method,
        **published,
        "trend": published_trend,
        "glotip": glotip(country3),
        "suppressed_cells": count_suppressed(published),
    }
