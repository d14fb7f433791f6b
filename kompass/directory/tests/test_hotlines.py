from urllib.parse import urlparse

import pytest
from django.conf import settings

from kompass.directory.data.hotlines import HOTLINES, seed_hotlines
from kompass.directory.models import Hotline

pytestmark = pytest.mark.django_db

DESTINATIONS = ["PL", "DE", "CZ", "IT", "ES", "NL", "AT", "GB"]


def test_seed_migration_loads_every_number_with_its_source():
    assert Hotline.objects.published().count() == len(HOTLINES)
    for hotline in Hotline.objects.published():
        assert hotline.source_name and hotline.last_verified, hotline
        assert urlparse(hotline.source_url).scheme == "https" and urlparse(hotline.source_url).netloc, hotline
        hotline.full_clean()


def test_every_name_is_in_the_five_languages():
    codes = {code for code, _name in settings.LANGUAGES}
    for hotline in Hotline.objects.published():
        assert set(hotline.name) == codes, hotline
        assert not hotline.hours or set(hotline.hours) == codes, hotline


@pytest.mark.parametrize("country", ["RO", "MD", "UA", "RS", "PL", *DESTINATIONS])
def test_116_006_is_never_listed(country):
    assert "116 006" not in [h.number for h in Hotline.objects.for_country(country)]


def test_reseeding_keeps_retired_numbers_unpublished():
    Hotline.objects.create(country="EU", number="116 006", name={"en": "Victims"}, purpose="victims")
    seed_hotlines()
    assert not Hotline.objects.get(number="116 006").is_published
    assert "Not operated in Romania or Poland" in Hotline.objects.get(number="116 006").internal_note


def test_for_country_gives_national_and_region_wide_numbers_emergency_first():
    numbers = [h.number for h in Hotline.objects.for_country("ro")]
    assert numbers[0] == "112"
    assert "0800 800 678" in numbers and "119" in numbers and "116 111" in numbers


def test_numbers_to_call_from_abroad_for_romania_and_moldova():
    assert Hotline.objects.get(country="RO", number="0800 800 678").number_from_abroad == "+40 21 313 3100"
    moldova = Hotline.objects.get(country="MD", number="0 800 77777")
    assert moldova.number_from_abroad == "+373 22 23 33 09" and moldova.tel_from_abroad == "+37322233309"


def test_for_country_moldova_has_the_trust_line():
    numbers = [h.number for h in Hotline.objects.for_country("MD")]
    assert numbers[0] == "112"
    assert "0 800 77777" in numbers
    assert "0800 800 678" not in numbers


@pytest.mark.parametrize("country", DESTINATIONS)
def test_every_destination_country_of_job_offers_has_a_sourced_line(country):
    lines = [h for h in Hotline.objects.for_country(country) if h.country == country]
    assert lines and all(h.purpose in {"trafficking", "police", "violence"} for h in lines)


def test_unpublished_numbers_are_left_out():
    Hotline.objects.filter(number="527").update(is_published=False)
    assert "527" not in [h.number for h in Hotline.objects.for_country("UA")]
    assert "0 800 505 501" in [h.number for h in Hotline.objects.for_country("UA")]


def test_names_fall_back_to_english():
    hotline = Hotline.objects.get(country="MD", number="0 800 77777")
    assert hotline.display_name("uk").startswith("Довірча")
    assert hotline.display_name("de").startswith("Anti-trafficking")


def test_a_published_number_needs_source_page_and_date():
    from django.core.exceptions import ValidationError

    hotline = Hotline(country="RO", number="0800 000 000", name={"en": "X"}, purpose="trafficking")
    with pytest.raises(ValidationError) as exc:
        hotline.full_clean()
    assert {"source_name", "source_url", "last_verified"} <= set(exc.value.message_dict)
    hotline.is_published = False
    hotline.full_clean()
