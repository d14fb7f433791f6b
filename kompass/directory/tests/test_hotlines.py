import pytest

from kompass.directory.data.hotlines import HOTLINES
from kompass.directory.models import Hotline

pytestmark = pytest.mark.django_db


def test_seed_migration_loads_every_domain_number():
    assert Hotline.objects.count() == len(HOTLINES)
    assert all(h.source and h.last_verified for h in Hotline.objects.all())


def test_for_country_gives_national_and_eu_numbers_emergency_first():
    numbers = [h.number for h in Hotline.objects.for_country("ro")]
    assert numbers[0] == "112"
    assert "0800 800 678" in numbers and "119" in numbers and "116 000" in numbers


def test_for_country_moldova_has_the_trust_line():
    numbers = [h.number for h in Hotline.objects.for_country("MD")]
    assert numbers[0] == "112"
    assert "0 800 77777" in numbers
    assert "0800 800 678" not in numbers


def test_unpublished_numbers_are_left_out():
    Hotline.objects.filter(number="527").update(is_published=False)
    assert "527" not in [h.number for h in Hotline.objects.for_country("UA")]
    assert "0 800 505 501" in [h.number for h in Hotline.objects.for_country("UA")]


def test_names_fall_back_to_english():
    hotline = Hotline.objects.get(country="MD")
    assert hotline.display_name("uk").startswith("Довірча")
    assert hotline.display_name("de").startswith("Anti-trafficking")
