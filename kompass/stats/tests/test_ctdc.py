"""CTDC export (27 columns, CTDC codes, k-anonymous) and import (all or nothing)."""

import csv
import datetime
import io
import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from kompass.cases.models import Case
from kompass.organisations.models import Organisation
from kompass.stats import ctdc

HEADER = ",".join(ctdc.COLUMNS)


def export(*args) -> list[dict]:
    out = io.StringIO()
    call_command("export_ctdc", *args, stdout=out, stderr=io.StringIO())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def row(**values) -> str:
    base = dict.fromkeys(ctdc.COLUMNS, "")
    base.update(yearOfRegistration="2024", gender="Woman", ageBroad="18--20", citizenship="ROU")
    base.update(values)
    return ",".join(base[c] for c in ctdc.COLUMNS)


def write(tmp_path, *lines, header=HEADER):
    path = tmp_path / "in.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_export_has_the_27_columns_and_ctdc_codes(orgs, make_case):
    for i in range(6):
        make_case(
            orgs["a"],
            sex="female",
            age_at_identification=19,
            citizenship="ROU",
            country_of_exploitation="ITA",
            is_sexual_exploitation=True,
            trafficking_months=14,
            recruiter_relation="intimate_partner",
            means_threats=i % 2 == 0,
        )
    out = io.StringIO()
    call_command("export_ctdc", stdout=out, stderr=io.StringIO())
    header = out.getvalue().splitlines()[0].split(",")
    assert tuple(header) == ctdc.COLUMNS and len(header) == 27
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 6
    first = rows[0]
    assert (
        first["gender"] == "Woman"
        and first["ageBroad"] == "18--20"
        and first["traffickMonths"] == "13--24 (1-2 yrs)"
    )
    assert first["isSexualExploit"] == "1" and first["isForcedLabour"] == ""
    assert first["recruiterRelationIntimatePartner"] == "1" and first["CountryOfExploitation"] == "ITA"
    for r in rows:
        assert r["gender"] in {"Woman", "Man", "Trans/Transgender/NonConforming", ""}
        assert r["ageBroad"] in {*ctdc.AGE_BROAD, ""}
        for column in (*ctdc.BINARY, *ctdc.RELATION):
            assert r[column] in {"1", ""}


def test_export_is_k_anonymous(orgs, make_case):
    # Five alike, two with rare citizenships, one rare in every respect.
    for _ in range(5):
        make_case(orgs["a"], sex="female", age_at_identification=25, citizenship="ROU")
    make_case(orgs["a"], sex="female", age_at_identification=25, citizenship="NGA")
    make_case(orgs["a"], sex="female", age_at_identification=25, citizenship="VNM")
    make_case(
        orgs["a"],
        sex="male",
        age_at_identification=70,
        citizenship="BRA",
        identified_on=datetime.date(2019, 1, 1),
    )
    rows = export("--k", "5")
    counts = Counter(tuple(r[q] for q in ctdc.QUASI_IDENTIFIERS) for r in rows)
    assert min(counts.values()) >= 5
    assert "NGA" not in {r["citizenship"] for r in rows}
    assert "BRA" not in {r["citizenship"] for r in rows}


def test_k_anonymise_generalises_before_dropping():
    base = dict.fromkeys(ctdc.COLUMNS, "")
    rows = [
        dict(base, yearOfRegistration="2024", gender="Woman", citizenship=c)
        for c in ["ROU"] * 3 + ["MDA", "UKR"]
    ]
    kept, dropped = ctdc.k_anonymise(rows, k=2)
    assert dropped == 0
    assert Counter(r["citizenship"] for r in kept) == {"ROU": 3, "": 2}


def test_import_creates_anonymous_cases_and_the_organisation(tmp_path, orgs):
    path = write(
        tmp_path,
        row(isForcedLabour="1", typeOfLabourAgriculture="1"),
        row(gender="Man", ageBroad="48+", citizenship="", traffickMonths="25+"),
    )
    call_command("import_ctdc", str(path), "--organisation", "Imported NGO", stdout=io.StringIO())
    organisation = Organisation.objects.get(name="Imported NGO")
    cases = Case.objects.filter(owner=organisation).order_by("id")
    assert [c.is_anonymous for c in cases] == [True, True]
    first, second = cases
    assert first.identified_on.year == 2024 and first.sex == "female" and first.age_band == "18--20"
    assert first.is_forced_labour and first.labour_agriculture and not first.is_sexual_exploitation
    assert (
        second.sex == "male"
        and second.age_band == "48+"
        and second.citizenship == ""
        and second.trafficking_months == 25
    )
    assert not hasattr(first, "identity") or first.identity is None


