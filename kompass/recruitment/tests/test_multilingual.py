"""The learnt multilingual checker: its committed artefact, its bounds, and the acceptance bars of
issue 11 per language on the held-out part of the labelled set (phrasings it was not trained on)."""

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from kompass.recruitment import multilingual
from kompass.recruitment.cues import find_cues
from kompass.recruitment.model import HIGH_FROM, MEDIUM_FROM

LANGUAGES = ("en", "ro", "uk", "ru", "sr")
HANDMADE = Path(__file__).resolve().parents[3] / "bench" / "data" / "job_offers_multilingual.csv"


def test_artefact_is_committed_small_and_loads_offline():
    assert multilingual.ARTEFACT_PATH.exists()
    assert multilingual.ARTEFACT_PATH.stat().st_size < 1_000_000
    model = multilingual.load()
    assert model.predict_proba(["Робота в Польщі"]).shape == (1, 2)


def test_labelled_set_has_sixty_offers_per_language_half_warnings_with_provenance():
    rows = multilingual.load_labelled()
    per_language = Counter(r["language"] for r in rows)
    warnings = Counter(r["language"] for r in rows if r["label"] == "1")
    for language in LANGUAGES:
        assert per_language[language] >= 60
        assert warnings[language] * 2 == per_language[language]
    assert all(r["provenance"].strip() for r in rows)
    assert {r["split"] for r in rows} == {"train", "heldout"}
    serbian = [r["text"] for r in rows if r["language"] == "sr"]
    assert any(any("а" <= c <= "ш" for c in t.lower()) for t in serbian)
    assert any(any(c in "čćžšđ" for c in t.lower()) for t in serbian)


def _bars(rows):
    scores = multilingual.score_texts([r["text"] for r in rows])
    for language in LANGUAGES:
        index = np.array([r["language"] == language for r in rows])
        y = np.array([int(r["label"]) for r in rows])[index]
        score = scores[index]
        yield (
            language,
            roc_auc_score(y, score),
            (score[y == 1] >= MEDIUM_FROM).mean(),
            (score[y == 0] >= HIGH_FROM).mean(),
        )


def test_acceptance_bars_per_language_on_the_held_out_part():
    for language, auc, recall, ordinary_high in _bars(multilingual.load_labelled(split="heldout")):
        assert auc >= 0.9 and recall >= 0.9 and ordinary_high <= 0.10, (language, auc, recall, ordinary_high)


def test_acceptance_bars_per_language_on_the_earlier_hand_made_set():
    with HANDMADE.open(encoding="utf-8") as handle:
        rows = [
            {"language": r["language"], "label": r["risky"], "text": r["text"]}
            for r in csv.DictReader(handle)
        ]
    for language, auc, recall, ordinary_high in _bars(rows):
        assert auc >= 0.9 and recall >= 0.9 and ordinary_high <= 0.10, (language, auc, recall, ordinary_high)


def test_acceptance_bars_per_language_on_the_harder_slice():
    """Offers written after the checker, in other phrasings (bench/data/job_offers_hard.csv)."""
    with (HANDMADE.parent / "job_offers_hard.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert all(sum(r["language"] == lang for r in rows) >= 15 for lang in ("en", "ro", "uk", "ru", "sr"))
    for language, auc, recall, ordinary_high in _bars(rows):
        assert auc >= 0.9 and recall >= 0.9 and ordinary_high <= 0.10, (language, auc, recall, ordinary_high)


def test_the_committed_artefact_is_what_training_gives():
    rows = multilingual.load_labelled(split="train")
    trained = multilingual.train(rows)
    sample = [r["text"] for r in multilingual.load_labelled(split="heldout")[:20]]
    assert np.allclose(trained.predict_proba(sample), multilingual.load().predict_proba(sample), atol=1e-6)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Візьміть з собою паспорт, ми його залишимо у себе на час роботи.", HIGH_FROM, 1.0),
        (
            "Operator producție, Timișoara, 4000 lei net, contract de muncă, CV la hr@firma.ro.",
            0.0,
            MEDIUM_FROM,
        ),
        ("Стажер без опыта в банк: обучение, наставник.", 0.0, HIGH_FROM),
    ],
)
def test_the_score_agrees_with_the_signs_shown(text, low, high):
    (score,) = multilingual.score_texts([text])
    assert low <= score < high or (high == 1.0 and score >= low)
    hits = find_cues(text)
    assert multilingual.bounded(0.95, []) <= multilingual.NO_SIGN_CEILING
    assert multilingual.bounded(0.1, [h for h in hits if h.strong] or hits) >= 0.0


def test_score_job_offers_scores_offers_in_every_language(tmp_path):
    from django.core.management import call_command

    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    offers = [
        ("1", "Робота в Польщі", "Візьміть з собою паспорт, ми його залишимо у себе на час роботи."),
        ("2", "Работа в Польше", "Стоимость билета вычтем из первой зарплаты. Пишите в Telegram @job_pl."),
        ("3", "Posao u Nemačkoj", "Potrebno je uplatiti depozit od 150 evra za vizu."),
        (
            "4",
            "Operator producție",
            "Timișoara, 4000 lei net, contract de muncă, trimite CV-ul la hr@firma.ro.",
        ),
        (
            "5",
            "Оператор виробництва",
            "Київ, 18000 грн на місяць, графік 09-18, офіційне працевлаштування, резюме на hr@firma.ua.",
        ),
    ]
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["job_id", "title", "description"])
        writer.writerows(offers)
    call_command("score_job_offers", str(source), "--out", str(out))
    with out.open(encoding="utf-8") as handle:
        risks = {row["job_id"]: row["risk"] for row in csv.DictReader(handle)}
    assert risks == {"1": "high", "2": "high", "3": "high", "4": "low", "5": "low"}


def test_word_cached_n_grams_equal_the_vectoriser():
    """The fast n-gram counting gives the figures of the fitted TfidfVectorizer itself."""
    features = multilingual.load().named_steps["features"]
    texts = [multilingual.latin_view(r["text"]) for r in multilingual.load_labelled()[:200]]
    texts += ["", "a", "  x  y\n\tz ", "Пасош — ђак"]
    expected = features.vectorizer_.transform(texts)
    assert abs(features.grams(texts) - expected).max() < 1e-6
    assert features.grams(texts).shape == expected.shape
