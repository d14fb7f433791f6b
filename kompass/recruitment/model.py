"""The statistical job-offer classifier: text features, rule cues and structured fields.

Trained on the EMSCAD dev split (`manage.py train_job_model`), saved with joblib under
`artefacts/`, loaded offline. Input is a pandas DataFrame in the EMSCAD column layout; any column
may be missing. A missing column is *unknown* and its structured features take the training mean,
whereas an empty cell in a present column means "empty in the ad" (as in EMSCAD).

Deliberately not used: `job_id` and `location`. In the copy of EMSCAD we train on, `location` is
empty for job_id ≤ 499 only because of how the copy was made, and those rows are nearly all real;
either column would teach the model the copy, not the fraud. `department` is not part of the
fixed scoring interface (docs/interfaces.md §6 item 6) and is ignored too.
"""

from __future__ import annotations

import html
import math
import re
from functools import cache
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from kompass.recruitment.cues import ALL_CODES, cue_vector

ARTEFACT_PATH = Path(__file__).resolve().parent / "artefacts" / "job_offer_model.joblib"
ARTEFACT_VERSION = 1
SEED = 20260
DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "emscad"
DEV_SPLIT = DATA_DIR / "emscad_dev.csv.gz"

TEXT_FIELDS = ("title", "company_profile", "description", "requirements", "benefits", "salary_range")
# The offer itself, where the cues are looked for (a company profile describes the company).
OFFER_FIELDS = ("title", "description", "requirements", "benefits", "salary_range")
CATEGORY_FIELDS = ("employment_type", "required_experience", "required_education", "industry", "function")
FLAG_FIELDS = ("telecommuting", "has_company_logo", "has_questions")
USED_COLUMNS = TEXT_FIELDS + CATEGORY_FIELDS + FLAG_FIELDS

# Risk bands on the calibrated probability (documented in docs/api.md and the command's help).
MEDIUM_FROM = 0.3
HIGH_FROM = 0.6

_PLACEHOLDER = re.compile(r"#(URL|EMAIL|PHONE)_[0-9a-f]+#")


def risk_band(score: float) -> str:
    if score >= HIGH_FROM:
        return "high"
    if score >= MEDIUM_FROM:
        return "medium"
    return "low"