@pytest.mark.parametrize(
    ("bad", "line"),
    [
        (row(gender="Female"), 3),
        (row(ageBroad="18-20"), 3),
        (row(citizenship="RO"), 3),
        (row(isForcedLabour="yes"), 3),
        (row(yearOfRegistration=""), 3),
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(tmp_path, orgs, bad, line):
    path = write(tmp_path, row(), bad, row())
    with pytest.raises(CommandError, match=f"line {line}"):
        call_command("import_ctdc", str(path), "--organisation", "Organisation A")
    assert Case.objects.count() == 0


def test_unknown_columns_are_an_error(tmp_path, orgs):
    path = write(tmp_path, row() + ",x", header=HEADER + ",extra")
    with pytest.raises(CommandError, match="line 1"):
        call_command("import_ctdc", str(path), "--organisation", "Organisation A")


def test_export_then_import_round_trip(tmp_path, orgs, make_case):
    for _ in range(5):
        make_case(orgs["a"], sex="male", age_at_identification=33, citizenship="MDA", is_forced_labour=True)
    out = tmp_path / "ctdc.csv"
    call_command("export_ctdc", str(out), stderr=io.StringIO())
    call_command("import_ctdc", str(out), "--organisation", "Copy", stdout=io.StringIO())
    copies = Case.objects.filter(owner__name="Copy")
    assert copies.count() == 5
    assert {(c.sex, c.age_band, c.citizenship, c.is_forced_labour) for c in copies} == {
        ("male", "30--38", "MDA", True)
    }


def test_export_writes_ctdc_spellings(orgs, make_case):
    for months in (3, 20, 40):
        for _ in range(5):
            make_case(orgs["a"], sex="female", age_at_identification=15, trafficking_months=months)
    rows = export("--k", "5")
    assert {r["ageBroad"] for r in rows} == {"09--17"}
    assert Counter(r["traffickMonths"] for r in rows) == {
        "0--12 (0-1 yr)": 5,
        "13--24 (1-2 yrs)": 5,
        "25+ (2+ yrs)": 5,
    }


@pytest.mark.parametrize(
    ("age", "months", "band", "stored"),
    [
        ("09--17", "0--12 (0-1 yr)", "09--17", 12),
        ("9--17", "0--12", "09--17", 12),
        ("30--38", "13--24 (1-2 yrs)", "30--38", 24),
        ("30--38", "13--24", "30--38", 24),
        ("48+", "25+ (2+ yrs)", "48+", 25),
        ("48+", "25+", "48+", 25),
    ],
)
def test_import_accepts_both_spellings(tmp_path, orgs, age, months, band, stored):
    path = write(tmp_path, row(ageBroad=age, traffickMonths=months))
    call_command("import_ctdc", str(path), "--organisation", "Imported NGO", stdout=io.StringIO())
    case = Case.objects.get(owner__name="Imported NGO")
    assert case.age_band == band and case.trafficking_months == stored


@pytest.mark.parametrize("bad", [row(ageBroad="9-17"), row(traffickMonths="0--12 (0-1 years)")])
def test_near_miss_spellings_are_still_errors(tmp_path, orgs, bad):
    path = write(tmp_path, bad)
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_ctdc", str(path), "--organisation", "Organisation A")
    assert Case.objects.count() == 0


def test_ctdc_rows_give_exact_counts_in_nrm_statistics(tmp_path, orgs):
    """Rows as CTDC's own v2024 file writes them, counted by the annual report."""
    lines = (
        [row(gender="Woman", ageBroad="09--17", citizenship="ROU", CountryOfExploitation="ROU",
             traffickMonths="0--12 (0-1 yr)", isSexualExploit="1")] * 7
        + [row(gender="Man", ageBroad="30--38", citizenship="MDA", CountryOfExploitation="ITA",
               traffickMonths="13--24 (1-2 yrs)", isForcedLabour="1")] * 6
        + [row(gender="Trans/Transgender/NonConforming", ageBroad="", citizenship="",
               CountryOfExploitation="", traffickMonths="25+ (2+ yrs)", isOtherExploit="1",
               isForcedLabour="1")] * 5
        + [row(gender="", ageBroad="48+", citizenship="UKR", CountryOfExploitation="DEU",
               isSexualExploit="1")] * 5
        + [row(yearOfRegistration="2023", ageBroad="09--17")] * 9
    )  # fmt: skip
    path = write(tmp_path, *lines)
    call_command("import_ctdc", str(path), "--organisation", "Imported NGO", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "nrm_statistics", "--year", "2024", "--format", "json", "--country", "ROU", stdout=out,
        stderr=io.StringIO(),
    )  # fmt: skip
    report = json.loads(out.getvalue())
    expected = {
        "by_sex": {"female": 7, "male": 6, "other": 5, "unknown": 5},
        "by_age_group": {"09--17": 7, "30--38": 6, "48+": 5, "unknown": 5},
        "by_citizenship": {"ROU": 7, "MDA": 6, "UKR": 5, "unknown": 5},
        "by_exploitation": {"sexual": 12, "forced_labour": 11, "other": 5},
    }
    assert report["victims"] == 23
    assert report["exploited_domestically"] == 7 and report["exploited_abroad"] == 11
    withheld = 0
    for group, cells in expected.items():
        for key, value in report[group].items():
            # Disclosure control may withhold a cell (null), never publish a wrong number.
            assert value in (None, cells.get(key, 0)), (group, key, value)
            withheld += value is None
    assert report["by_sex"] == expected["by_sex"] and report["by_exploitation"] == expected["by_exploitation"]
    assert report["by_age_group"]["09--17"] == 7 and report["by_age_group"]["30--38"] == 6
    assert report["suppressed_cells"] >= withheld
