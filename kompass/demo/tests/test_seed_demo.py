import pytest
from django.core.management import CommandError, call_command

from kompass.accounts.models import User
from kompass.demo.coalition import COORDINATOR_NAME, COORDINATOR_NAMES, DEMO_PASSWORD, USERS
from kompass.organisations.models import Membership, Organisation


@pytest.mark.django_db
def test_production_settings_refuse_to_seed(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="KOMPASS_DEMO"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_seed_creates_coalition_once_with_every_role(settings, capsys):
    settings.DEMO_MODE = True
    call_command("seed_demo")
    first = capsys.readouterr().out
    assert Organisation.objects.count() == 24
    assert set(Organisation.objects.values_list("country", flat=True)) == {"RO", "MD", "RS"}
    # One NRM coordinator per country (issue #20), each with its coordinator account.
    coordinators = dict(
        Organisation.objects.filter(is_national_coordinator=True).values_list("country", "name")
    )
    assert coordinators == COORDINATOR_NAMES and coordinators["RO"] == COORDINATOR_NAME
    assert all(
        Membership.objects.filter(organisation__name=name, role=Membership.Role.COORDINATOR).exists()
        for name in coordinators.values()
    )
    assert set(Membership.objects.values_list("role", flat=True)) == set(Membership.Role.values)
    user = User.objects.get(email=USERS[0][0])
    assert user.check_password(DEMO_PASSWORD) and user.totpdevice_set.filter(confirmed=True).exists()
    assert DEMO_PASSWORD in first and "TOTP" in first
    # Declared places (issue #16): a Romanian shelter full and one with room, ranked for a referral.
    from kompass.directory.models import ServiceCapacity
    from kompass.directory.selectors import place_point, rank_providers

    shelters = rank_providers(services=["emergency_accommodation"], origin=place_point("RO", "Iași"),
                              country="RO", offering_only=True, nearest_first=True)  # fmt: skip
    assert any(p.is_full for p in shelters) and any(p.has_free_places for p in shelters)
    assert ServiceCapacity.objects.exclude(service="emergency_accommodation").exists()
    call_command("seed_demo")
    assert "already loaded" in capsys.readouterr().out
    assert Organisation.objects.count() == 24 and User.objects.count() == len(USERS)
