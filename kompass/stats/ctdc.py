"""The CTDC global dataset format (v2024, 27 columns; docs/interfaces.md §3): export and import.

The export has one row per person (linked cases merged), values written as CTDC writes them,
and is k-anonymous on the quasi-identifiers: rows whose combination is rarer than k are
generalised (citizenship, then country of exploitation, then age, then gender blanked = unknown)
and, when still rare, left out.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kompass.cases.codes import AGE_BANDS, age_band
from kompass.stats import countries

COLUMNS = (
    "yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "traffickMonths",
    "meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansFalsePromises",
    "meansDrugsAlcohol", "meansDenyBasicNeeds", "meansExcessiveWorkHours", "meansWithholdDocs",
    "isForcedLabour", "isSexualExploit", "isOtherExploit", "typeOfLabourAgriculture",
    "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
    "typeOfSexProstitution", "typeOfSexPornography", "recruiterRelationIntimatePartner",
    "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther",
)  # fmt: skip
QUASI_IDENTIFIERS = ("yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation")
# Generalisation order: the attribute blanked first when a combination is too rare.
GENERALISE = ("citizenship", "CountryOfExploitation", "ageBroad", "gender")
DEFAULT_K = 5

GENDER = {"female": "Woman", "male": "Man", "other": "Trans/Transgender/NonConforming", "unknown": ""}
SEX_OF_GENDER = {v: k for k, v in GENDER.items()}
AGE_BROAD = tuple(label for _, label in reversed(AGE_BANDS))
AGE_OF_BAND = {label: lowest for lowest, label in AGE_BANDS}
# traffickMonths as CTDC v2024 writes it, and the value a case stores for each band.
MONTHS = {"0--12 (0-1 yr)": 12, "13--24 (1-2 yrs)": 24, "25+ (2+ yrs)": 25}
# Earlier spellings (docs/interfaces.md §3 before its 2026-12 correction) still accepted on import;
# exports write only CTDC's own.
ALIASES = {
    "ageBroad": {"9--17": "09--17"},
    "traffickMonths": {"0--12": "0--12 (0-1 yr)", "13--24": "13--24 (1-2 yrs)", "25+": "25+ (2+ yrs)"},
}
BINARY = {
    "meansDebtBondageEarnings": "means_debt_bondage",
    "meansThreats": "means_threats",
    "meansAbusePsyPhySex": "means_abuse",
    "meansFalsePromises": "means_false_promises",
    "meansDrugsAlcohol": "means_drugs_alcohol",
    "meansDenyBasicNeeds": "means_deny_basic_needs",
    "meansExcessiveWorkHours": "means_excessive_hours",
    "meansWithholdDocs": "means_withhold_docs",
    "isForcedLabour": "is_forced_labour",
    "isSexualExploit": "is_sexual_exploitation",
    "isOtherExploit": "is_other_exploitation",
    "typeOfLabourAgriculture": "labour_agriculture",
    "typeOfLabourConstruction": "labour_construction",
    "typeOfLabourDomesticWork": "labour_domestic_work",
    "typeOfLabourHospitality": "labour_hospitality",
    "typeOfSexProstitution": "sex_prostitution",
    "typeOfSexPornography": "sex_pornography",
}
RELATION = {
    "recruiterRelationIntimatePartner": "intimate_partner",
    "recruiterRelationFriend": "friend",
    "recruiterRelationFamily": "family",
    "recruiterRelationOther": "other",
}


def months_band(months: int | None) -> str:
    if months is None:
        return ""
    if months <= 12:
        return "0--12 (0-1 yr)"
    return "13--24 (1-2 yrs)" if months <= 24 else "25+ (2+ yrs)"


def case_row(case) -> dict[str, str]:
    """One case as a CTDC row (before anonymisation)."""
    row = {
        "yearOfRegistration": str(case.identified_on.year) if case.identified_on else "",
        "gender": GENDER.get(case.sex, ""),
        "ageBroad": case.age_band,
        "citizenship": case.citizenship,
        "CountryOfExploitation": case.country_of_exploitation,
        "traffickMonths": months_band(case.trafficking_months),
    }
    for column, attr in BINARY.items():
        row[column] = "1" if getattr(case, attr) else ""
    for column, relation in RELATION.items():
        row[column] = "1" if case.recruiter_relation == relation else ""
    return row


def merge_rows(rows: list[dict[str, str]]) -> dict[str, str]:
    """One person's cases (earliest first) as one row: first known value, any flag set."""
    merged = dict(rows[0])
    for row in rows[1:]:
        for column in COLUMNS:
            if column in BINARY or column in RELATION:
                merged[column] = "1" if (merged[column] or row[column]) else ""
            elif not merged[column]:
                merged[column] = row[column]
    return merged


