"""The probabilistic model (Fellegi–Sunter, m/u trained by Splink on DuckDB).

The same model runs on plaintext (`mode="plain"`) and on CLK encodings (`mode="clk"`): each
comparison level has a plaintext SQL condition (Jaro–Winkler, Damerau–Levenshtein) and an
encoding one (Dice coefficient of Bloom filters, equality of keyed hashes). Blocking always uses
the `blk_*` key columns, which are keyed hashes in CLK mode, so both modes see the same
candidate pairs.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import duckdb
import pandas as pd

from . import normalise

log = logging.getLogger(__name__)

# Blocking keys: (column, fields it summarises). The fields let the EM sessions know which
# comparisons a key fixes (see `_null`): Splink skips estimating those.
BLOCK_KEYS = {
    "blk_dob": ("dob",),
    "blk_names": ("given_name", "surname"),
    "blk_sn_year": ("surname", "dob"),
    "blk_gn_year": ("given_name", "dob"),
    "blk_ssid": ("soc_sec_id",),
    "blk_phone": ("phone",),
    "blk_pc_no": ("postcode", "street_number"),
    "blk_pob_names": ("place_of_birth", "surname"),
    "blk_gn_md": ("given_name", "dob"),
    "blk_sn_md": ("surname", "dob"),
    "blk_gn_loc": ("given_name", "suburb"),
    "blk_sn_loc": ("surname", "suburb"),
    "blk_gn_sni": ("given_name", "surname"),
    "blk_sn_gni": ("surname", "given_name"),
}


def block_keys(p: pd.DataFrame) -> pd.DataFrame:
    """Plaintext blocking keys of a prepared frame (None where a part is missing)."""

    def join(*cols: pd.Series) -> pd.Series:
        out = cols[0].fillna("").astype(str)
        ok = cols[0].notna()
        for c in cols[1:]:
            out = out + "|" + c.fillna("").astype(str)
            ok &= c.notna()
        return out.astype(object).where(ok, None)

    year = p["dob"].str[:4].where(p["dob"].notna() & (p["dob"].str[:4] != "0000"), None)
    monthday = p["dob"].str[4:8].where(p["dob"].notna() & (p["dob"].str[4:8] != "0000"), None)
    names = pd.Series(
        [
            "|".join(sorted((g, s))) if g and s else None
            for g, s in zip(p["given_sx"], p["surname_sx"], strict=True)
        ],
        dtype=object,
    )
    keys = pd.DataFrame(
        {
            "blk_dob": p["dob_dm"],
            "blk_names": names,
            "blk_sn_year": join(p["surname_sx"], year),
            "blk_gn_year": join(p["given_sx"], year),
            "blk_ssid": p["soc_sec_id"],
            "blk_phone": p["phone"],
            "blk_pc_no": join(p["postcode"], p["street_number"]),
            "blk_pob_names": join(p["place_of_birth_sk"], p["surname_sx"]),
            "blk_gn_md": join(p["given_sx"], monthday),
            "blk_sn_md": join(p["surname_sx"], monthday),
            "blk_gn_loc": join(p["given_sx"], p["suburb"]),
            "blk_sn_loc": join(p["surname_sx"], p["suburb"]),
            "blk_gn_sni": join(p["given_name_sk"], p["surname_sk"].str[:1]),
            "blk_sn_gni": join(p["surname_sk"], p["given_name_sk"].str[:1]),
        }
    )
    return keys.astype(object).where(keys.notna(), None)


def pair_count(keys: pd.Series) -> int:
    sizes = keys.dropna().value_counts()
    return int((sizes * (sizes - 1) // 2).sum())


@dataclass(frozen=True)
class Level:
    plain: str
    clk: str
    label: str
    m: float
    u: float
    tf: tuple[str, str] | None = None  # (plain column, clk column) for term frequencies


def _jw(col: str, t: float) -> str:
    return f"jaro_winkler_similarity({col}_l, {col}_r) >= {t}"


def _dl(col: str, d: int) -> str:
    return f"damerau_levenshtein({col}_l, {col}_r) <= {d}"


def _dice(col_l: str, t: float, col_r: str | None = None) -> str:
    col_r = col_r or col_l
    return f"(2.0 * bit_count({col_l}_bf_l & {col_r}_bf_r) / ({col_l}_n_l + {col_r}_n_r)) >= {t}"


def _eq(col: str) -> str:
    return f"{col}_l = {col}_r"


def _name_levels(f: str, other: str | None) -> list[Level]:
    levels = [
        Level(_eq(f"{f}_sk"), _eq(f"{f}_hk"), "exact", 0.75, 0.004, (f"{f}_sk", f"{f}_hk")),
        Level(f"{_jw(f, 0.92)} OR {_jw(f + '_sk', 0.92)}", _dice(f, 0.8), "close", 0.1, 0.003),
    ]
    if other:
        swapped = f"jaro_winkler_similarity({f}_sk_l, {other}_sk_r) >= 0.92"
        levels.append(Level(swapped, _dice(f, 0.8, other), "swapped", 0.03, 0.0005))
    levels += [
        Level(_jw(f + "_sk", 0.8), _dice(f, 0.6), "similar", 0.05, 0.02),
        Level(_jw(f + "_sk", 0.7), _dice(f, 0.45), "weak", 0.03, 0.06),
    ]
    return levels


def _text_levels(f: str) -> list[Level]:
    return [
        Level(_eq(f), f"{f}_bf_l = {f}_bf_r", "exact", 0.8, 0.005),
        Level(_jw(f, 0.9), _dice(f, 0.75), "close", 0.1, 0.005),
        Level(_jw(f, 0.75), _dice(f, 0.5), "similar", 0.05, 0.05),
    ]


def _digit_levels(f: str, *, close: float = 0.8, similar: float = 0.65) -> list[Level]:
    return [
        Level(_eq(f), f"{f}_bf_l = {f}_bf_r", "exact", 0.8, 0.001),
        Level(_dl(f, 1), _dice(f, close), "one edit", 0.1, 0.005),
        Level(_dl(f, 2), _dice(f, similar), "two edits", 0.05, 0.02),
    ]


def _hashed_levels(f: str, u: float) -> list[Level]:
    return [Level(_eq(f), _eq(f"{f}_hk"), "exact", 0.95, u)]


COMPARISONS: dict[str, list[Level]] = {
    "given_name": _name_levels("given_name", "surname"),
    "surname": _name_levels("surname", "given_name"),
    "dob": [
        Level(_eq("dob"), "dob_bf_l = dob_bf_r", "exact", 0.8, 0.0005),
        Level(_dl("dob", 1), _dice("dob", 0.8), "one edit", 0.08, 0.002),
        Level(_eq("dob_dm"), _eq("dob_dm_hk"), "day and month swapped", 0.02, 0.0005),
        Level(_dl("dob", 2), _dice("dob", 0.7), "two edits", 0.05, 0.02),
    ],
    "sex": _hashed_levels("sex", 0.5),
    "citizenship": _hashed_levels("citizenship", 0.3),
    "state": _hashed_levels("state", 0.2),
    "place_of_birth": [
        Level(_eq("place_of_birth_sk"), "place_of_birth_bf_l = place_of_birth_bf_r", "exact", 0.8, 0.02),
        Level(_jw("place_of_birth_sk", 0.88), _dice("place_of_birth", 0.7), "close", 0.1, 0.02),
    ],
    "address_1": _text_levels("address_1"),
    "address_2": _text_levels("address_2"),
    "suburb": _text_levels("suburb"),
    "street_number": [
        Level(_eq("street_number"), "street_number_bf_l = street_number_bf_r", "exact", 0.8, 0.02)
    ],
    "postcode": _digit_levels("postcode", close=0.7, similar=0.45),
    "soc_sec_id": _digit_levels("soc_sec_id"),
    "phone": _digit_levels("phone"),
}

# Which prepared column says the field is present (plain mode) / which encoding (clk mode).
PRESENCE = {
    "given_name": ("given_name_sk", "given_name_bf"),
    "surname": ("surname_sk", "surname_bf"),
    "dob": ("dob", "dob_bf"),
    "place_of_birth": ("place_of_birth_sk", "place_of_birth_bf"),
    "sex": ("sex", "sex_hk"),
    "citizenship": ("citizenship", "citizenship_hk"),
    "state": ("state", "state_hk"),
}


def presence_column(field: str, mode: str) -> str:
    plain, clk = PRESENCE.get(field, (field, f"{field}_bf"))
    return plain if mode == "plain" else clk


def _null(field: str, mode: str, keys: list[str]) -> str:
    col = presence_column(field, mode)
    sql = f"{col}_l IS NULL OR {col}_r IS NULL"
    # Mention the blocking keys built from this field (an always-false term) so that an EM
    # session blocked on such a key does not estimate this comparison from biased pairs.
    related = [k for k in keys if field in BLOCK_KEYS[k]]
    if related:
        sql += " OR (" + " AND ".join(f"{k}_l IS NULL AND {k}_l IS NOT NULL" for k in related) + ")"
    return sql


def build_comparisons(frame: pd.DataFrame, mode: str, keys: list[str]) -> list:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    comparisons = []
    for field, levels in COMPARISONS.items():
        if not normalise.present(frame, presence_column(field, mode)):
            continue
        if field in {"given_name", "surname"}:
            other = "surname" if field == "given_name" else "given_name"
            if not normalise.present(frame, presence_column(other, mode)):
                levels = [lv for lv in levels if lv.label != "swapped"]
        built = [cll.CustomLevel(_null(field, mode, keys), "null").configure(is_null_level=True)]
        m_rest = 1.0 - sum(lv.m for lv in levels)
        u_rest = 1.0 - sum(lv.u for lv in levels)
        for lv in levels:
            level = cll.CustomLevel(lv.plain if mode == "plain" else lv.clk, lv.label)
            config = {"m_probability": lv.m, "u_probability": lv.u}
            if lv.tf:
                config["tf_adjustment_column"] = lv.tf[0] if mode == "plain" else lv.tf[1]
                config["tf_adjustment_weight"] = 1.0
            built.append(level.configure(**config))
        built.append(cll.ElseLevel().configure(m_probability=max(m_rest, 0.01), u_probability=u_rest))
        comparisons.append(cl.CustomComparison(built, output_column_name=field))
    return comparisons


@dataclass
class ModelOptions:
    min_rows_for_u: int = 200
    min_rows_for_em: int = 400
    max_pairs_per_rule_factor: int = 32
    em_pairs_factor: int = 10
    min_pairs_cap: int = 500_000
    u_max_pairs: float = 5e5
    review_floor: float = 0.3
    recall: float = 0.8


def choose_blocking(keys: pd.DataFrame, n: int, opts: ModelOptions) -> list[str]:
    cap = max(opts.min_pairs_cap, opts.max_pairs_per_rule_factor * n)
    chosen = []
    for column in BLOCK_KEYS:
        if column not in keys or keys[column].notna().sum() < 2:
            continue
        count = pair_count(keys[column])
        if count == 0:
            continue
        if count > cap:
            log.info("blocking key %s skipped: %s pairs > cap %s", column, count, cap)
            continue
        chosen.append(column)
    return chosen


def score_pairs(frame: pd.DataFrame, mode: str, opts: ModelOptions | None = None) -> pd.DataFrame:
    """Scored candidate pairs: unique_id_l, unique_id_r, match_probability (≥ review floor).

    `frame` is a prepared frame plus `blk_*` columns (plain) or an encoded frame (clk).
    """
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    opts = opts or ModelOptions()
    n = len(frame)
    empty = pd.DataFrame({"unique_id_l": [], "unique_id_r": [], "match_probability": []})
    keys = choose_blocking(frame, n, opts)
    if n < 2 or not keys:
        return empty
    comparisons = build_comparisons(frame, mode, keys)
    if not comparisons:
        return empty

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.register("raw_input", frame)
    if mode == "clk":
        bf = [c for c in frame.columns if c.endswith("_bf")]
        select = ", ".join(f'CAST("{c}" AS BIT) AS "{c}"' if c in bf else f'"{c}"' for c in frame.columns)
        con.execute(f"CREATE TABLE linkage_input AS SELECT {select} FROM raw_input")  # noqa: S608
    else:
        con.execute("CREATE TABLE linkage_input AS SELECT * FROM raw_input")
    con.unregister("raw_input")

    # A rough prior: every record has about one other record of the same person.
    prior = min(0.5, max(1e-7, 1.0 / max(n - 1, 1)))
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[block_on(k) for k in keys],
        probability_two_random_records_match=prior,
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )
    splink_logger = logging.getLogger("splink")
    previous = splink_logger.level
    splink_logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            linker = Linker(
                "linkage_input", settings, db_api=DuckDBAPI(connection=con), set_up_basic_logging=False
            )
            _train(linker, frame, keys, n, opts)
            predictions = linker.inference.predict(threshold_match_probability=opts.review_floor)
            pairs = predictions.as_pandas_dataframe()
    finally:
        splink_logger.setLevel(previous)
        con.close()
    return pairs[["unique_id_l", "unique_id_r", "match_probability"]]


def _train(linker, frame: pd.DataFrame, keys: list[str], n: int, opts: ModelOptions) -> None:
    from splink import block_on

    if n >= opts.min_rows_for_u:
        try:
            linker.training.estimate_u_using_random_sampling(
                max_pairs=min(opts.u_max_pairs, n * (n - 1) / 2), seed=42
            )
        except Exception:  # noqa: BLE001 — keep the default u when sampling fails
            log.exception("u estimation failed; keeping defaults")
    if n >= opts.min_rows_for_u:
        rules = (("blk_dob", "blk_names"), ("blk_ssid", "blk_names"), ("blk_phone", "blk_names"))
        deterministic = [block_on(*r) for r in rules if all(normalise.present(frame, k) for k in r)]
        if deterministic:
            try:
                linker.training.estimate_probability_two_random_records_match(
                    deterministic, recall=opts.recall
                )
            except Exception:  # noqa: BLE001
                log.exception("prior estimation failed; keeping the default")
    if n >= opts.min_rows_for_em:
        em_cap = max(opts.min_pairs_cap, opts.em_pairs_factor * n)
        small = [k for k in keys if pair_count(frame[k]) <= em_cap]
        for key in em_sessions(frame, small):
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(block_on(key))
            except Exception:  # noqa: BLE001 — EM needs enough pairs; defaults are sane without it
                log.info("EM session on %s failed; keeping previous m", key)


def em_sessions(frame: pd.DataFrame, keys: list[str], limit: int = 3) -> list[str]:
    """Blocking keys for EM so that every compared field is estimated in some session."""
    fields = [f for f in COMPARISONS if normalise.present(frame, presence_column(f, "plain"))]
    fields = fields or [f for f in COMPARISONS if f"{f}_bf" in frame or f"{f}_hk" in frame]
    preferred = ["blk_dob", "blk_names", "blk_sn_year", "blk_gn_year", *keys]
    sessions: list[str] = []
    uncovered = set(fields)
    for key in dict.fromkeys(k for k in preferred if k in keys):
        if len(sessions) >= limit or not uncovered:
            break
        if uncovered - set(BLOCK_KEYS[key]):
            sessions.append(key)
            uncovered &= set(BLOCK_KEYS[key])
    return sessions
