"""Linkage quality and speed: `link_records` (plain and CLK) beside plain Splink defaults.

Run: python bench/bench_linkage.py [--quick]. Data from ../shared/data (FEBRL, Splink datasets).
Pairwise precision / recall / F1 against the true clusters; records per second end to end.
FEBRL 3 is printed last, untuned (it is kept for evaluation only).
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import time
import warnings
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

from kompass.stats.linkage import link_records  # noqa: E402

SECRET = "bench-coalition-secret"
IDENTITY = ["rec_id", "given_name", "surname", "date_of_birth"]


def load_febrl(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / "febrl" / name, skipinitialspace=True, dtype=str, keep_default_na=False)


def febrl_truth(frame: pd.DataFrame) -> pd.Series:
    return frame["rec_id"].str.extract(r"rec-(\d+)-")[0]


def datasets(quick: bool):
    f4 = pd.concat([load_febrl("dataset4a.csv"), load_febrl("dataset4b.csv")], ignore_index=True)
    yield "FEBRL 4 (4a+4b)", f4, febrl_truth(f4)
    for k in (1, 2):
        d = load_febrl(f"dataset{k}.csv")
        yield f"FEBRL {k}", d, febrl_truth(d)
    fake = pd.read_csv(DATA / "splink_datasets" / "fake_1000.csv", dtype=str, keep_default_na=False)
    fake = fake.rename(
        columns={"unique_id": "rec_id", "first_name": "given_name", "dob": "date_of_birth", "city": "suburb"}
    )
    yield "fake_1000", fake.drop(columns=["cluster", "email"]), fake["cluster"]
    if not quick:
        path = DATA / "splink_datasets" / "historical_figures_with_errors_50k.parquet"
        h = duckdb.sql(f"select * from '{path}'").df()  # noqa: S608
        h = h.rename(
            columns={
                "unique_id": "rec_id",
                "first_name": "given_name",
                "dob": "date_of_birth",
                "birth_place": "place_of_birth",
                "postcode_fake": "postcode",
                "gender": "sex",
            }
        )
        cols = ["rec_id", "given_name", "surname", "date_of_birth", "place_of_birth", "postcode", "sex"]
        yield "historical_50k", h[cols], h["cluster"]


def true_pairs(truth: pd.Series) -> set[tuple[int, int]]:
    pairs = set()
    for _, idx in truth.groupby(truth.to_numpy()).groups.items():
        pairs.update(itertools.combinations(sorted(idx), 2))
    return pairs


def cluster_pairs(labels) -> set[tuple[int, int]]:
    s = pd.Series(list(labels))
    return true_pairs(s)


def scores(predicted: set, truth: set) -> tuple[float, float, float]:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(truth) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def splink_defaults(frame: pd.DataFrame) -> list:
    """A straightforward Splink 4 model as its tutorials show (dedupe, default comparisons)."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    df = frame.copy().replace({"": None})
    df["unique_id"] = range(len(df))
    comparisons, blocking = [], []
    for col in ("given_name", "surname"):
        if col in df:
            comparisons.append(cl.NameComparison(col))
    if "given_name" in df and "surname" in df:
        blocking.append(block_on("given_name", "surname"))
    if "date_of_birth" in df:
        dob = df["date_of_birth"].astype("string")
        df["date_of_birth"] = dob.str.replace(r"^(\d{4})(\d{2})(\d{2})$", r"\1-\2-\3", regex=True)
        comparisons.append(
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, invalid_dates_as_null=True)
        )
        blocking.append(block_on("date_of_birth"))
    for col in ("address_1", "address_2", "suburb", "place_of_birth"):
        if col in df:
            comparisons.append(cl.JaroWinklerAtThresholds(col))
    for col in ("street_number", "postcode", "state", "sex"):
        if col in df:
            comparisons.append(cl.ExactMatch(col))
    if "soc_sec_id" in df:
        comparisons.append(cl.LevenshteinAtThresholds("soc_sec_id", 2))
        blocking.append(block_on("soc_sec_id"))
    settings = SettingsCreator(
        link_type="dedupe_only", comparisons=comparisons, blocking_rules_to_generate_predictions=blocking
    )
    linker = Linker(df.drop(columns=["rec_id"]), settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    deterministic = (
        [block_on("given_name", "surname", "date_of_birth")]
        if "date_of_birth" in df
        else [block_on("given_name", "surname")]
    )
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in blocking[:2] if len(blocking) > 1 else blocking:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_probability=0.9)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, 0.95
    ).as_pandas_dataframe()
    mapping = dict(zip(clusters["unique_id"], clusters["cluster_id"], strict=True))
    return [mapping.get(i, f"single-{i}") for i in range(len(df))]


BUDGET = {"deadline": float("inf")}


def run(name: str, frame: pd.DataFrame, truth: pd.Series, *, methods) -> None:
    if time.perf_counter() > BUDGET["deadline"]:
        print(f"{name:<28} skipped: over the time budget (--budget)", flush=True)
        return
    frame = frame.reset_index(drop=True)
    truth_pairs = true_pairs(truth.reset_index(drop=True))
    row = [f"{name:<28}", f"{len(frame):>6}"]
    for method in methods:
        started = time.perf_counter()
        if method == "splink":
            labels = splink_defaults(frame)
        else:
            result = link_records(frame, privacy=None if method == "plain" else "clk", secret=SECRET)
            labels = result.clusters["cluster_id"].tolist()
        seconds = time.perf_counter() - started
        p, r, f = scores(cluster_pairs(labels), truth_pairs)
        row.append(f"{method}: P {p:.3f} R {r:.3f} F1 {f:.3f} {len(frame) / seconds:>7.0f} rec/s")
    print("  ".join(row), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="skip the 50k data set")
    parser.add_argument("--only", default="")
    parser.add_argument("--methods", default="splink,plain,clk")
    parser.add_argument("--budget", type=float, default=270, help="seconds; later data sets are skipped")
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    methods = tuple(args.methods.split(","))
    started = time.perf_counter()
    BUDGET["deadline"] = started + args.budget
    print("All fields present in each data set:")
    sets = list(datasets(args.quick))
    for name, frame, truth in sets:
        if args.only and args.only not in name:
            continue
        run(name, frame, truth, methods=methods)
    print("Identity fields only (given name, surname, date of birth):")
    for name, frame, truth in sets:
        if (args.only and args.only not in name) or name == "historical_50k":
            continue  # (the 50k set is run once, with all its fields, to keep the bench bounded)
        run(name, frame[[c for c in IDENTITY if c in frame]], truth, methods=methods)
    if not args.only:
        print("FEBRL 3 — evaluation only, NOT tuned on:")
        d3 = load_febrl("dataset3.csv")
        run("FEBRL 3 (all fields)", d3, febrl_truth(d3), methods=methods)
        run("FEBRL 3 (identity only)", d3[IDENTITY], febrl_truth(d3), methods=methods)
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
