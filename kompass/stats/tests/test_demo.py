import random

from kompass.stats.demo import seed_demo
from kompass.stats.models import CaseEncoding, LinkageRun


def test_seed_demo_links_cases_and_is_idempotent(orgs, make_case):
    make_case(orgs["a"], identity={"given_name": "Наталія", "surname": "Бойко"})
    make_case(orgs["b"], identity={"given_name": "Nataliia", "surname": "Boiko"})
    seed_demo(rng=random.Random(1))
    seed_demo(rng=random.Random(1))
    assert LinkageRun.objects.count() == 2
    assert len(set(CaseEncoding.objects.values_list("person_id", flat=True))) == 1
