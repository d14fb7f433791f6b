"""The learnt checker for offers in English, Romanian, Ukrainian, Russian and Serbian.

Features of an offer: the cues of `cues` (warning and mitigating signs, 1/0 each), how far the pay
is above the country's typical wage (log of the ratio, 0 when not judged), and character n-grams
(2–4 letters within words, TF-IDF) of its folded Latin view — Serbian Cyrillic and Latin give the
same n-grams, and n-grams carry across the inflections of one stem. A logistic regression learns
the weights on the labelled set of `bench/data/job_offers_labelled.csv` (its training part) and is
calibrated (sigmoid, 5-fold). The artefact is committed (artefacts/multilingual_model.joblib, a
few hundred KB, pinned scikit-learn) and loaded offline; `manage.py train_multilingual_model`
rebuilds it.

The score shown is the calibrated probability with two rules on top, so that the verdict always
agrees with the reasons shown: a strong sign (documents kept, fees, debts, penalties for leaving)
makes it at least `high`; with no warning sign found it stays below `medium`.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from kompass.recruitment.cues import ALL_CODES, CueHit, Reading, analyse
from kompass.recruitment.folding import views

ARTEFACT_PATH = Path(__file__).resolve().parent / "artefacts" / "multilingual_model.joblib"
ARTEFACT_VERSION = 1
SEED = 20261
DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "job_offers_labelled.csv"

STRONG_FLOOR = 0.75  # at least high (model.HIGH_FROM = 0.6)
NO_SIGN_CEILING = 0.29  # below medium (model.MEDIUM_FROM = 0.3)
WEAK_BELOW = 0.3  # a cue weighing less than this is a weak sign
WEAK_CEILING = 0.59  # below high
MEDIUM_FLOOR = 0.3


@lru_cache(maxsize=512)
def _analysed(text: str):
    """The cues of a text, kept for the few calls that follow (features, then the bounds)."""
    return analyse(text)


def analyse_all(texts: list[str]) -> list[tuple[list[CueHit], Reading]]:
    """Each offer read once (folding, cues, pay), for the features and the bounds of one batch."""
    return [_analysed(t) if len(texts) == 1 else analyse(t) for t in texts]


def latin_view(text: str) -> str:
    return views(text or "")[-1].text


def cue_features(hits: list[CueHit], reading: Reading) -> list[float]:
    found = {hit.code for hit in hits}
    ratio = reading.pay.ratio if reading.pay is not None else 0.0
    return [float(code in found) for code in ALL_CODES] + [math.log1p(ratio)]


class MultilingualFeatures(TransformerMixin, BaseEstimator):
    """Cue indicators and pay ratio (scaled by `cue_weight`) beside character n-grams."""

    def __init__(self, max_features: int = 6000, cue_weight: float = 1.0):
        self.max_features = max_features
        self.cue_weight = cue_weight

    def fit(self, texts, y=None):
        self.vectorizer_ = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 4),
            min_df=2,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.vectorizer_.fit([latin_view(t) for t in texts])
        return self

    def grams(self, latin_texts: list[str]):
        """The TF-IDF matrix of `vectorizer_.transform`, built from the n-grams of each word once.

        Offers share most of their words, so the column numbers of a word's n-grams are kept
        (`_word_columns`) and a text's counts are the sum of its words'. Same figures as the
        vectoriser (a test compares them), several times faster.
        """
        vectorizer = self.vectorizer_
        cache = self.__dict__.get("_word_columns")
        if cache is None or len(cache) > 200_000:
            cache = self.__dict__["_word_columns"] = _WordColumns(vectorizer)
        indptr, indices, values = [0], [], []
        for text in latin_texts:
            counts = Counter(chain.from_iterable(map(cache.__getitem__, text.lower().split())))
            indices.extend(counts)
            values.extend(counts.values())
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(latin_texts), len(vectorizer.vocabulary_)),
        )
        matrix.sort_indices()
        matrix.data = np.log(matrix.data) + 1  # sublinear tf
        matrix = matrix @ sparse.diags(vectorizer.idf_.astype(np.float64))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return (sparse.diags(1 / norms) @ matrix).astype(np.float32).tocsr()

    def transform(self, texts, analysed=None):
        analysed = analysed if analysed is not None else analyse_all(list(texts))
        grams = self.grams([reading.latin for _hits, reading in analysed])
        cues = np.array([cue_features(*a) for a in analysed], dtype=np.float32).reshape(len(texts), -1)
        return sparse.hstack([grams, sparse.csr_matrix(cues * self.cue_weight)], format="csr")


class _WordColumns(dict):
    """word → columns of its n-grams as the "char_wb" analyser cuts them (padded by spaces)."""

    def __init__(self, vectorizer) -> None:
        super().__init__()
        self.vocabulary = vectorizer.vocabulary_
        self.low, self.high = vectorizer.ngram_range

    def __missing__(self, word: str) -> tuple[int, ...]:
        padded = f" {word} "
        columns = []
        for n in range(self.low, self.high + 1):
            if len(padded) < n:
                break
            for offset in range(len(padded) - n + 1):
                column = self.vocabulary.get(padded[offset : offset + n])
                if column is not None:
                    columns.append(column)
        self[word] = tuple(columns)
        return self[word]


def build_model(*, seed: int = SEED) -> Pipeline:
    classifier = LogisticRegression(C=4.0, max_iter=5000, random_state=seed)
    calibrated = CalibratedClassifierCV(
        classifier, method="sigmoid", cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    )
    return Pipeline([("features", MultilingualFeatures()), ("classifier", calibrated)])


def load_labelled(path: Path = DATA, split: str | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if split is None or r["split"] == split]


def train(rows: list[dict], *, seed: int = SEED) -> Pipeline:
    model = build_model(seed=seed)
    model.fit([r["text"] for r in rows], np.array([int(r["label"]) for r in rows]))
    return model


def save(model: Pipeline, path: Path = ARTEFACT_PATH, *, trained_on: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"version": ARTEFACT_VERSION, "model": model, "trained_on": trained_on}, path, compress=3)
    return path


@cache
def load(path: Path = ARTEFACT_PATH) -> Pipeline:
    if not path.exists():
        raise FileNotFoundError(
            f"No multilingual model at {path}. Run `python manage.py train_multilingual_model`."
        )
    bundle = joblib.load(path)
    if bundle.get("version") != ARTEFACT_VERSION:
        raise RuntimeError(
            f"The model at {path} has version {bundle.get('version')}, expected {ARTEFACT_VERSION}."
        )
    return bundle["model"]


def probability(texts: list[str], model: Pipeline | None = None, analysed=None) -> np.ndarray:
    """The calibrated probability of each offer; `analysed` (from `analyse_all`) saves reading them again."""
    model = model or load()
    if not texts:
        return np.zeros(0)
    features = model.named_steps["features"].transform(list(texts), analysed)
    return model.named_steps["classifier"].predict_proba(features)[:, 1]


def bounded(probability_: float, hits: list[CueHit]) -> float:
    """The score shown: the model's probability, kept in the band the signs found allow.

    - a strong sign (documents kept, fees, debts, penalties for leaving): at least high;
    - no warning sign: below medium ("no warning signs found");
    - one sign that is not strong, or only weak ones: never high (a single sign can be a false
      alarm on an ordinary ad); at least medium when that sign weighs as much as a medium one;
    - two or more signs that are not weak: at least medium, as high as the model says.
    """
    warnings = [hit for hit in hits if not hit.mitigating]
    if any(hit.strong for hit in warnings):
        return max(probability_, STRONG_FLOOR)
    if not warnings:
        return min(probability_, NO_SIGN_CEILING)
    medium = [hit for hit in warnings if hit.weight >= WEAK_BELOW]
    if len(medium) >= 2:
        return max(probability_, MEDIUM_FLOOR)
    floor = MEDIUM_FLOOR if medium else 0.0
    return min(max(probability_, floor), WEAK_CEILING)


def score_texts(texts: list[str], model: Pipeline | None = None) -> np.ndarray:
    """The checker's score of each offer (what the page, the API and score_job_offers give)."""
    texts = list(texts)
    analysed = analyse_all(texts)
    probabilities = probability(texts, model, analysed)
    return np.array([bounded(float(p), hits) for p, (hits, _r) in zip(probabilities, analysed, strict=True)])
