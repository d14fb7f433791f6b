import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kompass.screening.models import Report
from kompass.training import selectors
from kompass.training.demo import seed_demo
from kompass.training.models import CheckResponse, School, SchoolSession, Training

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Europe/Bucharest")


@time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=TZ), tick=False)
def test_seed_demo_three_years_idempotent(orgs):
    seed_demo(rng=random.Random(1))
    counts = (Training.objects.count(), School.objects.count(), SchoolSession.objects.count())
    assert counts[0] > 40 and counts[1] >= 250 and counts[2] > 2000
    assert selectors.reach_report().total.pupils > 100_000
    assert set(School.objects.values_list("country", flat=True)) == {"RO", "MD", "RS"}
    years = {d.year for d in SchoolSession.objects.values_list("date", flat=True)}
    assert years == {2023, 2024, 2025, 2026}
    assert CheckResponse.objects.filter(phase="post").exists()
    seed_demo(rng=random.Random(2))
    assert (Training.objects.count(), School.objects.count(), SchoolSession.objects.count()) == counts


@time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=TZ), tick=False)
def test_first_training_goes_before_the_rise_of_demo_reports(orgs):
    # Demo reports from nurses in Iași: 1 a month until March 2025, 5 a month from April 2025.
    rows = []
    for year in (2024, 2025, 2026):
        for month in range(1, 13):
            if dt.date(year, month, 1) > dt.date(2026, 10, 1):
                continue
            n = 5 if dt.date(year, month, 1) >= dt.date(2025, 4, 1) else 1
            rows += [
                Report(
                    sector="health",
                    country="RO",
                    region="Iași",
                    created_at=dt.datetime(year, month, 2 + i, tzinfo=TZ),
                )
                for i in range(n)
            ]
    Report.objects.bulk_create(rows)
    seed_demo(rng=random.Random(1))
    first = Training.objects.filter(audience_sector="health", region="Iași").order_by("date").first()
    assert (first.date.year, first.date.month) == (2025, 3)
    overview = {(p.sector, p.region): p for p in selectors.impact_overview()}
    assert overview[("health", "Iași")].reports.direction == "rise"
