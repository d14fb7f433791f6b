"""Before/after figures on hand-computed fixtures."""

import math
from collections import Counter
from datetime import date

import pytest

from kompass.training.impact import (
    add_months,
    compare_before_after,
    monthly_counts,
    months_between,
    rate_ratio_interval,
)


def binomial_tail_at_least(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


def binomial_tail_at_most(k: int, n: int, p: float) -> float:
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(0, k + 1))


def test_month_arithmetic():
    assert add_months(date(2024, 11, 1), 3) == date(2025, 2, 1)
    assert add_months(date(2024, 1, 1), -1) == date(2023, 12, 1)
    assert months_between(date(2024, 11, 20), date(2025, 1, 2)) == [
        date(2024, 11, 1),
        date(2024, 12, 1),
        date(2025, 1, 1),
    ]


def test_monthly_counts_group_by_calendar_month():
    counts = monthly_counts([date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1)])
    assert counts == Counter({date(2024, 1, 1): 2, date(2024, 2, 1): 1})


def test_doubling_rate_gives_ratio_two_and_leaves_out_training_month():
    # 12 months before with 1 report each, the training month with 50 (left out), 12 after with 2.
    counts = Counter()
    training = date(2024, 6, 1)
    for i in range(1, 13):
        counts[add_months(training, -i)] = 1
        counts[add_months(training, i)] = 2
    counts[training] = 50
    c = compare_before_after(
        counts, training_month=date(2024, 6, 14), first_month=date(2020, 1, 1), last_month=date(2030, 1, 1)
    )
    assert (c.months_before, c.months_after, c.count_before, c.count_after) == (12, 12, 12, 24)
    assert c.sufficient
    assert c.rate_before == 1.0 and c.rate_after == 2.0
    assert c.rate_ratio == pytest.approx(2.0)
    # Clopper–Pearson: at the lower bound p_L, P(X >= 24 | n=36) = 2.5 %; at the upper, P(X <= 24) = 2.5 %.
    p_low = c.ci_low / (1 + c.ci_low)  # equal months: R = p / (1 - p)
    p_high = c.ci_high / (1 + c.ci_high)
    assert binomial_tail_at_least(24, 36, p_low) == pytest.approx(0.025, abs=1e-6)
    assert binomial_tail_at_most(24, 36, p_high) == pytest.approx(0.025, abs=1e-6)
    # 24 against 12 is a doubling, yet the exact interval still reaches below 1: "no clear change".
    assert c.ci_low < 1.0 < 2.0 < c.ci_high
    assert c.direction == "unclear"


def test_tripling_rate_is_a_rise():
    training = date(2024, 6, 1)
    counts = Counter()
    for i in range(1, 13):
        counts[add_months(training, -i)] = 1
        counts[add_months(training, i)] = 3
    c = compare_before_after(
        counts, training_month=training, first_month=date(2020, 1, 1), last_month=date(2030, 1, 1)
    )
    assert (c.count_before, c.count_after) == (12, 36)
    assert c.rate_ratio == pytest.approx(3.0)
    p_low = c.ci_low / (1 + c.ci_low)
    assert binomial_tail_at_least(36, 48, p_low) == pytest.approx(0.025, abs=1e-6)
    assert c.ci_low > 1.0
    assert c.direction == "rise"


def test_unequal_windows_are_scaled_by_months():
    # 6 months before (start of data) with 3 each = 18; 12 after with 3 each = 36: same rate.
    training = date(2024, 7, 1)
    counts = Counter({add_months(training, i): 3 for i in range(-6, 13) if i != 0})
    c = compare_before_after(
        counts, training_month=training, first_month=date(2024, 1, 1), last_month=date(2030, 1, 1)
    )
    assert (c.months_before, c.months_after) == (6, 12)
    assert (c.count_before, c.count_after) == (18, 36)
    assert c.rate_ratio == pytest.approx(1.0)
    assert c.ci_low < 1 < c.ci_high
    assert c.direction == "unclear"
    # The interval for R maps from p with scale t_before / t_after = 6 / 12.
    low, high = rate_ratio_interval(36, 12, 18, 6)
    assert (low, high) == (c.ci_low, c.ci_high)


def test_fall_is_detected():
    training = date(2023, 12, 1)
    counts = Counter()
    for i in range(1, 13):
        counts[add_months(training, -i)] = 10
        counts[add_months(training, i)] = 2
    c = compare_before_after(
        counts, training_month=training, first_month=date(2020, 1, 1), last_month=date(2030, 1, 1)
    )
    assert c.rate_ratio == pytest.approx(0.2)
    assert c.direction == "fall"


@pytest.mark.parametrize(
    ("first", "last", "reason"),
    [
        (date(2024, 1, 1), date(2030, 1, 1), "months_before"),  # only 5 months before June 2024
        (date(2020, 1, 1), date(2024, 11, 1), "months_after"),  # only 5 months after
    ],
)
def test_too_few_months_is_said_not_claimed(first, last, reason):
    counts = Counter({add_months(date(2024, 6, 1), i): 5 for i in range(-12, 13)})
    c = compare_before_after(counts, training_month=date(2024, 6, 1), first_month=first, last_month=last)
    assert not c.sufficient and c.reason == reason
    assert c.rate_ratio is None and c.direction == "insufficient"


def test_too_few_events_is_said_not_claimed():
    # 9 reports in 24 months: below the minimum of 10 even though 0 before and 9 after looks like a rise.
    counts = Counter({add_months(date(2024, 6, 1), i): 1 for i in range(1, 10)})
    c = compare_before_after(
        counts, training_month=date(2024, 6, 1), first_month=date(2020, 1, 1), last_month=date(2030, 1, 1)
    )
    assert (c.count_before, c.count_after) == (0, 9)
    assert not c.sufficient and c.reason == "events"


def test_nothing_before_gives_infinite_upper_bound():
    counts = Counter({add_months(date(2024, 6, 1), i): 2 for i in range(1, 13)})
    c = compare_before_after(
        counts, training_month=date(2024, 6, 1), first_month=date(2020, 1, 1), last_month=date(2030, 1, 1)
    )
    assert c.count_before == 0 and c.rate_ratio == math.inf and c.ci_high == math.inf
    # n = 24, a = 24: p_L = 0.025 ** (1/24); R_L = p_L / (1 - p_L).
    p_low = 0.025 ** (1 / 24)
    assert c.ci_low == pytest.approx(p_low / (1 - p_low))
    assert c.direction == "rise"
