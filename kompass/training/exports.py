"""The programme's CSV downloads: reach of the schools programme and the impact of trainings.

Views only choose the download; every cell goes through `kompass.lib.spreadsheet` (free text such as
a region typed by a trainer is never read as a formula).
"""

from __future__ import annotations

import io

from kompass.lib import spreadsheet

REACH_COLUMNS = (
    "country",
    "region",
    "year",
    "pupils",
    "pupils_running",
    "schools",
    "sessions",
    "teachers",
    "parents",
    "parent_sessions",
    "page_opens",
)
IMPACT_COLUMNS = (
    "sector",
    "country",
    "region",
    "trainings",
    "first_training",
    "series",
    "months_before",
    "count_before",
    "months_after",
    "count_after",
    "rate_ratio",
    "ci95_low",
    "ci95_high",
    "result",
)


def _number(value) -> str:
    if value is None:
        return ""
    if value == float("inf"):
        return "inf"
    return f"{value:.3f}"


def _csv(header, rows) -> str:
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def reach_csv(report) -> str:
    """One row per region and year of the reach report."""
    return _csv(REACH_COLUMNS, ([row[k] for k in REACH_COLUMNS] for row in report.rows))


def impact_overview_csv(overview) -> str:
    """Every sector and region with trainings: reports and cases before vs after, one row each."""
    rows = []
    for p in overview:
        for name, c in (("reports", p.reports), ("cases", p.cases)):
            rows.append(
                [
                    p.sector,
                    p.country,
                    p.region,
                    p.trainings,
                    p.first_training.isoformat(),
                    name,
                    c.months_before,
                    c.count_before,
                    c.months_after,
                    c.count_after,
                    _number(c.rate_ratio),
                    _number(c.ci_low),
                    _number(c.ci_high),
                    c.direction if c.sufficient else f"insufficient:{c.reason}",
                ]
            )
    return _csv(IMPACT_COLUMNS, rows)


def impact_monthly_csv(detail, place: tuple[str, str, str]) -> str:
    """One place's monthly reports, cases and trainings."""
    training_months: dict = {}
    for t in detail.trainings:
        month = t.date.replace(day=1)
        training_months[month] = training_months.get(month, 0) + 1
    rows = (
        [month.strftime("%Y-%m"), *place, reports, cases, training_months.get(month, 0)]
        for month, reports, cases in zip(detail.months, detail.reports, detail.cases, strict=True)
    )
    return _csv(("month", "sector", "country", "region", "reports", "cases", "trainings"), rows)
