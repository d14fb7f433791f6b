"""The directory on a phone: maps links, near me, names and hours per language, open now (#12.6)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import translation

from kompass.directory.models import Entry, EntryService

pytestmark = pytest.mark.django_db
LANGUAGES = [("en", ""), ("ro", "/ro"), ("uk", "/uk"), ("ru", "/ru"), ("sr-latn", "/sr-latn")]
CHISINAU = zoneinfo.ZoneInfo("Europe/Chisinau")


@pytest.fixture
def station(org_a):
    entry = Entry.objects.create(
        organisation=org_a, name="Chișinău railway station help point", kind="support_point", city="Chișinău",
        country="MD", lat=47.0136, lon=28.8453, status="published", phone="+373 22 000 001",
        hours="Mo-Fr 09:00-17:00; Sa 10:00-14:00",
        names={"uk": "Пункт допомоги на вокзалі Кишинева", "ru": "Пункт помощи на вокзале Кишинёва",
               "ro": "Punct de ajutor la gara din Chișinău", "sr-latn": "Punkt pomoći na stanici u Kišinjevu"},
    )  # fmt: skip
    EntryService.objects.create(entry=entry, service="information")
    return entry


@pytest.fixture
def shelter(org_a):
    entry = Entry.objects.create(organisation=org_a, name="Chișinău shelter", kind="shelter", city="Chișinău",
                                 country="MD", location_confidential=True, status="published",
                                 phone="+373 22 000 002", hours="24/7")  # fmt: skip
    EntryService.objects.create(entry=entry, service="emergency_accommodation")
    return entry


def gettext(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_entry_links_to_a_maps_app_and_openstreetmap(client, station, language, prefix):
    for url in (f"{prefix}{station.get_absolute_url()}", f"{prefix}/directory/?q=railway"):
        page = client.get(url).content.decode()
        assert 'href="geo:47.01360,28.84530?q=47.01360,28.84530(' in page, url
        assert (
            "https://www.openstreetmap.org/?mlat=47.01360&amp;mlon=28.84530#map=17/47.01360/28.84530" in page
        )
        label = gettext(language, "Open in a maps app")
        assert label in page
        if language != "en":
            assert label != "Open in a maps app"


def test_a_confidential_location_never_reaches_a_map_or_a_distance(client, station, shelter):
    pages = [
        client.get(shelter.get_absolute_url()).content.decode(),
        client.get("/directory/", {"q": "shelter"}).content.decode(),
        client.get("/directory/", {"near": "Chișinău", "radius_km": "250"}).content.decode(),
        client.get("/directory/", {"lat": "47.01", "lon": "28.85", "radius_km": "250"}).content.decode(),
    ]
    assert "Chișinău shelter" in pages[0] and "Chișinău shelter" in pages[1]
    for page in pages:
        assert "geo:" not in page.split("Chișinău shelter", 1)[-1].split("</li>", 1)[0]
    # Near-me lists the station with its distance, never the shelter.
    assert "railway station" in pages[3] and "Chișinău shelter" not in pages[3]
    assert "Chișinău shelter" not in pages[2]
    # Even if coordinates were somehow present, the one property refuses them.
    shelter.lat, shelter.lon = 47.0, 28.8
    assert shelter.map_point is None


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_near_me_from_the_browsers_location(client, station, org_b, language, prefix):
    Entry.objects.create(organisation=org_b, name="Iași day centre", kind="office", city="Iași", country="RO",
                         lat=47.158, lon=27.601, status="published")  # fmt: skip
    page = client.get(
        f"{prefix}/directory/", {"lat": "47.02", "lon": "28.83", "radius_km": "25"}
    ).content.decode()
    assert "Iași day centre" not in page
    assert station.display_name(language) in page
    assert gettext(language, "near your location") in page
    # The page offers the button to JavaScript only: it is hidden until the script shows it.
    assert 'id="near-me" hidden' in page and "js/directory-near-me.js" in page
    assert "<script>" not in page


def test_bad_coordinates_are_a_form_error_not_a_500(client, station):
    response = client.get("/uk/directory/", {"lat": "200", "lon": "x"})
    assert response.status_code == 200
    message = gettext("uk", "Your location could not be read. Type the name of a place instead.")
    assert message in response.content.decode() and message.startswith("Ваше")


def test_a_typed_place_wins_over_coordinates(client, station, org_b):
    Entry.objects.create(organisation=org_b, name="Iași day centre", kind="office", city="Iași", country="RO",
                         lat=47.158, lon=27.601, status="published")  # fmt: skip
    page = client.get("/directory/", {"near": "Iași", "lat": "47.02", "lon": "28.83", "radius_km": "25"})
    page = page.content.decode()
    assert "Iași day centre" in page and "railway station" not in page


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_names_and_opening_hours_per_language(client, station, language, prefix):
    page = client.get(f"{prefix}{station.get_absolute_url()}").content.decode()
    assert f"<h1>{station.display_name(language)}</h1>" in page
    with translation.override(language):
        hours = station.display_hours()
    assert hours in page
    if language == "uk":
        assert hours == "Пн–Пт 09:00–17:00; Сб 10:00–14:00"
    if language != "en":
        assert "Mon" not in hours


@pytest.mark.parametrize(
    ("local", "open_now"),
    [
        (datetime.datetime(2026, 12, 2, 9, 30), True),  # Wednesday morning in Chișinău
        (datetime.datetime(2026, 12, 2, 17, 0), False),  # closing time
        (datetime.datetime(2026, 12, 5, 13, 59), True),  # Saturday
        (datetime.datetime(2026, 12, 6, 12, 0), False),  # Sunday
    ],
)
def test_open_now_in_the_entrys_time_zone(client, station, local, open_now):
    with time_machine.travel(local.replace(tzinfo=CHISINAU), tick=False):
        page = client.get(station.get_absolute_url()).content.decode()
    assert ("Open now" in page) is open_now
    assert ("Closed now" in page) is not open_now


def test_open_now_uses_the_country_time_zone_not_the_servers(station):
    # 08:30 in UTC is 10:30 in Chișinău (UTC+2 in winter): open there.
    moment = datetime.datetime(2026, 12, 2, 8, 30, tzinfo=datetime.UTC)
    assert station.is_open_now(moment) is True
    station.country = "GB"  # 08:30 in London: not yet open
    assert station.is_open_now(moment) is False


def test_hours_in_free_text_are_shown_as_typed_without_open_now(client, station):
    Entry.objects.filter(pk=station.pk).update(hours="By appointment")
    page = client.get("/uk" + station.get_absolute_url()).content.decode()
    assert "By appointment" in page and gettext("uk", "Open now") not in page
    assert gettext("uk", "Closed now") not in page


def test_coordinator_enters_names_per_language(client, login, station):
    login(client, "coordinator")
    url = f"/directory/manage/{station.code}/edit/"
    form = client.get(url).content.decode()
    assert 'name="name_uk"' in form and 'name="name_en"' not in form
    data = {
        "name": station.name, "kind": "support_point", "city": "Chișinău", "country": "MD", "lat": "47.0136",
        "lon": "28.8453", "phone": station.phone, "hours": station.hours, "services": ["information"],
        "name_uk": "Новий пункт допомоги", "name_ro": "", "name_ru": "", "name_sr-latn": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    station.refresh_from_db()
    assert station.names == {"uk": "Новий пункт допомоги"}
