"""A shelter with a confidential location: city and phone only, anywhere the public can look (finding 13)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kompass.directory.models import Entry, EntryService

pytestmark = pytest.mark.django_db

STREET = "Strada Secretă 7"


@pytest.fixture
def shelter(org_a):
    entry = Entry.objects.create(organisation=org_a, name="Safe house Iași", kind="shelter", city="Iași",
                                 country="RO", location_confidential=True, status="published",
                                 phone="+40 232 000 111", languages=";ro;uk;")  # fmt: skip
    EntryService.objects.create(entry=entry, service="emergency_accommodation")
    return entry


@pytest.fixture
def office(org_a):
    entry = Entry.objects.create(organisation=org_a, name="Iași day centre", kind="office", city="Iași",
                                 country="RO", lat=47.158, lon=27.601, address="Bulevardul Public 1",
                                 status="published", phone="+40 232 000 000")  # fmt: skip
    EntryService.objects.create(entry=entry, service="emergency_accommodation")
    return entry


def test_the_database_refuses_an_address_or_coordinates_for_a_confidential_entry(shelter):
    for changes in ({"address": STREET}, {"lat": 47.17, "lon": 27.58}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Entry.objects.filter(pk=shelter.pk).update(**changes)


def test_validation_names_the_fields_to_leave_empty(shelter):
    shelter.address, shelter.lat, shelter.lon = STREET, 47.17, 27.58
    with pytest.raises(ValidationError) as exc:
        shelter.full_clean()
    assert {"address", "lat"} <= set(exc.value.message_dict)


def test_a_support_point_cannot_be_confidential(org_a):
    entry = Entry(
        organisation=org_a, name="Tent", kind="support_point", country="RO", location_confidential=True
    )
    with pytest.raises(ValidationError) as exc:
        entry.full_clean()
    assert "location_confidential" in exc.value.message_dict


def test_staff_form_refuses_a_street_address_for_a_confidential_shelter(client, login):
    login(client, "org_admin_a")
    data = {"name": "Second safe house", "kind": "shelter", "location_confidential": "on", "city": "Iași",
            "address": STREET, "country": "RO", "lat": "47.17", "lon": "27.58", "services": ["counselling"]}  # fmt: skip
    response = client.post("/directory/manage/new/", data)
    assert response.status_code == 200
    assert "keeps no street address" in response.content.decode()
    assert not Entry.objects.filter(name="Second safe house").exists()
    data.update(address="", lat="", lon="")
    assert client.post("/directory/manage/new/", data).status_code == 302
    saved = Entry.objects.get(name="Second safe house")
    assert saved.location_confidential and saved.city == "Iași" and saved.lat is None


def _assert_no_location(text: str) -> None:
    assert STREET not in text
    for link in ("geo:", "openstreetmap", "google.com/maps", "maps.apple"):
        assert link not in text.lower(), link


@pytest.mark.parametrize("language", ["en", "ro", "uk", "ru", "sr-latn"])
def test_public_pages_show_city_and_phone_only(client, shelter, office, language):
    prefix = "" if language == "en" else f"/{language}"
    entry_page = client.get(f"{prefix}/directory/entries/{shelter.code}/").content.decode()
    assert "Safe house Iași" in entry_page and "Iași" in entry_page and "tel:+40232000111" in entry_page
    assert "47.1" not in entry_page and "27.5" not in entry_page
    _assert_no_location(entry_page)
    search = client.get(f"{prefix}/directory/", {"q": "Iași"}).content.decode()
    assert "Safe house Iași" in search and "Iași day centre" in search
    _assert_no_location(search.split("Safe house Iași", 1)[1].split("</li>", 1)[0])


def test_near_me_and_plans_never_place_a_confidential_entry(client, shelter, office):
    near = client.get("/directory/", {"near": "Iași", "radius_km": "25"}).content.decode()
    assert "Iași day centre" in near and "Safe house Iași" not in near
    response = client.post(
        "/api/v1/journeys/plan",
        json.dumps(
            {
                "waypoints": [{"place": "Iași", "country": "RO"}, {"place": "Chișinău", "country": "MD"}],
                "corridor_km": 50,
            }
        ),  # fmt: skip
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Iași day centre" in body and "Safe house Iași" not in body
    _assert_no_location(body)
