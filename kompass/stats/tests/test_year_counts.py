"""The SQL that merges linked cases into persons and counts them, against a plain Python reading of
the rule (earliest case with a value wins; flags and platforms over all cases), on random data."""

import datetime
import random

import pytest

from kompass.cases.codes import Platform, age_band
from kompass.cases.models import Case, CaseRecruitmentPlatform
from kompass.organisations.models import Organisation
from kompass.stats.models import CaseEncoding, Person
from kompass.stats.report import AGE_GROUPS, EXPLOITATION, PLATFORMS, SEXES, SUBTYPES, year_counts

YEAR = 2024
FLAGS = {
    "sexual": "is_sexual_exploitation",
    "forced_labour": "is_forced_labour",
    "other": "is_other_exploitation",
}


def _random_cases(rng: random.Random, n_persons: int = 220) -> list[Case]:
    owner = Organisation.objects.create(name="Random NGO", country="RO")
    cases = []
    for _person in range(n_persons):
        person = Person.objects.create() if rng.random() < 0.7 else None
        for _ in range(rng.choice([1, 1, 1, 2, 3]) if person else 1):
            case = Case.objects.create(
                owner=owner, reference=f"R-{len(cases):05d}",
                identified_on=datetime.date(rng.choice([2022, 2023, 2024, 2024, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)),
                country=rng.choice(["RO"] * 5 + ["MD"]),
                sex=rng.choice(["female", "male", "other", "unknown", "unknown"]),
                birth_year=rng.choice([None, 0, 1990, 2015, 2030]),
                age_at_identification=rng.choice([None, None, 5, 17, 33, 60]),
                citizenship=rng.choice(["", "", "ROU", "UKR", "MDA"]),
                country_of_exploitation=rng.choice(["", "ROU", "ITA"]),
                identifying_sector=rng.choice(["", "health", "police"]),
                trafficking_status=rng.choice(["possible", "actual", "actual", "not_a_victim"]),
                is_recruited_online=rng.random() < 0.2,
                **{column: rng.random() < 0.3 for column in FLAGS.values()},
                **{name: rng.random() < 0.15 for name in SUBTYPES},
            )  # fmt: skip
            if person:
                CaseEncoding.objects.create(case=case, scheme="test", person=person)
            for platform in rng.sample(Platform.values, k=rng.choice([0, 0, 0, 1, 2])):
                CaseRecruitmentPlatform.objects.create(case=case, platform=platform)
            cases.append(case)
    return cases


def _reference(cases: list[Case], *, country2: str, country3: str) -> dict:
    persons: dict = {}
    platforms = {(p.case_id, p.platform) for p in CaseRecruitmentPlatform.objects.all()}
    for case in sorted(cases, key=lambda c: (c.identified_on, c.pk)):
        if case.trafficking_status == "not_a_victim" or case.country != country2:
            continue
        encoding = CaseEncoding.objects.filter(case=case).first()
        key = encoding.person_id if encoding else -case.pk
        p = persons.setdefault(key, {"first": case.identified_on, "sex": "unknown", "age": "unknown", "cit": "",
                                     "coe": "", "sector": "", "flags": set(), "platforms": set(), "online": False})  # fmt: skip
        if p["sex"] == "unknown" and case.sex in SEXES:
            p["sex"] = case.sex
        if p["age"] == "unknown":
            age = case.age_at_identification
            if age is None and case.birth_year:
                age = case.identified_on.year - case.birth_year
            p["age"] = age_band(age) or "unknown"
        p["cit"] = p["cit"] or case.citizenship
        p["coe"] = p["coe"] or case.country_of_exploitation
        p["sector"] = p["sector"] or case.identifying_sector
        p["flags"] |= {n for n, column in FLAGS.items() if getattr(case, column)} | {
            n for n in SUBTYPES if getattr(case, n)
        }
        p["platforms"] |= {pl for c, pl in platforms if c == case.pk}
        p["online"] = p["online"] or case.is_recruited_online
    people = [p for p in persons.values() if p["first"].year == YEAR]
    count = lambda test: sum(1 for p in people if test(p))  # noqa: E731
    citizenships = {p["cit"] or "unknown" for p in people}
    sectors = {p["sector"] or "unknown" for p in people}
    return {
        "victims": len(people),
        "by_sex": {s: count(lambda p, s=s: p["sex"] == s) for s in SEXES},
        "by_age_group": {g: count(lambda p, g=g: p["age"] == g) for g in AGE_GROUPS},
        "by_citizenship": {
            c: count(lambda p, c=c: (p["cit"] or "unknown") == c) for c in sorted(citizenships)
        },
        "by_exploitation": {e: count(lambda p, e=e: e in p["flags"]) for e in EXPLOITATION},
        "exploited_domestically": count(lambda p: p["coe"] == country3),
        "exploited_abroad": count(lambda p: p["coe"] and p["coe"] != country3),
        "recruited_online": count(lambda p: p["online"] or p["platforms"]),
        "by_recruitment_platform": {pl: count(lambda p, pl=pl: pl in p["platforms"]) for pl in PLATFORMS},
        "by_exploitation_subtype": {s: count(lambda p, s=s: s in p["flags"]) for s in SUBTYPES},
        "by_identifying_sector": {
            s: count(lambda p, s=s: (p["sector"] or "unknown") == s) for s in sorted(sectors)
        },
    }


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_follow_the_rule_on_random_coalitions(seed):
    cases = _random_cases(random.Random(seed))
    expected = _reference(cases, country2="RO", country3="ROU")
    counts = year_counts(year=YEAR, country2="RO", country3="ROU")
    assert {k: counts[k] for k in expected} == expected
    assert expected["victims"] > 50 and expected["by_age_group"]["unknown"] < expected["victims"]