def k_anonymise(rows: list[dict[str, str]], *, k: int = DEFAULT_K) -> tuple[list[dict[str, str]], int]:
    """Generalise rare quasi-identifier combinations; drop rows still rarer than k.

    Returns the rows and how many were left out.
    """
    rows = [dict(r) for r in rows]

    def key(row):
        return tuple(row[q] for q in QUASI_IDENTIFIERS)

    for column in GENERALISE:
        counts = Counter(key(r) for r in rows)
        for row in rows:
            if counts[key(row)] < k:
                row[column] = ""
    counts = Counter(key(r) for r in rows)
    kept = [r for r in rows if counts[key(r)] >= k]
    return kept, len(rows) - len(kept)


def export_rows(*, k: int = DEFAULT_K, year: int | None = None, country2: str | None = None):
    """Rows of all victims (one per person), k-anonymised; returns (rows, left_out)."""
    from kompass.cases.models import Case

    cases = Case.objects.exclude(trafficking_status="not_a_victim").select_related("encoding")
    if country2:
        cases = cases.filter(country=country2)
    persons: dict[object, list] = {}
    for case in cases.order_by("identified_on", "id").iterator(chunk_size=2000):
        encoding = getattr(case, "encoding", None)
        person = encoding.person_id if encoding and encoding.person_id else f"case{case.pk}"
        persons.setdefault(person, []).append(case_row(case))
    rows = [merge_rows(r) for r in persons.values()]
    if year:
        rows = [r for r in rows if r["yearOfRegistration"] == str(year)]
    return k_anonymise(rows, k=k)


def write_csv(rows, handle) -> None:
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


@dataclass
class RowError(Exception):
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


def parse(text: str) -> list[dict]:
    """Validate a CTDC CSV; returns case attributes per row or raises RowError (line numbers 1-based)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing columns: %(cols)s") % {"cols": ", ".join(missing)})
        if unknown:
            parts.append(_("unknown columns: %(cols)s") % {"cols": ", ".join(unknown)})
        raise RowError(1, "; ".join(parts))
    reader.fieldnames = header
    out = []
    for number, raw in enumerate(reader, start=2):
        if None in raw:
            raise RowError(number, _("more values than columns"))
        row = {k: (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        out.append(parse_row(row, number))
    return out


def parse_row(row: dict[str, str], line: int) -> dict:
    def fail(column, value):
        raise RowError(line, _("%(column)s: invalid value %(value)r") % {"column": column, "value": value})

    for column, aliases in ALIASES.items():
        row[column] = aliases.get(row[column], row[column])

    year = row["yearOfRegistration"]
    if not (year.isdigit() and 1900 <= int(year) <= 2100):
        fail("yearOfRegistration", year)
    if row["gender"] not in SEX_OF_GENDER:
        fail("gender", row["gender"])
    if row["ageBroad"] and row["ageBroad"] not in AGE_OF_BAND:
        fail("ageBroad", row["ageBroad"])
    if row["traffickMonths"] and row["traffickMonths"] not in MONTHS:
        fail("traffickMonths", row["traffickMonths"])
    for column in ("citizenship", "CountryOfExploitation"):
        if row[column] and not countries.is_alpha3(row[column]):
            fail(column, row[column])
    for column in (*BINARY, *RELATION):
        if row[column] not in ("", "0", "1"):
            fail(column, row[column])
    attrs = {
        "identified_on_year": int(year),
        "sex": SEX_OF_GENDER[row["gender"]],
        "age_at_identification": AGE_OF_BAND.get(row["ageBroad"]),
        "citizenship": row["citizenship"],
        "country_of_exploitation": row["CountryOfExploitation"],
        "trafficking_months": MONTHS.get(row["traffickMonths"]),
        "recruiter_relation": next((rel for col, rel in RELATION.items() if row[col] == "1"), ""),
    }
    for column, attr in BINARY.items():
        attrs[attr] = row[column] == "1"
    assert age_band(attrs["age_at_identification"]) == row["ageBroad"]  # noqa: S101 — invariant of the table
    return attrs
