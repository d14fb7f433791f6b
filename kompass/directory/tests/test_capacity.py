"""Declared capacity (issue #16): an organisation's own members say how many places are free per
service they offer; audited, validated, shown with its age; and the one ranking of providers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kompass.audit.models import AuditEvent
from kompass.directory import services
from kompass.directory.models import Entry, EntryService, ServiceCapacity
from kompass.directory.selectors import organisations_offering, place_point, rank_providers
from kompass.organisations.models import Organisation

pytestmark = pytest.mark.django_db
URL = "/directory/capacity/"


def entry(organisation, kind="office", services=("counselling",), city="", lat=None, lon=None, name=None):
    made = Entry.objects.create(
        organisation=organisation, name=name or f"{organisation.name} {kind} {city}", kind=kind,
        country=organisation.country, city=city, lat=lat, lon=lon, status=Entry.Status.PUBLISHED,
        location_confidential=kind == "shelter",
    )  # fmt: skip
    for code in services:
        EntryService.objects.create(entry=made, service=code)
    return made


@pytest.fixture
def shelter_a(org_a):
    return entry(org_a, "shelter", ("emergency_accommodation", "counselling"), city="Iași")


@pytest.mark.parametrize(
    ("name", "status"),
    [("org_admin_a", 200), ("caseworker_a", 200), ("frontline_a", 403), ("trainer_a", 403),
     ("auditor_a", 403), ("coordinator", 403), ("caseworker_b", 200), ("regional", 403), ("anonymous", 302)],
)  # fmt: skip
def test_capacity_page_access(client, login, shelter_a, name, status):
    login(client, name)
    assert client.get(URL).status_code == status


def test_a_caseworker_declares_places_and_it_is_audited(client, login, shelter_a, org_a):
    user = login(client, "caseworker_a")
    response = client.post(
        URL, {"service": "emergency_accommodation", "places_free": "3", "accepts_referrals": "on"}
    )
    assert response.status_code == 302
    capacity = ServiceCapacity.objects.get(organisation=org_a, service="emergency_accommodation")
    assert (capacity.places_free, capacity.accepts_referrals, capacity.updated_by) == (3, True, user)
    event = AuditEvent.objects.get(action="capacity_declared")
    assert event.organisation == org_a and event.detail["places_free"] == 3
    page = client.get(URL).content.decode()
    assert "3 places free, updated 0\xa0minutes ago" in page


@pytest.mark.parametrize(
    ("data", "field"),
    [({"places_free": "-1"}, "places_free"), ({"places_free": "many"}, "places_free"),
     ({"places_free": "20000"}, "places_free"), ({"service": "medical_care", "places_free": "2"}, "service"),
     ({"service": "teleportation", "places_free": "2"}, "service")],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, login, shelter_a, data, field):
    login(client, "org_admin_a")
    response = client.post(URL, {"service": "emergency_accommodation", "accepts_referrals": "on", **data})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not ServiceCapacity.objects.exists()
    assert not AuditEvent.objects.filter(action="capacity_declared").exists()


def test_a_member_declares_only_for_their_own_organisation(client, login, shelter_a, org_b):
    entry(org_b, "shelter", ("emergency_accommodation",), city="Novi Sad")
    login(client, "caseworker_b")
    client.post(URL, {"service": "emergency_accommodation", "places_free": "5", "accepts_referrals": "on"})
    assert list(ServiceCapacity.objects.values_list("organisation__name", flat=True)) == [org_b.name]
    assert "Iași" not in client.get(URL).content.decode()


def test_the_service_refuses_a_role_without_the_capability(shelter_a, persona):
    from django.core.exceptions import PermissionDenied

    frontline = persona("frontline_a")
    with pytest.raises(PermissionDenied):
        services.declare_capacity(
            membership=frontline.memberships.get(), service="counselling", places_free=1, by=frontline
        )


PAGE_TEXT = {
    "en": ("Places free in your organisation", "2 places free, updated 2\xa0days ago"),
    "ro": ("Locuri libere în organizația dumneavoastră", "2 locuri libere, actualizat acum 2\xa0zile"),
    "uk": ("Вільні місця у вашій організації", "2 вільні місця, оновлено 2\xa0дні тому"),
    "ru": ("Свободные места в вашей организации", "2 свободных места, обновлено 2\xa0дня назад"),
    "sr-latn": ("Slobodna mesta u vašoj organizaciji", "2 slobodna mesta, ažurirano pre 2\xa0dana"),
}


@pytest.mark.parametrize("language", list(PAGE_TEXT))
def test_capacity_page_in_each_language(client, login, shelter_a, org_a, language):
    ServiceCapacity.objects.create(organisation=org_a, service="emergency_accommodation", places_free=2,
                                   updated_at=timezone.now() - datetime.timedelta(days=2, hours=1))  # fmt: skip
    login(client, "caseworker_a")
    with translation.override(language):
        url = reverse("directory:capacity")
    page = client.get(url).content.decode()
    for text in PAGE_TEXT[language]:
        assert text in page, (language, text)


# --- the one ranking ---------------------------------------------------------------------------


@pytest.fixture
def romania(orgs):
    """Three Romanian organisations around Iași and Cluj, and one far away in Timișoara."""
    made = {
        "iasi_shelter": Organisation.objects.create(name="Shelter Iași", country="RO", city="Iași"),
        "cluj_shelter": Organisation.objects.create(name="Shelter Cluj", country="RO", city="Cluj-Napoca"),
        "iasi_office": Organisation.objects.create(name="Counselling Iași", country="RO", city="Iași"),
        "timis": Organisation.objects.create(name="Aid Timișoara", country="RO", city="Timișoara"),
    }
    entry(made["iasi_shelter"], "shelter", ("emergency_accommodation", "crisis_intervention"), city="Iași")
    entry(
        made["cluj_shelter"],
        "shelter",
        ("emergency_accommodation", "crisis_intervention"),
        city="Cluj-Napoca",
    )
    entry(made["iasi_office"], "office", ("counselling",), lat=47.16, lon=27.58)
    entry(made["timis"], "office", ("emergency_accommodation",), lat=45.75, lon=21.23)
    return made


def names(providers):
    return [p.organisation.name for p in providers]


def test_ranking_puts_the_same_region_and_fitting_services_first(romania):
    origin = place_point("RO", "Iași")
    ranked = rank_providers(
        services=["emergency_accommodation", "crisis_intervention"], origin=origin, country="RO"
    )
    assert names(ranked)[:2] == [
        "Shelter Iași",
        "Counselling Iași",
    ]  # same region first, the better fit first
    assert ranked[0].same_region and ranked[0].wanted == ("emergency_accommodation", "crisis_intervention")
    assert "Organisation B" not in names(ranked)  # another country's


def test_free_places_beat_a_full_shelter_and_the_full_one_stays_listed(romania):
    ServiceCapacity.objects.create(
        organisation=romania["iasi_shelter"], service="emergency_accommodation", places_free=0
    )
    ServiceCapacity.objects.create(
        organisation=romania["cluj_shelter"], service="emergency_accommodation", places_free=3
    )
    origin = place_point("RO", "Cluj")  # the county's seat, Cluj-Napoca
    ranked = rank_providers(
        services=["emergency_accommodation"], origin=origin, country="RO", offering_only=True
    )
    assert names(ranked) == ["Shelter Cluj", "Aid Timișoara", "Shelter Iași"]
    assert ranked[0].reasons() == [
        "same region",
        "offers emergency accommodation",
        "3 places free, updated 0\xa0minutes ago",
    ]
    assert ranked[-1].is_full and "full" in ranked[-1].capacity_text()


def test_nearest_first_for_a_referral(romania):
    origin = place_point("RO", "Timiș")
    ranked = rank_providers(
        services=["emergency_accommodation"], origin=origin, offering_only=True, nearest_first=True
    )
    assert names(ranked) == ["Aid Timișoara", "Shelter Cluj", "Shelter Iași"]
    assert ranked[0].distance_km < 10 < ranked[1].distance_km < ranked[2].distance_km


def test_an_organisation_not_taking_referrals_is_not_offered(romania):
    ServiceCapacity.objects.create(organisation=romania["timis"], service="emergency_accommodation",
                                   places_free=None, accepts_referrals=False)  # fmt: skip
    ranked = rank_providers(services=["emergency_accommodation"], offering_only=True)
    assert "Aid Timișoara" not in names(ranked)
    assert romania["timis"] not in organisations_offering("emergency_accommodation")
    assert romania["cluj_shelter"] in organisations_offering("emergency_accommodation")


def test_ranking_keeps_its_query_count(romania):
    origin = place_point("RO", "Iași")

    def count():
        with CaptureQueriesContext(connection) as queries:
            rank_providers(services=["emergency_accommodation", "counselling"], origin=origin, country="RO")
        return len(queries)

    few = count()
    for n in range(6):
        org = Organisation.objects.create(name=f"More {n}", country="RO", city="Bacău")
        entry(org, "shelter", ("emergency_accommodation", "counselling"), city="Bacău")
        entry(org, "office", ("counselling",), lat=46.57, lon=26.91)
        ServiceCapacity.objects.create(organisation=org, service="counselling", places_free=n)
    assert count() == few
