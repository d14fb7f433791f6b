import random
from collections import Counter

import pytest

from kompass.cases.models import Case, CaseIdentity
from kompass.referrals.models import Referral


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from kompass.cases import demo as cases_demo
    from kompass.demo.coalition import create_coalition, create_users
    from kompass.directory import demo as directory_demo
    from kompass.referrals import demo as referrals_demo

    create_users(create_coalition())
    rng = random.Random(2026)
    directory_demo.seed_demo(rng=rng)
    cases_demo.seed_demo(rng=rng)
    referrals_demo.seed_demo(rng=rng)
    return cases_demo, referrals_demo


@pytest.mark.slow
def test_demo_cases_are_realistic_and_idempotent(demo):
    cases_demo, referrals_demo = demo
    total = Case.objects.count()
    assert 300 <= total <= 400
    ro = Case.objects.filter(owner__country="RO").exclude(country_of_exploitation="")
    domestic = ro.filter(country_of_exploitation="ROU").count() / ro.count()
    assert 0.5 <= domestic <= 0.7
    assert Case.objects.filter(is_recruited_online=True, platforms__isnull=False).exists()
    assert (
        not Case.objects.filter(identifying_sector="").exists()
        and not Case.objects.filter(region="").exists()
    )
    assert set(Case.objects.values_list("stage", flat=True)) >= {
        "identification",
        "first_assistance",
        "closed",
    }
    # Referrals in every state, including a transfer that moved a case to Romania.
    assert set(Referral.objects.values_list("status", flat=True)) == {
        "pending",
        "accepted",
        "declined",
        "completed",
        "withdrawn",
    }
    transfer = Referral.objects.get(kind="transfer")
    assert transfer.status == "completed" and transfer.case.owner.country == "RO"
    # The same person under two spellings in two organisations.
    surnames = Counter(i.surname for i in CaseIdentity.objects.all())
    assert surnames["Kovalenko"] >= 1 and surnames["Coval"] >= 1
    cases_demo.seed_demo(rng=random.Random(1))
    referrals_demo.seed_demo(rng=random.Random(1))
    assert Case.objects.count() == total
