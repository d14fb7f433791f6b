"""`link_records`: find the records of the same person (docs/interfaces.md §6 item 4)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from . import clk, model, normalise

DEFAULT_THRESHOLD = 0.5
# Pairs scored between these bounds are neither linked nor dismissed by the machine alone:
# they go to the coordinator's clerical review queue.
REVIEW_LOW = 0.3
REVIEW_HIGH = 0.8


@dataclass
class LinkageResult:
    clusters: pd.DataFrame  # rec_id, cluster_id — one row per input row, in input order
    pairs: pd.DataFrame  # rec_id_l, rec_id_r, match_probability (scored candidate pairs)
    seconds: float = 0.0
    mode: str = "plain"
    threshold: float = DEFAULT_THRESHOLD
    review: pd.DataFrame = field(default_factory=pd.DataFrame)  # uncertain pairs


def encode_records(frame: pd.DataFrame, *, secret: str | bytes) -> pd.DataFrame:
    """Plaintext identity records → CLK encodings. Only this frame may leave an organisation."""
    prepared = normalise.prepare(frame)
    return clk.Encoder(secret).encode(prepared, model.block_keys(prepared))


def link_records(
    frame: pd.DataFrame,
    *,
    privacy: str | None = None,
    secret: str | bytes | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    decisions: Iterable[tuple[str, str, bool]] = (),
    options: model.ModelOptions | None = None,
) -> LinkageResult:
    """Cluster the rows of `frame` (columns of DOMAIN §6 item 4; only `rec_id` required).

    `privacy="clk"` encodes the identifiers first (keyed with `secret`) and matches on the
    encodings only. `decisions` are clerical review outcomes `(rec_id_a, rec_id_b, same)`:
    confirmed pairs are linked and rejected pairs are never linked directly.
    """
    if privacy not in (None, "plain", "clk"):
        raise ValueError(f"unknown privacy mode {privacy!r}")
    mode = "clk" if privacy == "clk" else "plain"
    started = time.perf_counter()
    if "rec_id" not in frame.columns:
        raise ValueError("the input has no rec_id column")
    if mode == "clk" and not secret:
        raise ValueError("--privacy clk needs a secret")
    if len(frame) == 0:
        empty = pd.DataFrame({"rec_id_l": [], "rec_id_r": [], "match_probability": []})
        clusters = pd.DataFrame({"rec_id": pd.Series([], dtype=str), "cluster_id": pd.Series([], dtype=int)})
        return LinkageResult(clusters=clusters, pairs=empty, mode=mode, threshold=threshold, review=empty)
    if mode == "clk":
        data = encode_records(frame, secret=secret)
    else:
        prepared = normalise.prepare(frame)
        data = pd.concat([prepared, model.block_keys(prepared)], axis=1)
    return link_prepared(
        data, mode=mode, threshold=threshold, decisions=decisions, options=options, started=started
    )


def link_encoded(encoded: pd.DataFrame, **kwargs) -> LinkageResult:
    """Link frames that are already CLK encodings (as stored for other organisations' cases)."""
    encoded = encoded.reset_index(drop=True).copy()
    encoded["unique_id"] = range(len(encoded))
    return link_prepared(encoded, mode="clk", **kwargs)


def link_prepared(
    data: pd.DataFrame,
    *,
    mode: str,
    threshold: float = DEFAULT_THRESHOLD,
    decisions: Iterable[tuple[str, str, bool]] = (),
    options: model.ModelOptions | None = None,
    started: float | None = None,
) -> LinkageResult:
    started = started or time.perf_counter()
    options = options or model.ModelOptions()
    options.review_floor = min(options.review_floor, REVIEW_LOW, threshold)
    n = len(data)
    rec_ids = data["rec_id"].astype(str).to_numpy()
    scored = model.score_pairs(data, mode, options)
    left = scored["unique_id_l"].to_numpy(dtype=np.int64)
    right = scored["unique_id_r"].to_numpy(dtype=np.int64)
    prob = scored["match_probability"].to_numpy(dtype=float)

    # Coordinator decisions override the model.
    index: dict[str, list[int]] = {}
    for i, rid in enumerate(rec_ids):
        index.setdefault(rid, []).append(i)
    confirmed, rejected = [], set()
    for a, b, same in decisions:
        for i in index.get(str(a), []):
            for j in index.get(str(b), []):
                if same:
                    confirmed.append((i, j))
                else:
                    rejected.add((min(i, j), max(i, j)))
    keep = prob >= threshold
    if rejected:
        keep &= np.array(
            [(min(i, j), max(i, j)) not in rejected for i, j in zip(left, right, strict=True)], dtype=bool
        )
    edges_l = np.concatenate([left[keep], np.array([c[0] for c in confirmed], dtype=np.int64)])
    edges_r = np.concatenate([right[keep], np.array([c[1] for c in confirmed], dtype=np.int64)])
    edges_p = np.concatenate([prob[keep], np.ones(len(confirmed))])
    labels = cluster(n, edges_l, edges_r, edges_p, threshold=threshold)

    pairs = pd.DataFrame({"rec_id_l": rec_ids[left], "rec_id_r": rec_ids[right], "match_probability": prob})
    uncertain = (prob >= REVIEW_LOW) & (prob < REVIEW_HIGH)
    clusters = pd.DataFrame({"rec_id": rec_ids, "cluster_id": labels})
    return LinkageResult(
        clusters=clusters,
        pairs=pairs,
        seconds=time.perf_counter() - started,
        mode=mode,
        threshold=threshold,
        review=pairs[uncertain].reset_index(drop=True),
    )


# Connected components chain: one weak false link joins two people's records. A component
# whose records are sparsely linked is split again at the next, stricter threshold.
LADDER = (0.7, 0.85, 0.95, 0.99, 0.999)
MIN_DENSITY = 0.4


def cluster(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    prob: np.ndarray,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_density: float = MIN_DENSITY,
) -> np.ndarray:
    """Cluster ids 0… (first appearance order) from scored edges above `threshold`."""
    labels = np.full(n, -1, dtype=np.int64)
    next_label = 0
    ladder = [threshold, *[t for t in LADDER if t > threshold]]
    # Work list of (node ids, edge mask into left/right/prob, ladder step).
    keep = prob >= threshold
    stack = [(np.arange(n), left[keep], right[keep], prob[keep], 0)]
    while stack:
        nodes, el, er, ep, step = stack.pop()
        local = {int(v): i for i, v in enumerate(nodes)}
        li = np.array([local[int(v)] for v in el], dtype=np.int64)
        ri = np.array([local[int(v)] for v in er], dtype=np.int64)
        comp = _components(len(nodes), li, ri)
        edge_comp = comp[li] if len(li) else np.zeros(0, dtype=np.int64)
        sizes = np.bincount(comp)
        edge_counts = np.bincount(edge_comp, minlength=len(sizes))
        for c, size in enumerate(sizes):
            members = nodes[comp == c]
            possible = size * (size - 1) / 2
            dense = size <= 2 or edge_counts[c] / possible >= min_density
            if dense or step + 1 >= len(ladder):
                labels[members] = next_label
                next_label += 1
                continue
            inside = edge_comp == c
            stricter = ep[inside] >= ladder[step + 1]
            stack.append(
                (members, el[inside][stricter], er[inside][stricter], ep[inside][stricter], step + 1)
            )
    # Renumber in order of first appearance.
    first: dict[int, int] = {}
    return np.array([first.setdefault(int(label), len(first)) for label in labels], dtype=np.int64)


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected components, numbered 0… in order of first appearance."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    _, raw = connected_components(graph, directed=False)
    first: dict[int, int] = {}
    return np.array([first.setdefault(int(label), len(first)) for label in raw], dtype=np.int64)
