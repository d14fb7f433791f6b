import random

import pytest

from kompass.directory.models import Entry
from kompass.journeys.models import Journey, Leg

pytestmark = pytest.mark.django_db


def test_demo_seeds_are_idempotent():
    from kompass.demo.coalition import create_coalition
    from kompass.directory.demo import seed_demo as seed_directory
    from kompass.journeys.demo import seed_demo as seed_journeys

    create_coalition()
    for _ in range(2):
        seed_directory(rng=random.Random(1))
        seed_journeys(rng=random.Random(1))
    assert Entry.objects.filter(kind="support_point", name__startswith="Palanca").count() == 1
    assert Entry.objects.published().count() >= 40
    assert Journey.objects.count() == 2
    assert Leg.objects.filter(alert_raised_at__isnull=False).count() == 1
