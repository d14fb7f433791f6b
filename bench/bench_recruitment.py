"""Job-offer checker benchmark: classifier vs a plain TF-IDF + logistic-regression baseline, and the
rule cues on a hand-made multilingual set.

    python bench/bench_recruitment.py

1. EMSCAD dev split, 5-fold stratified cross-validation (fixed seed), both models in the same run:
   ROC-AUC and F1 of the fraudulent class (threshold 0.5), on the balanced dev subset as it is and
   re-weighted to EMSCAD's real base rate (each real ad weighs 17014/823), plus the AUC on the ads
   with job_id > 499 only (the part of the copy where `location` was kept; a leak check).
2. Scoring speed on one core: ads per second of CPU time, the process pinned to one CPU and BLAS
   limited to one thread.
3. The rule cues alone on bench/data/job_offers_multilingual.csv (20 offers per language, half
   risky): per-language precision and recall of "risky" (cue score >= 0.3), per-cue precision and
   recall over all languages.
"""

import csv
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

# One thread for BLAS, set before numpy is imported: the speed figure is for one core.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
os.environ.setdefault("KOMPASS_DEBUG", "1")

import django  # noqa: E402

django.setup()

from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from kompass.recruitment import model as job_model  # noqa: E402
from kompass.recruitment.cues import CUE_CODES, cue_score, find_cues  # noqa: E402

MULTILINGUAL = REPO / "bench" / "data" / "job_offers_multilingual.csv"
REAL_WEIGHT = 17014 / 823  # EMSCAD's real ads per real ad in this copy
CV_SEED = 7


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def cross_validate(frame, y):
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=CV_SEED)
    out = {"baseline": np.zeros(len(y)), "model": np.zeros(len(y))}
    for train, test in folds.split(frame, y):
        for name, build in (("baseline", job_model.build_baseline), ("model", job_model.build_model)):
            estimator = build()
            estimator.fit(frame.iloc[train], y[train])
            out[name][test] = estimator.predict_proba(frame.iloc[test])[:, 1]
    return out


def metrics(y, p, mask):
    weights = np.where(y == 1, 1.0, REAL_WEIGHT)
    return {
        "auc": roc_auc_score(y, p),
        "f1": f1_score(y, p >= 0.5),
        "auc_w": roc_auc_score(y, p, sample_weight=weights),
        "f1_w": f1_score(y, p >= 0.5, sample_weight=weights),
        "auc_gt499": roc_auc_score(y[mask], p[mask]),
    }


def throughput(estimator, frame, repeats: int = 3) -> float:
    best = 0.0
    for _ in range(repeats):
        start = time.process_time()
        estimator.predict_proba(frame)
        best = max(best, len(frame) / (time.process_time() - start))
    return best


def multilingual_cues():
    rows = list(csv.DictReader(MULTILINGUAL.open(encoding="utf-8")))
    by_language = defaultdict(lambda: ([], []))
    cue_truth, cue_found = defaultdict(list), defaultdict(list)
    for row in rows:
        hits = find_cues(row["text"])
        truth, predicted = by_language[row["language"]]
        truth.append(int(row["risky"]))
        predicted.append(int(cue_score(hits) >= job_model.MEDIUM_FROM))
        expected = set(filter(None, row["expected_cues"].split(";")))
        found = {hit.code for hit in hits}
        for code in CUE_CODES:
            cue_truth[code].append(int(code in expected))
            cue_found[code].append(int(code in found))
    return rows, by_language, cue_truth, cue_found


def main() -> None:
    started = time.time()
    pinned = pin_to_one_core()
    frame = job_model.load_dev_split()
    y = frame["fraudulent"].astype(int).to_numpy()
    mask = frame["job_id"].to_numpy() > 499
    print(f"EMSCAD dev split: {len(frame)} ads, {y.sum()} fraudulent; 5-fold stratified CV, seed {CV_SEED}")
    oof = cross_validate(frame, y)
    results = {name: metrics(y, p, mask) for name, p in oof.items()}
    print()
    print(f"{'':34}{'baseline':>10}{'model':>10}{'ratio':>8}")
    labels = {
        "auc": "ROC-AUC",
        "f1": "F1 fraudulent (p >= 0.5)",
        "auc_w": "ROC-AUC at EMSCAD base rate",
        "f1_w": "F1 at EMSCAD base rate",
        "auc_gt499": "ROC-AUC, job_id > 499 only",
    }
    for key, label in labels.items():
        base, mine = results["baseline"][key], results["model"][key]
        print(f"{label:34}{base:10.4f}{mine:10.4f}{mine / base:8.3f}")

    trained = job_model.load()
    baseline = job_model.build_baseline().fit(frame, y)
    speed_model = throughput(trained, frame)
    speed_baseline = throughput(baseline, frame)
    print()
    print(f"Scoring speed, one core ({pinned}), ads per CPU-second over {len(frame)} ads, best of 3:")
    print(
        f"  baseline {speed_baseline:10.0f}   model {speed_model:10.0f}   ratio {speed_model / speed_baseline:.3f}"
    )

    rows, by_language, cue_truth, cue_found = multilingual_cues()
    print()
    print(
        f"Rule cues alone on the hand-made set ({len(rows)} offers): risky when cue score >= {job_model.MEDIUM_FROM}"
    )
    print(f"  {'language':10}{'offers':>8}{'risky':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for language in ("en", "uk", "ru", "ro", "sr"):
        truth, predicted = by_language[language]
        print(
            f"  {language:10}{len(truth):8}{sum(truth):7}"
            f"{precision_score(truth, predicted, zero_division=0):11.2f}"
            f"{recall_score(truth, predicted, zero_division=0):8.2f}"
            f"{f1_score(truth, predicted, zero_division=0):7.2f}"
        )
    print(f"  {'cue':18}{'expected':>9}{'found':>7}{'precision':>11}{'recall':>8}")
    for code in CUE_CODES:
        truth, found = cue_truth[code], cue_found[code]
        print(
            f"  {code:18}{sum(truth):9}{sum(found):7}"
            f"{precision_score(truth, found, zero_division=0):11.2f}{recall_score(truth, found, zero_division=0):8.2f}"
        )

    print()
    beats = (
        results["model"]["auc"] > results["baseline"]["auc"]
        and results["model"]["f1"] > results["baseline"]["f1"]
    )
    print(f"model beats baseline on ROC-AUC and F1: {'yes' if beats else 'NO'}")
    print(f"model scores >= 1,000 ads/s on one core: {'yes' if speed_model >= 1000 else 'NO'}")
    print(f"benchmark took {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