def clean_text(value: object) -> str:
    """EMSCAD cell → plain text: entities decoded, link/e-mail/phone placeholders named."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = html.unescape(str(value)).replace("\xa0", " ")
    return _PLACEHOLDER.sub(lambda m: f" {m.group(1).lower()}placeholder ", text)


def _column(frame: pd.DataFrame, name: str) -> list[str] | None:
    if name not in frame.columns:
        return None
    return [clean_text(v) for v in frame[name].tolist()]


def _joined(frame: pd.DataFrame, fields: tuple[str, ...]) -> list[str]:
    columns = [c for c in (_column(frame, f) for f in fields) if c is not None]
    if not columns:
        return [""] * len(frame)
    return [" \n ".join(parts) for parts in zip(*columns, strict=True)]


class OfferFeatures(TransformerMixin, BaseEstimator):
    """Sparse features: word TF-IDF of all text, cue indicators, structured fields (scaled)."""

    def __init__(
        self,
        max_features: int = 20000,
        min_category_count: int = 5,
        dense_weight: float = 0.05,
        use_cues: bool = False,
    ):
        self.max_features = max_features
        # The rule cues as features: off since issue 11 — on EMSCAD they add nothing measurable to the
        # text features (bench/bench_recruitment.py) and scanning long ads for them costs the 1,000
        # ads per second; the cues now feed the multilingual checker (multilingual.py) instead.
        self.use_cues = use_cues
        self.min_category_count = min_category_count
        # Standardised structured features are scaled down so they do not drown the text; chosen by
        # cross-validation on the dev split (0.05 of a standard deviation per unit).
        self.dense_weight = dense_weight

    # -- structured block -------------------------------------------------------------------
    def _raw_structured(self, frame: pd.DataFrame, offer_texts: list[str]) -> np.ndarray:
        n = len(frame)
        columns: list[np.ndarray] = []
        for name in FLAG_FIELDS:
            if name in frame.columns:
                values = pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)
                columns.append(np.where(np.isin(values, (0.0, 1.0)), values, np.nan))
            else:
                columns.append(np.full(n, np.nan))
        for name in TEXT_FIELDS:
            texts = _column(frame, name)
            if texts is None:
                columns.extend([np.full(n, np.nan), np.full(n, np.nan)])
            else:
                columns.append(np.array([float(not t.strip()) for t in texts]))
                columns.append(np.array([math.log1p(len(t)) for t in texts]))
        for name in CATEGORY_FIELDS:
            known = self.categories_[name]
            if name not in frame.columns:
                columns.extend(np.full(n, np.nan) for _ in range(len(known) + 1))
                continue
            values = [clean_text(v).strip().lower() for v in frame[name].tolist()]
            for category in known:
                columns.append(np.array([float(v == category) for v in values]))
            columns.append(np.array([float(v != "" and v not in known) for v in values]))
        if self.use_cues:
            columns.extend(
                np.array([cue_vector(t) for t in offer_texts], dtype=float).reshape(n, len(ALL_CODES)).T
            )
        return np.column_stack(columns) if n else np.zeros((0, self.n_structured_))

    def fit(self, frame: pd.DataFrame, y=None):
        self.categories_ = {}
        for name in CATEGORY_FIELDS:
            counts = pd.Series([clean_text(v).strip().lower() for v in frame.get(name, pd.Series(dtype=str))])
            counts = counts[counts != ""].value_counts()
            self.categories_[name] = tuple(sorted(counts[counts >= self.min_category_count].index))
        self.vectorizer_ = TfidfVectorizer(
            lowercase=True,
            ngram_range=(1, 2),
            min_df=2,
            max_df=0.9,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.vectorizer_.fit(_joined(frame, TEXT_FIELDS))
        self.n_structured_ = 3 + 2 * len(TEXT_FIELDS) + sum(len(v) + 1 for v in self.categories_.values())
        self.n_structured_ += len(ALL_CODES) if self.use_cues else 0
        raw = self._raw_structured(frame, _joined(frame, OFFER_FIELDS))
        self.means_ = np.nanmean(raw, axis=0)
        self.means_ = np.where(np.isnan(self.means_), 0.0, self.means_)
        std = np.nanstd(raw, axis=0)
        self.scales_ = np.where(std > 1e-9, std, 1.0)
        return self

    def transform(self, frame: pd.DataFrame):
        text = self.vectorizer_.transform(_joined(frame, TEXT_FIELDS))
        raw = self._raw_structured(frame, _joined(frame, OFFER_FIELDS))
        raw = np.where(np.isnan(raw), self.means_, raw)
        dense = (raw - self.means_) / self.scales_ * self.dense_weight
        return sparse.hstack([text, sparse.csr_matrix(dense.astype(np.float32))], format="csr")

    def feature_names(self) -> list[str]:
        names = [f"word:{w}" for w in self.vectorizer_.get_feature_names_out()]
        names += [f"flag:{f}" for f in FLAG_FIELDS]
        for f in TEXT_FIELDS:
            names += [f"empty:{f}", f"length:{f}"]
        for f in CATEGORY_FIELDS:
            names += [f"{f}:{c}" for c in self.categories_[f]] + [f"{f}:other"]
        names += [f"cue:{c}" for c in ALL_CODES] if self.use_cues else []
        return names


def build_model(*, seed: int = SEED) -> Pipeline:
    classifier = LogisticRegression(C=32.0, max_iter=5000, solver="liblinear", random_state=seed)
    calibrated = CalibratedClassifierCV(
        classifier, method="sigmoid", cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    )
    return Pipeline([("features", OfferFeatures()), ("classifier", calibrated)])


def build_baseline(*, seed: int = SEED) -> Pipeline:
    """The plain baseline the benchmark compares against: TF-IDF of the text + logistic regression."""

    class _Text(TransformerMixin, BaseEstimator):
        def fit(self, frame, y=None):
            return self

        def transform(self, frame):
            return _joined(frame, TEXT_FIELDS)

    return Pipeline(
        [
            ("text", _Text()),
            ("tfidf", TfidfVectorizer()),
            ("classifier", LogisticRegression(max_iter=2000, random_state=seed)),
        ]
    )


def load_dev_split(path: Path = DEV_SPLIT) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"job_id": "int64"}, keep_default_na=True)


def train(frame: pd.DataFrame, *, seed: int = SEED) -> Pipeline:
    model = build_model(seed=seed)
    model.fit(frame, frame["fraudulent"].astype(int).to_numpy())
    return model


def save(model: Pipeline, path: Path = ARTEFACT_PATH, *, trained_on: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"version": ARTEFACT_VERSION, "model": model, "trained_on": trained_on}, path, compress=3)
    return path


@cache
def load(path: Path = ARTEFACT_PATH) -> Pipeline:
    """The trained model, loaded once per process, from the committed artefact (no network)."""
    if not path.exists():
        raise FileNotFoundError(
            f"No trained job-offer model at {path}. Run `python manage.py train_job_model` first."
        )
    bundle = joblib.load(path)
    if bundle.get("version") != ARTEFACT_VERSION:
        raise RuntimeError(
            f"The model at {path} has version {bundle.get('version')}, expected {ARTEFACT_VERSION}."
        )
    return bundle["model"]


def score_frame(frame: pd.DataFrame, model: Pipeline | None = None) -> np.ndarray:
    """Calibrated probability that each offer is fraudulent or exploitative."""
    model = model or load()
    if len(frame) == 0:
        return np.zeros(0)
    return model.predict_proba(frame)[:, 1]


def top_terms(frame_row: pd.DataFrame, model: Pipeline | None = None, *, limit: int = 5) -> list[str]:
    """Words of the offer that push the model most towards "fraudulent" (its evidence)."""
    model = model or load()
    features: OfferFeatures = model.named_steps["features"]
    calibrated: CalibratedClassifierCV = model.named_steps["classifier"]
    coef = np.mean([c.estimator.coef_[0] for c in calibrated.calibrated_classifiers_], axis=0)
    words = features.vectorizer_.transform(_joined(frame_row, TEXT_FIELDS))
    row = words.tocoo()
    contributions = sorted(
        ((float(value * coef[col]), int(col)) for col, value in zip(row.col, row.data, strict=True)),
        reverse=True,
    )
    vocabulary = features.vectorizer_.get_feature_names_out()
    # Short single words ("no", "job") mean little on their own; keep telling words and phrases.
    telling = [
        str(vocabulary[col])
        for weight, col in contributions
        if weight > 0 and (" " in vocabulary[col] or len(vocabulary[col]) >= 4)
    ]
    return telling[:limit]
