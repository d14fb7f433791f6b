"""The hand-made multilingual set of the benchmark: its shape, and a floor for the rule cues on it."""

import csv
from collections import Counter
from pathlib import Path

from kompass.recruitment.cues import CUE_CODES, cue_score, find_cues

DATA = Path(__file__).resolve().parents[3] / "bench" / "data" / "job_offers_multilingual.csv"


def _rows():
    with DATA.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_at_least_twenty_offers_per_language_half_risky():
    rows = _rows()
    per_language = Counter(r["language"] for r in rows)
    risky = Counter(r["language"] for r in rows if r["risky"] == "1")
    for language in ("en", "uk", "ru", "ro", "sr"):
        assert per_language[language] >= 20
        assert risky[language] * 2 == per_language[language]
    assert all(set(filter(None, r["expected_cues"].split(";"))) <= set(CUE_CODES) for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_serbian_offers_in_both_scripts():
    serbian = [r["text"] for r in _rows() if r["language"] == "sr"]
    assert sum(any("а" <= c <= "ш" for c in t.lower()) for t in serbian) >= 5
    assert sum(t.isascii() or not any("а" <= c <= "ш" for c in t.lower()) for t in serbian) >= 5


def test_cues_separate_risky_from_harmless_in_every_language():
    by_language: dict[str, list[tuple[int, int]]] = {}
    for row in _rows():
        predicted = int(cue_score(find_cues(row["text"])) >= 0.3)
        by_language.setdefault(row["language"], []).append((int(row["risky"]), predicted))
    for language, pairs in by_language.items():
        correct = sum(truth == predicted for truth, predicted in pairs)
        assert correct / len(pairs) >= 0.9, language
