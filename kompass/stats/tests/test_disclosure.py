"""No published cell is below the threshold, and a withheld cell cannot be recovered from totals."""

import datetime
import itertools

import pytest

from kompass.stats.disclosure import Method, noisy_counts, protect_group
from kompass.stats.report import GROUPS, nrm_statistics


def check_group(cells: dict, total, threshold: int) -> None:
    published = [v for v in cells.values() if v is not None]
    assert all(v >= threshold for v in published)
    withheld = [k for k, v in cells.items() if v is None]
    if withheld and total is not None:
        assert len(withheld) >= 2
        assert total - sum(published) >= threshold


@pytest.mark.parametrize("threshold", [3, 5, 10])
def test_protect_group_exhaustively_on_small_tables(threshold):
    for values in itertools.product([0, 1, 2, 4, 5, 7, 30], repeat=4):
        cells = dict(zip("abcd", values, strict=True))
        total = sum(values)
        published = protect_group(cells, threshold=threshold, total_published=total >= threshold)
        check_group(published, total if total >= threshold else None, threshold)
        # Published cells are the true values, never a wrong number.
        assert all(published[k] in (None, cells[k]) for k in cells)


def test_report_cells_and_secondary_suppression(orgs, make_case):
    # 14 victims: 10 women, 3 men, 1 unknown sex; ages mostly 21--23; one Moldovan.
    specs = [("female", 22, "ROU")] * 10 + [("male", 22, "ROU")] * 3 + [("unknown", 40, "MDA")]
    for sex, age, citizenship in specs:
        make_case(
            orgs["a"],
            sex=sex,
            age_at_identification=age,
            citizenship=citizenship,
            country_of_exploitation="ROU",
        )
    data = nrm_statistics(year=2025, method=Method(threshold=5))
    assert data["victims"] == 14
    for group in ("by_age_group", "by_citizenship"):
        check_group(data[group], data["victims"], 5)
    # "male" (3) is merged with "unknown" (1) into "other / unknown" (4, withheld); it holds persons of
    # two categories, so neither can be worked out from the total: female stays published.
    assert data["by_sex"] == {"female": 10, "male": None, "other": None, "unknown": None}
    # The one Moldovan, merged into "unknown", is alone there: ROU is withheld too (secondary).
    assert data["by_citizenship"] == {"MDA": None, "ROU": None, "unknown": None}
    # Zeros are withheld too, and the withheld ages hold only 1 person: 21--23 (13) goes as well.
    assert all(v is None for v in data["by_age_group"].values())
    assert data["exploited_domestically"] == 14 and data["exploited_abroad"] is None
    nulls = sum(
        v is None
        for g in ("by_sex", "by_age_group", "by_citizenship", "by_exploitation", "by_recruitment_platform")
        for v in data[g].values()
    )
    nulls += sum(
        data[k] is None for k in ("victims", "exploited_domestically", "exploited_abroad", "recruited_online")
    )
    assert data["suppressed_cells"] == nulls


def test_small_total_is_withheld(orgs, make_case):
    for _ in range(3):
        make_case(orgs["a"])
    data = nrm_statistics(year=2025, method=Method(threshold=5))
    assert data["victims"] is None
    assert all(v is None for v in data["by_sex"].values())


def test_differentially_private_release_is_still_thresholded(orgs, make_case):
    for i in range(30):
        make_case(
            orgs["a"], sex="female" if i % 3 else "male", identified_on=datetime.date(2025, 1, 1 + i % 28)
        )
    data = nrm_statistics(year=2025, method=Method(threshold=5, epsilon=1.0))
    for group in GROUPS:
        if group in data:
            assert all(v is None or v >= 5 for v in data[group].values())
    assert data["victims"] is None or abs(data["victims"] - 30) < 60


def test_noise_is_unbiased_enough():
    values = noisy_counts([100] * 400, epsilon=1.0)
    assert abs(sum(values) / len(values) - 100) < 1.0
    assert len(set(values)) > 3
