import datetime

import pytest
from django.utils import timezone

from kompass.screening import services
from kompass.screening.selectors import report_counts

pytestmark = pytest.mark.django_db


def at(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def reports():
    for sector, country, region, when in [
        ("health", "RO", "Iași", at(2025, 1)),
        ("health", "RO", "Iași", at(2025, 1, 20)),
        ("health", "RO", "Cluj", at(2025, 2)),
        ("police", "RS", "Novi Sad", at(2025, 2)),
        ("online", "MD", "Bălți", at(2025, 3)),
    ]:
        services.send_report(sector=sector, country=country, region=region, created_at=when)


def test_counts_per_sector_and_month(reports):
    rows = report_counts(by=("sector", "month"))
    assert {"sector": "health", "month": datetime.date(2025, 1, 1), "count": 2} in rows
    assert {"sector": "health", "month": datetime.date(2025, 2, 1), "count": 1} in rows
    assert sum(r["count"] for r in rows) == 5


def test_counts_with_filters_and_region(reports):
    rows = report_counts(by=("region", "month"), country="RO", since=datetime.date(2025, 1, 16))
    assert rows == [
        {"region": "Cluj", "month": datetime.date(2025, 2, 1), "count": 1},
        {"region": "Iași", "month": datetime.date(2025, 1, 1), "count": 1},
    ]


def test_counts_per_year_and_unknown_group(reports):
    assert report_counts(by=("year",)) == [{"year": 2025, "count": 5}]
    with pytest.raises(ValueError):
        report_counts(by=("colour",))
