"""A member's own time zone and language (issue #20): times are shown in the user's zone when they
chose one, else in the organisation's, else in the country's."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from kompass.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

# language → (the page's title, the error for a zone that is not in the list)
EXPECTED = {
    "en": ("Your preferences", "Unknown time zone"),
    "ro": ("Preferințele tale", "Fus orar necunoscut"),
    "uk": ("Ваші налаштування", "Невідомий часовий пояс"),
    "ru": ("Ваши настройки", "Неизвестный часовой пояс"),
    "sr-latn": ("Vaša podešavanja", "Nepoznata vremenska zona"),
}


@pytest.mark.parametrize(
    ("persona_name", "status"), [("caseworker_b", 200), ("regional", 200), ("anonymous", 302)]
)
def test_preferences_page_access(client, login, persona_name, status):
    login(client, persona_name)
    assert client.get(reverse("accounts:preferences")).status_code == status


@pytest.mark.parametrize("language", list(EXPECTED))
def test_a_member_chooses_their_own_time_zone_in_every_language(client, login, persona, language):
    title, _unknown = EXPECTED[language]
    user = login(client, "caseworker_b")  # Novi Sad: the organisation's zone is Europe/Belgrade
    with translation.override(language):
        url = reverse("accounts:preferences")
        page = client.get(url).content.decode()
        assert title in page and "Europe/Belgrade" in page
        response = client.post(url, {"preferred_language": language, "time_zone": "Europe/Kyiv"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.time_zone, user.preferred_language) == ("Europe/Kyiv", language)
    event = AuditEvent.objects.filter(action="preferences_changed").get()
    assert event.detail["time_zone"] == "Europe/Kyiv"
    assert response.cookies["django_language"].value == language


@pytest.mark.parametrize("language", list(EXPECTED))
def test_an_unknown_zone_is_refused_with_a_clear_error_and_nothing_saved(client, login, language):
    _title, unknown = EXPECTED[language]
    user = login(client, "caseworker_b")
    with translation.override(language):
        response = client.post(
            reverse("accounts:preferences"), {"preferred_language": "uk", "time_zone": "Europe/Novi_Sad"}
        )
    assert response.status_code == 200 and unknown in response.content.decode()
    user.refresh_from_db()
    assert (user.time_zone, user.preferred_language) == ("", "en")


@pytest.mark.parametrize(
    ("own", "expected"),
    [("", "Europe/Belgrade"), ("America/New_York", "America/New_York"), ("Asia/Tokyo", "Asia/Tokyo")],
)
def test_pages_show_times_in_the_users_zone_else_the_organisations(client, login, persona, own, expected):
    user = login(client, "caseworker_b")
    user.time_zone = own
    user.save(update_fields=["time_zone"])
    noon = datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC)
    with time_machine.travel(noon, tick=False):
        page = client.get(reverse("accounts:preferences")).content.decode()
    shown = date_format(timezone.localtime(noon, ZoneInfo(expected)), "DATETIME_FORMAT")
    assert f"Times are shown in the time zone {expected}: it is now {shown}." in page
    # The zone is the request's only: afterwards the platform's default is back.
    assert timezone.get_current_timezone_name() == "Europe/Bucharest"
