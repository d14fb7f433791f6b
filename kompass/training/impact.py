"""Before/after comparison of monthly counts around a training: pure functions on plain inputs.

The method, stated on the impact page as well:
- Counts are taken per calendar month. The month of the training itself is left out (it is
  neither "before" nor "after"). The comparison uses up to `window` whole months on each side,
  only months inside the observed period (never the current, unfinished month).
- The figure is the **rate ratio** R = (events after / months after) / (events before / months
  before). Counts are treated as Poisson; conditional on the total n = a + b, the count after,
  a, is binomial with p = R·t_a / (R·t_a + t_b). The 95 % interval is the exact
  (Clopper–Pearson) interval for p, transformed back to R. It is exact, never too narrow, and
  stays valid for small counts.
- Too few data to say anything: fewer than `min_months` months on either side or fewer than
  `min_events` events in all. Then no ratio is shown.
- A ratio whose interval lies above 1 is a rise, below 1 a fall, otherwise "no clear change".
  A before/after comparison shows association in time, not cause: other events (campaigns,
  new staff, seasons, a change of law) can move the counts too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

WINDOW_MONTHS = 12
MIN_MONTHS = 6
MIN_EVENTS = 10
CONFIDENCE = 0.95


def month_start(value: date | datetime) -> date:
    return date(value.year, value.month, 1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from `first` to `last`, both included (empty when last < first)."""
    out, month = [], month_start(first)
    last = month_start(last)
    while month <= last:
        out.append(month)
        month = add_months(month, 1)
    return out


def monthly_counts(dates: Iterable[date | datetime]) -> Counter:
    return Counter(month_start(d) for d in dates)


def rate_ratio_interval(
    after: int, months_after: int, before: int, months_before: int, *, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """Exact conditional (Clopper–Pearson) interval for the ratio of two Poisson rates."""
    from scipy.special import betaincinv  # SciPy loads in half a second: only when an interval is asked

    alpha = 1 - confidence
    n = after + before
    # The beta quantiles of the Clopper–Pearson interval (betaincinv is beta.ppf without its overhead).
    p_low = 0.0 if after == 0 else float(betaincinv(after, n - after + 1, alpha / 2))
    p_high = 1.0 if after == n else float(betaincinv(after + 1, n - after, 1 - alpha / 2))
    scale = months_before / months_after

    def to_ratio(p: float) -> float:
        return math.inf if p >= 1.0 else p / (1 - p) * scale

    return to_ratio(p_low), to_ratio(p_high)


@dataclass(frozen=True)
class Comparison:
    training_month: date
    months_before: int
    months_after: int
    count_before: int
    count_after: int
    sufficient: bool
    reason: str  # "" when sufficient, else "months_before", "months_after", "events" or "no_data"
    rate_ratio: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None

    @property
    def rate_before(self) -> float | None:
        return self.count_before / self.months_before if self.months_before else None

    @property
    def rate_after(self) -> float | None:
        return self.count_after / self.months_after if self.months_after else None

    @property
    def direction(self) -> str:
        if not self.sufficient or self.ci_low is None:
            return "insufficient"
        if self.ci_low > 1:
            return "rise"
        if self.ci_high < 1:
            return "fall"
        return "unclear"


def compare_before_after(
    counts: Counter | dict[date, int],
    *,
    training_month: date,
    first_month: date,
    last_month: date,
    window: int = WINDOW_MONTHS,
    min_months: int = MIN_MONTHS,
    min_events: int = MIN_EVENTS,
    confidence: float = CONFIDENCE,
) -> Comparison:
    """Compare monthly counts before and after `training_month` inside [first_month, last_month]."""
    training_month = month_start(training_month)
    before = [
        m
        for m in months_between(add_months(training_month, -window), add_months(training_month, -1))
        if m >= first_month
    ]
    after = [
        m
        for m in months_between(add_months(training_month, 1), add_months(training_month, window))
        if m <= last_month
    ]
    count_before = sum(counts.get(m, 0) for m in before)
    count_after = sum(counts.get(m, 0) for m in after)
    base = {
        "training_month": training_month,
        "months_before": len(before),
        "months_after": len(after),
        "count_before": count_before,
        "count_after": count_after,
    }
    reason = ""
    if len(before) < min_months:
        reason = "months_before"
    elif len(after) < min_months:
        reason = "months_after"
    elif count_before + count_after < min_events:
        reason = "events"
    if reason:
        return Comparison(sufficient=False, reason=reason, **base)
    low, high = rate_ratio_interval(count_after, len(after), count_before, len(before), confidence=confidence)
    ratio = (count_after / len(after)) / (count_before / len(before)) if count_before else math.inf
    return Comparison(sufficient=True, reason="", rate_ratio=ratio, ci_low=low, ci_high=high, **base)
