"""The demo: the platform summaries of the demo year are meaningful and protected."""

import json
import random

import pytest

from kompass.demo.coalition import create_coalition
from kompass.online import demo, exports
from kompass.online.summaries import METRICS, all_platform_summaries
from kompass.screening.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_years_platform_summary_has_no_cell_under_the_threshold_and_no_personal_data():
    create_coalition()
    created = demo.seed_demo(rng=random.Random(19))
    assert created > 300
    assert demo.seed_demo(rng=random.Random(19)) == 0, "idempotent"
    year = demo.demo_year()
    summaries = all_platform_summaries(year=year)
    published = 0
    private = list(
        Report.objects.filter(sector="online").values_list(
            "platform_account", "observations", "region", "reporter_role"
        )
    )
    for summary in summaries:
        cells = [row[m] for row in summary.months for m in METRICS] + [summary.total[m] for m in METRICS]
        assert all(v is None or v >= summary.threshold for v in cells), summary.platform
        published += sum(v is not None for v in cells)
        body = exports.summary_json(summary) + exports.summary_csv(summary)
        assert "demo.kompass.invalid" not in body
        for account, observations, region, _role in private[:200]:
            assert account not in body and observations not in body and region not in body
        assert set(json.loads(exports.summary_json(summary))["months"][0]) == {"month", *METRICS}
    # Meaningful: the big platforms publish most months of reports and ads.
    by_code = {s.platform: s for s in summaries}
    for code in ("instagram", "tiktok"):
        assert sum(row["exploitation_reports"] is not None for row in by_code[code].months) >= 8
    assert sum(row["reported_ads"] is not None for row in by_code["facebook"].months) >= 6
    assert published >= 60
