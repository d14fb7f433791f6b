"""Keyed Bloom-filter encodings (CLK) of identity fields, as in Schnell et al. (2009) and clkhash.

Each field's q-grams are hashed with HMAC-SHA256 under the coalition secret and spread over a
bit vector by double hashing (position_i = h1 + i·h2 mod l). Names share one key space so that a
given name can be compared with a surname (swapped fields). Low-cardinality fields (sex,
citizenship, state) and blocking keys become keyed hashes. Nothing else leaves this module:
`encode` returns only bit vectors, their popcounts and keyed hashes.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

import numpy as np
import pandas as pd

BITS = 512  # per field
HASHES = 10  # per q-gram

# field → (key space, tokeniser)
NAME_FIELDS = ("given_name", "surname", "place_of_birth")
TEXT_FIELDS = ("address_1", "address_2", "suburb")
DIGIT_FIELDS = ("dob", "street_number", "postcode", "soc_sec_id", "phone")
HASHED_FIELDS = ("sex", "citizenship", "state")
BLOCK_PREFIX = "blk_"


def bigrams(text: str) -> list[str]:
    """Padded character bigrams ('ann' → _a an nn n_)."""
    padded = f"_{text}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def positional(text: str) -> list[str]:
    """Digits with their position: the Dice of two such sets is the share of equal positions."""
    return [f"{i}:{ch}" for i, ch in enumerate(text)]


class Encoder:
    """Encode records under one secret. The same secret must be used by every organisation."""

    def __init__(self, secret: str | bytes, *, bits: int = BITS, hashes: int = HASHES):
        if not secret:
            raise ValueError("a secret is required for CLK encoding")
        self.key = secret.encode() if isinstance(secret, str) else secret
        self.bits = bits
        self.hashes = hashes
        self._positions = lru_cache(maxsize=200_000)(self._positions_uncached)
        self._filters = lru_cache(maxsize=400_000)(self._filter_uncached)

    def keyed_hash(self, space: str, value: str) -> str:
        return hmac.new(self.key, f"{space}\x00{value}".encode(), hashlib.sha256).hexdigest()[:24]

    def _positions_uncached(self, space: str, token: str) -> np.ndarray:
        digest = hmac.new(self.key, f"{space}\x00{token}".encode(), hashlib.sha256).digest()
        h1 = int.from_bytes(digest[:8], "big")
        h2 = int.from_bytes(digest[8:16], "big") | 1
        return np.array([(h1 + i * h2) % self.bits for i in range(self.hashes)], dtype=np.int64)

    def _filter_uncached(self, space: str, kind: str, value: str) -> bytes:
        tokens = bigrams(value) if kind == "bigram" else positional(value)
        bits = np.zeros(self.bits, dtype=np.uint8)
        for token in set(tokens):
            bits[self._positions(space, token)] = 1
        return np.packbits(bits).tobytes()

    def bloom_filter(self, space: str, kind: str, value: str | None) -> bytes | None:
        if not value:
            return None
        return self._filters(space, kind, value)

    def encode(self, prepared: pd.DataFrame, block_keys: pd.DataFrame) -> pd.DataFrame:
        """Encodings of a `normalise.prepare` frame plus its plaintext blocking keys.

        Returns unique_id, rec_id, one `<field>_bf` filter (bytes) and `<field>_n` popcount per
        encoded field, keyed hashes `<field>_hk`, and the blocking keys as keyed hashes.
        """
        out = pd.DataFrame({"unique_id": prepared["unique_id"], "rec_id": prepared["rec_id"]})
        specs = [(f, "name", "bigram", f"{f}_sk") for f in NAME_FIELDS]
        specs += [(f, f, "bigram", f) for f in TEXT_FIELDS]
        specs += [(f, f, "positional", f) for f in DIGIT_FIELDS]
        for field, space, kind, source in specs:
            values = prepared[source] if source in prepared else pd.Series([None] * len(prepared))
            filters = [self.bloom_filter(space, kind, v) for v in values]
            out[f"{field}_bf"] = filters
            out[f"{field}_n"] = [popcount(f) if f is not None else None for f in filters]
        for field in (*HASHED_FIELDS, "given_name_sk", "surname_sk", "dob_dm"):
            out[f"{field.removesuffix('_sk')}_hk"] = [
                self.keyed_hash(field, v) if v else None for v in prepared[field]
            ]
        for column in block_keys.columns:
            out[column] = [self.keyed_hash(column, v) if v else None for v in block_keys[column]]
        return out


def popcount(data: bytes) -> int:
    return int(np.unpackbits(np.frombuffer(data, dtype=np.uint8)).sum())


def dice(a: bytes, b: bytes) -> float:
    """Dice coefficient of two filters (for tests and small checks; SQL does the bulk work)."""
    x = np.unpackbits(np.frombuffer(a, dtype=np.uint8))
    y = np.unpackbits(np.frombuffer(b, dtype=np.uint8))
    total = int(x.sum() + y.sum())
    return 2.0 * int((x & y).sum()) / total if total else 0.0
