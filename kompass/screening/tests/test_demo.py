import random
from collections import Counter

import pytest

from kompass.screening.demo import seed_demo
from kompass.screening.models import Report, Screening
from kompass.screening.selectors import report_counts

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_three_years_of_reports_that_rise_after_trainings(orgs):
    seed_demo(rng=random.Random(7))
    count = Report.objects.count()
    assert 800 < count < 4000
    assert Screening.objects.count() == count
    assert not Report.objects.filter(reference__isnull=True).exists()
    months = {row["month"] for row in report_counts(by=("month",))}
    assert len(months) >= 35
    assert {r["country"] for r in report_counts(by=("country",))} == {"RO", "MD", "RS"}
    # Iași health: the second half of the period has clearly more reports than the first.
    rows = report_counts(by=("month",), sector="health", region="Iași")
    ordered = [r["count"] for r in sorted(rows, key=lambda r: r["month"])]
    half = len(ordered) // 2
    assert sum(ordered[half:]) > 1.5 * sum(ordered[:half])
    statuses = Counter(Report.objects.values_list("status", flat=True))
    assert statuses["accepted"] and statuses["dismissed"] and statuses["new"]
    assert not Report.objects.filter(status="accepted", accepted_by_organisation__isnull=True).exists()
    seed_demo(rng=random.Random(7))
    assert Report.objects.count() == count, "idempotent"
