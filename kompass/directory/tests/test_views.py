import pytest

from kompass.directory.models import Entry, EntryService

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry_a(org_a):
    entry = Entry.objects.create(organisation=org_a, name="Iași day centre", kind="office", city="Iași",
                                 country="RO", lat=47.158, lon=27.601, languages=";ro;uk;", status="published",
                                 phone="+40 232 000 000")  # fmt: skip
    EntryService.objects.create(entry=entry, service="counselling")
    return entry


@pytest.fixture
def entry_b(org_b):
    entry = Entry.objects.create(organisation=org_b, name="Novi Sad shelter", kind="shelter", city="Novi Sad",
                                 country="RS", lat=45.2517, lon=19.8369, languages=";sr;", status="published")  # fmt: skip
    EntryService.objects.create(entry=entry, service="emergency_accommodation")
    return entry


def test_public_search_by_text_service_and_language(client, entry_a, entry_b):
    page = client.get("/directory/", {"q": "shelter"}).content.decode()
    assert "Novi Sad shelter" in page and "Iași day centre" not in page
    page = client.get("/directory/", {"service": "counselling"}).content.decode()
    assert "Iași day centre" in page and "Novi Sad shelter" not in page
    page = client.get("/directory/", {"language": "uk"}).content.decode()
    assert "Iași day centre" in page and "Novi Sad shelter" not in page


def test_public_search_near_a_place_in_any_script(client, entry_a, entry_b):
    page = client.get("/uk/directory/", {"near": "Ясси", "radius_km": "25"}).content.decode()
    assert "Iași day centre" in page and "Novi Sad shelter" not in page
    assert "поблизу Ясси" in page
    page = client.get("/directory/", {"near": "Нови Сад", "radius_km": "10"}).content.decode()
    assert "Novi Sad shelter" in page and "Iași day centre" not in page


def test_near_an_unknown_place_suggests(client, entry_a):
    page = client.get("/directory/", {"near": "Iaxi"}).content.decode()
    assert "Did you mean" in page


def test_unpublished_entries_are_not_public(client, entry_a):
    Entry.objects.filter(pk=entry_a.pk).update(status="pending")
    assert "Iași day centre" not in client.get("/directory/", {"q": "Iași"}).content.decode()
    assert client.get(f"/directory/entries/{entry_a.code}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("org_admin_a", 200),
        ("coordinator", 200),
        ("org_admin_b", 404),
        ("caseworker_a", 403),
        ("anonymous", 302),
    ],
)
def test_edit_access(client, login, entry_a, name, status):
    login(client, name)
    assert client.get(f"/directory/manage/{entry_a.code}/edit/").status_code == status


def test_organisation_edit_goes_back_to_approval_and_coordinator_publishes(client, login, entry_a):
    login(client, "org_admin_a")
    data = {
        "name": "Iași day centre",
        "kind": "office",
        "city": "Iași",
        "country": "ro",
        "lat": "47.158",
        "lon": "27.601",
        "services": ["counselling", "legal_assistance"],
        "languages": ["ro", "uk", "ru"],
    }
    response = client.post(f"/directory/manage/{entry_a.code}/edit/", data)
    assert response.status_code == 302
    entry_a.refresh_from_db()
    assert entry_a.status == "pending"
    assert entry_a.service_list == ["counselling", "legal_assistance"]
    assert entry_a.language_list == ["ro", "uk", "ru"]
    # The organisation may not approve its own entry.
    client.post(f"/directory/manage/{entry_a.code}/status/published/")
    entry_a.refresh_from_db()
    assert entry_a.status == "pending"
    login(client, "coordinator")
    client.post(f"/directory/manage/{entry_a.code}/status/published/", {"note": "checked by phone"})
    entry_a.refresh_from_db()
    assert entry_a.status == "published" and entry_a.review_note == "checked by phone"


def test_new_entry_starts_as_draft_and_is_submitted(client, login, org_a):
    login(client, "org_admin_a")
    data = {
        "name": "Siret tent",
        "kind": "support_point",
        "country": "RO",
        "lat": "47.95",
        "lon": "26.06",
        "services": ["information"],
        "languages": ["uk"],
    }
    assert client.post("/directory/manage/new/", data).status_code == 302
    entry = Entry.objects.get(name="Siret tent")
    assert entry.status == "draft" and entry.organisation == org_a
    client.post(f"/directory/manage/{entry.code}/status/pending/")
    entry.refresh_from_db()
    assert entry.status == "pending"


def test_support_point_without_coordinates_is_refused(client, login):
    login(client, "org_admin_a")
    data = {"name": "Nowhere", "kind": "support_point", "country": "RO", "services": ["information"]}
    response = client.post("/directory/manage/new/", data)
    assert response.status_code == 200
    assert not Entry.objects.filter(name="Nowhere").exists()


def test_organisations_offering(entry_a, entry_b, org_a):
    from kompass.directory.selectors import organisations_offering

    assert list(organisations_offering("counselling")) == [org_a]
    with pytest.raises(ValueError):
        organisations_offering("massage")
