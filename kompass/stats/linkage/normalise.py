"""Standardise identity fields before linkage: one Latin spelling for every script.

Names written in Cyrillic are transliterated with the national tables (Ukrainian: Cabinet of
Ministers resolution 55/2010; Russian: ICAO Doc 9303 as used in passports since 2013; Serbian:
the official Gaj Latin alphabet), other scripts go through unidecode. Because the same person is
often written once in Cyrillic and once in a Latin spelling of another tradition (Oleksandr /
Aleksandr, Hryhorii / Grigoriy, Đorđević / Djordjevic), every name also gets a *skeleton*: a
folded key that merges the usual transliteration alternatives.

The tables are in `kompass.lib.translit`.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
from unidecode import unidecode

from kompass.lib.translit import transliterate

# The columns docs/interfaces.md §6 item 4 lists, in that order. `rec_id` is required.
IDENTITY_COLUMNS = (
    "given_name",
    "surname",
    "date_of_birth",
    "sex",
    "citizenship",
    "place_of_birth",
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "soc_sec_id",
    "phone",
)

_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def normalise_text(value: object) -> str:
    """Latin, lower case, no diacritics or punctuation, single spaces; '' for missing."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "null"}:
        return ""
    text = unidecode(transliterate(text)).lower()
    text = _NON_ALNUM.sub(" ", text.replace("'", "").replace("`", ""))
    return _SPACES.sub(" ", text).strip()


# Ordered: longer patterns first. The result is only ever compared, never shown.
_SKELETON_RULES = [
    ("shch", "s"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"),
    ("ts", "c"), ("tz", "c"), ("cz", "c"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("dj", "d"),
    ("dz", "z"), ("y", "i"), ("j", "i"), ("ii", "i"), ("ii", "i"), ("iu", "u"), ("ia", "a"),
    ("ie", "e"), ("io", "o"), ("w", "v"), ("x", "ks"), ("q", "k"), ("h", "g"),
]  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")


def skeleton(normalised: str) -> str:
    """Fold transliteration alternatives together (Hryhorii ≈ Grigoriy ≈ Grigorij)."""
    if not normalised:
        return ""
    out = normalised.replace(" ", "")
    for old, new in _SKELETON_RULES:
        out = out.replace(old, new)
    return _DOUBLE.sub(r"\1", out)


_DIGITS = re.compile(r"\D+")


def normalise_date(value: object) -> str:
    """Date of birth as 8 digits YYYYMMDD ('' when unreadable).

    Accepts YYYYMMDD, ISO (YYYY-MM-DD, with or without time) and DD.MM.YYYY / DD/MM/YYYY.
    Impossible dates (a typo such as 19761331) are kept as digits: they still carry evidence.
    """
    text = normalise_text(value).replace(" ", "-") if not isinstance(value, date) else value.isoformat()
    if not text:
        return ""
    text = text.split("t")[0]
    parts = [p for p in re.split(r"[-./ ]", text) if p]
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]):
        a, b, c = parts[:3]
        if len(a) == 4:
            return f"{a}{b.zfill(2)}{c.zfill(2)}"
        if len(c) == 4:
            return f"{c}{b.zfill(2)}{a.zfill(2)}"
    digits = _DIGITS.sub("", text)
    if len(digits) == 8:
        return digits
    if len(digits) == 4:  # a year alone
        return digits + "0000"
    return ""


_SEX = {
    "f": "f", "female": "f", "woman": "f", "w": "f", "girl": "f", "zhinocha": "f", "zhenskii": "f",
    "zh": "f", "z": "f", "m": "m", "male": "m", "man": "m", "boy": "m", "cholovicha": "m",
    "muzhskoi": "m", "cholovik": "m", "muzhchina": "m", "zhinka": "f", "zhenshchina": "f",
}  # fmt: skip


def normalise_sex(value: object) -> str:
    """'f', 'm' or '' (unknown/other: these carry no linkage evidence)."""
    return _SEX.get(normalise_text(value), "")


def normalise_digits(value: object) -> str:
    text = normalise_text(value)
    return _DIGITS.sub("", text)


def soundex(text: str) -> str:
    """American Soundex of a normalised name ('' for empty)."""
    text = "".join(ch for ch in text if "a" <= ch <= "z")
    if not text:
        return ""
    codes = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3")}
    codes |= {"l": "4", "m": "5", "n": "5", "r": "6"}
    out, last = text[0], codes.get(text[0], "")
    for ch in text[1:]:
        code = codes.get(ch, "")
        if code and code != last:
            out += code
        if ch not in "hw":
            last = code
    return (out + "000")[:4]


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """The standardised linkage frame: `unique_id` (row number), `rec_id` and derived columns.

    Every derived column exists even when its input column is absent (as nulls), so the
    model builder can ask `present(frame, column)`. Missing values are None (NULL in SQL).
    """
    if "rec_id" not in frame.columns:
        raise ValueError("the input has no rec_id column")
    n = len(frame)

    def column(name: str) -> pd.Series:
        if name in frame.columns:
            return frame[name].reset_index(drop=True)
        return pd.Series([None] * n, dtype=object)

    out = pd.DataFrame({"unique_id": range(n), "rec_id": column("rec_id").astype(str)})
    for name in ("given_name", "surname", "place_of_birth", "address_1", "address_2", "suburb", "state"):
        norm = column(name).map(normalise_text)
        out[name] = norm
        if name in {"given_name", "surname", "place_of_birth"}:
            out[f"{name}_sk"] = norm.map(skeleton)
    # Given names with several parts: the first token blocks and compares best.
    out["given_first"] = out["given_name"].map(lambda s: s.split(" ")[0] if s else "")
    out["given_sx"] = out["given_first"].map(lambda s: soundex(skeleton(s)))
    out["surname_sx"] = out["surname"].map(lambda s: soundex(skeleton(s)))
    dob = column("date_of_birth").map(normalise_date)
    out["dob"] = dob
    out["dob_year"] = dob.str[:4]
    out["dob_month"] = dob.str[4:6]
    out["dob_day"] = dob.str[6:8]
    # Day and month swapped (a frequent entry error): same key for 19800305 and 19800503.
    out["dob_dm"] = dob.map(lambda d: d[:4] + "".join(sorted((d[4:6], d[6:8]))) if len(d) == 8 else "")
    out["sex"] = column("sex").map(normalise_sex)
    out["citizenship"] = column("citizenship").map(normalise_text).str.replace(" ", "", regex=False)
    out["street_number"] = column("street_number").map(normalise_text)
    out["postcode"] = column("postcode").map(normalise_text).str.replace(" ", "", regex=False)
    out["soc_sec_id"] = column("soc_sec_id").map(normalise_digits)
    phone = column("phone").map(normalise_digits)
    out["phone"] = phone.map(lambda p: p[-9:] if p else "")  # drop country prefixes
    return out.replace({"": None})


def present(frame: pd.DataFrame, column: str, *, minimum: float = 0.0) -> bool:
    """True when the column has at least one value (and at least `minimum` share filled)."""
    if column not in frame.columns or len(frame) == 0:
        return False
    filled = frame[column].notna().mean()
    return bool(filled > 0 and filled >= minimum)
