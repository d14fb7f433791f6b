import random

import pytest

from kompass.recruitment.demo import COUNT, seed_demo
from kompass.recruitment.models import ReportedAd
from kompass.recruitment.selectors import reported_ads_by_platform

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_mixes_sources(persona, orgs):
    persona("caseworker_a")
    persona("caseworker_b")
    assert seed_demo(rng=random.Random(1)) == COUNT
    assert seed_demo(rng=random.Random(1)) == 0
    assert ReportedAd.objects.count() == COUNT
    assert set(ReportedAd.objects.values_list("source", flat=True)) == {"public", "casework"}
    assert sum(reported_ads_by_platform().values()) == COUNT
    assert ReportedAd.objects.filter(risk="high").count() > COUNT / 2
