"""Statistical disclosure control for published counts.

Small categories are merged first: in a group with a residual category ("unknown"), every other
category below the threshold is counted in the residual, published as "other / unknown"
(`protect_merged`), so that one small cell no longer hides a whole breakdown. Only then is anything
suppressed. Primary suppression withholds every cell below the threshold (zeros included: a
published 0 next to a total can still single people out). Secondary suppression works per additive group (cells
that add up to a published total, e.g. victims by sex): the withheld cells of a group must be at
least two and together hold at least `threshold` persons, so the total minus the published cells
never reveals a withheld cell. Optionally, counts are first released with differential privacy
(discrete Laplace noise from OpenDP) and then suppressed the same way (post-processing).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 5
# The mark of a withheld cell in every table and download (the statistical offices' "confidential").
WITHHELD = "[c]"


@dataclass(frozen=True)
class Method:
    threshold: int = DEFAULT_THRESHOLD
    epsilon: float | None = None  # total privacy budget when differentially private

    @property
    def name(self) -> str:
        return "suppression" if self.epsilon is None else "differential_privacy+suppression"


def protect_group(cells: dict[str, int], *, threshold: int, total_published: bool) -> dict[str, int | None]:
    """Suppress cells of one group; `total_published` makes the group additive (secondary)."""
    withheld = {key for key, value in cells.items() if value < threshold}
    if total_published and withheld:
        while len(withheld) < 2 or sum(cells[k] for k in withheld) < threshold:
            remaining = [k for k in cells if k not in withheld]
            if not remaining:
                break
            withheld.add(min(remaining, key=lambda k: (cells[k], k)))
    return {key: (None if key in withheld else value) for key, value in cells.items()}


def protect_merged(
    cells: dict[str, int], *, threshold: int, total_published: bool, residual: str = "unknown"
) -> tuple[dict[str, int | None], tuple[str, ...]]:
    """Merge the small categories of a group into its residual, then suppress what is still small.

    Returns the published cells (the merged categories left out; the residual holds their persons)
    and the merged categories. A residual still below the threshold is withheld; it needs no
    secondary suppression when merging already protects its persons: when it holds persons of at
    least two categories (no one's category can be told from the total) or only persons whose
    category is unknown (nothing about anyone is disclosed). Otherwise — one known category alone
    in the residual — secondary suppression applies as in `protect_group`.
    """
    if residual not in cells:
        return protect_group(cells, threshold=threshold, total_published=total_published), ()
    merged = tuple(k for k, v in cells.items() if k != residual and v < threshold)
    kept = {k: v for k, v in cells.items() if k not in merged}
    kept[residual] = cells[residual] + sum(cells[k] for k in merged)
    if kept[residual] >= threshold:
        return protect_group(kept, threshold=threshold, total_published=total_published), merged
    sources = [k for k in (*merged, residual) if cells[k] > 0]
    protected_by_merging = len(sources) >= 2 or sources in ([], [residual])
    others = {k: v for k, v in kept.items() if k != residual}
    if protected_by_merging:
        published = protect_group(others, threshold=threshold, total_published=False)
        return {**published, residual: None}, merged
    return protect_group(kept, threshold=threshold, total_published=total_published), merged


def protect_value(value: int, *, threshold: int) -> int | None:
    return None if value < threshold else value


def noisy_counts(
    values: list[int], *, epsilon: float, sensitivity: int = 1, seed: int | None = None
) -> list[int]:
    """Counts with discrete Laplace noise of scale sensitivity/epsilon (OpenDP), clamped at 0."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    domain = dp.vector_domain(dp.atom_domain(T=int))
    measurement = dp.m.make_laplace(domain, dp.l1_distance(T=int), scale=sensitivity / epsilon)
    return [max(0, int(v)) for v in measurement(list(values))]


def count_suppressed(published) -> int:
    """How many cells are null in a (nested) published structure."""
    if published is None:
        return 1
    if isinstance(published, dict):
        return sum(count_suppressed(v) for v in published.values())
    return 0
