"""Victims are counted once across organisations, linked on encodings only."""

import datetime
import json
from io import StringIO

from django.core.management import call_command

from kompass.stats.models import CaseEncoding, ReviewPair
from kompass.stats.services import decide_review_pair, refresh_linkage


def report(year=2025, *args):
    out = StringIO()
    call_command("nrm_statistics", "--year", str(year), "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_same_person_at_three_organisations_is_one_victim(orgs, third_org, make_case):
    dob = datetime.date(1998, 2, 14)
    make_case(
        orgs["a"],
        identity={"given_name": "Олена", "surname": "Ковальчук", "date_of_birth": dob},
        citizenship="UKR",
    )
    make_case(
        orgs["b"],
        identity={"given_name": "Olena", "surname": "Kovalchuk", "date_of_birth": dob},
        citizenship="UKR",
    )
    make_case(
        third_org,
        identity={
            "given_name": "Elena",
            "surname": "Kowalczuk",
            "date_of_birth": dob,
            "place_of_birth": "Lviv",
        },
        citizenship="UKR",
        identified_on=datetime.date(2025, 9, 3),
    )
    make_case(
        orgs["a"],
        identity={"given_name": "Ana", "surname": "Popescu", "date_of_birth": datetime.date(1990, 5, 1)},
    )

    data = report(2025, "--threshold", "1")
    assert data["victims"] == 2
    assert data["by_citizenship"] == {"ROU": 1, "UKR": 1}
    encodings = CaseEncoding.objects.order_by("case_id")
    assert encodings.count() == 4
    assert len({e.person_id for e in encodings}) == 2


def test_encodings_store_no_identity(orgs, make_case):
    case = make_case(
        orgs["a"], identity={"given_name": "Mihaela", "surname": "Ionescu", "phone": "+40 711 222 333"}
    )
    refresh_linkage()
    payload = json.dumps(CaseEncoding.objects.get(case=case).payload).lower()
    for plain in ("mihaela", "ionescu", "711222333"):
        assert plain not in payload


def test_anonymous_cases_are_one_person_each(orgs, make_case):
    for _ in range(3):
        make_case(orgs["a"], is_anonymous=True)
    assert report(2025, "--threshold", "1")["victims"] == 3


def test_not_a_victim_is_not_counted(orgs, make_case):
    make_case(orgs["a"], identity={"given_name": "Ion", "surname": "Rusu"}, trafficking_status="not_a_victim")
    assert report(2025, "--threshold", "1")["victims"] is None  # 0 persons: below any threshold


def test_a_person_counts_in_the_year_first_identified(orgs, make_case):
    identity = {"given_name": "Ivana", "surname": "Petrović", "date_of_birth": datetime.date(2001, 1, 9)}
    make_case(orgs["a"], identity=identity, identified_on=datetime.date(2024, 11, 2))
    make_case(orgs["b"], identity=identity, identified_on=datetime.date(2025, 1, 20))
    assert report(2024, "--threshold", "1")["victims"] == 1
    assert report(2025, "--threshold", "1")["victims"] is None


def test_review_decisions_are_kept_across_refreshes(orgs, make_case):
    first = make_case(
        orgs["a"],
        identity={"given_name": "Daria", "surname": "Melnyk", "date_of_birth": datetime.date(1995, 3, 4)},
    )
    second = make_case(
        orgs["b"],
        identity={"given_name": "Darya", "surname": "Melnik", "date_of_birth": datetime.date(1995, 4, 3)},
    )
    refresh_linkage()
    a, b = sorted((first.pk, second.pk))
    pair = ReviewPair.objects.filter(case_a_id=a, case_b_id=b).first()
    if pair is None:  # the model was sure: put the pair in the queue by hand for the decision
        pair = ReviewPair.objects.create(case_a_id=a, case_b_id=b, probability=0.5)
    decide_review_pair(pair=pair, by=None, same_person=False)
    refresh_linkage()
    refresh_linkage()
    encodings = dict(CaseEncoding.objects.values_list("case_id", "person_id"))
    assert encodings[first.pk] != encodings[second.pk]
    assert ReviewPair.objects.get(pk=pair.pk).status == "rejected"
    decide_review_pair(pair=pair, by=None, same_person=True)
    refresh_linkage()
    encodings = dict(CaseEncoding.objects.values_list("case_id", "person_id"))
    assert encodings[first.pk] == encodings[second.pk]


def test_json_has_exactly_the_fixed_keys(orgs, make_case):
    make_case(orgs["a"], identity={"given_name": "Ana", "surname": "Lupu"})
    data = report(2025)
    assert list(data) == [
        "year", "country", "victims", "by_sex", "by_age_group", "by_citizenship", "by_exploitation",
        "exploited_domestically", "exploited_abroad", "recruited_online", "by_recruitment_platform",
        "suppressed_cells",
    ]  # fmt: skip
    assert data["year"] == 2025 and data["country"] == "ROU"
    assert list(data["by_sex"]) == ["female", "male", "other", "unknown"]
    assert list(data["by_age_group"]) == [
        "0--8", "09--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+", "unknown"
    ]  # fmt: skip
    assert list(data["by_exploitation"]) == ["sexual", "forced_labour", "other"]
    assert set(data["by_recruitment_platform"]) == {
        "facebook", "instagram", "whatsapp", "telegram", "facebook_messenger", "viber", "snapchat",
        "tiktok", "twitter", "olx", "job_site", "dating_site", "other",
    }  # fmt: skip


def test_domestic_and_abroad_split_and_country_option(orgs, make_case):
    for coe in ("ROU", "ROU", "ITA", ""):
        make_case(orgs["a"], country_of_exploitation=coe, is_anonymous=True)
    make_case(orgs["b"], country="MD", country_of_exploitation="MDA", is_anonymous=True)
    data = report(2025, "--threshold", "1")
    assert (data["victims"], data["exploited_domestically"], data["exploited_abroad"]) == (4, 2, 1)
    moldova = report(2025, "--threshold", "1", "--country", "mda")
    assert moldova["country"] == "MDA"
    assert (moldova["victims"], moldova["exploited_domestically"], moldova["exploited_abroad"]) == (
        1,
        1,
        None,
    )


def test_unknown_country_code_is_an_error(orgs):
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ISO 3166-1 alpha-3"):
        report(2025, "--country", "XXX")


def test_changed_identity_is_encoded_again(orgs, make_case, persona):
    from kompass.cases.services import update_identity
    from kompass.stats.services import linkage_is_current

    case = make_case(orgs["a"], identity={"given_name": "Vasyl", "surname": "Tkach"})
    refresh_linkage()
    assert linkage_is_current()
    before = CaseEncoding.objects.get(case=case).payload["surname_bf"]
    case.refresh_from_db()
    update_identity(case=case, by=persona("caseworker_a"), expected_version=case.version, surname="Tkachenko")
    assert not linkage_is_current()
    refresh_linkage()
    assert CaseEncoding.objects.get(case=case).payload["surname_bf"] != before
