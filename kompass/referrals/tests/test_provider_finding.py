"""Finding the provider (issue #16 point 2): choosing a service filters the organisations to those
offering it, nearest first, with their declared places; full ones stay listed, ones taking no
referrals are not offered. Works without JavaScript (a GET step)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kompass.cases.tests.factories import consent_to_share, make_case
from kompass.directory.models import Entry, EntryService, ServiceCapacity
from kompass.organisations.models import Organisation
from kompass.referrals.models import Referral

pytestmark = pytest.mark.django_db
SHELTER = "emergency_accommodation"


def entry(organisation, kind, codes, city="", lat=None, lon=None):
    made = Entry.objects.create(
        organisation=organisation, name=f"{organisation.name} {kind}", kind=kind, country=organisation.country,
        city=city, lat=lat, lon=lon, status=Entry.Status.PUBLISHED, location_confidential=kind == "shelter",
    )  # fmt: skip
    for code in codes:
        EntryService.objects.create(entry=made, service=code)


@pytest.fixture
def providers(orgs):
    """Around a case in Iași: a shelter in Iași with room, a full one in Cluj, one in Timișoara with
    nothing declared, one that takes nobody now, and a counselling office without a shelter."""
    made = {
        "iasi": Organisation.objects.create(name="Shelter Iași", country="RO", city="Iași"),
        "cluj": Organisation.objects.create(name="Shelter Cluj", country="RO", city="Cluj-Napoca"),
        "timis": Organisation.objects.create(name="Aid Timișoara", country="RO", city="Timișoara"),
        "closed": Organisation.objects.create(name="Closed Shelter Bacău", country="RO", city="Bacău"),
        "office": Organisation.objects.create(name="Counselling Iași", country="RO", city="Iași"),
    }
    entry(made["iasi"], "shelter", (SHELTER, "counselling"), city="Iași")
    entry(made["cluj"], "shelter", (SHELTER,), city="Cluj-Napoca")
    entry(made["timis"], "office", (SHELTER,), lat=45.75, lon=21.23)
    entry(made["closed"], "shelter", (SHELTER,), city="Bacău")
    entry(made["office"], "office", ("counselling",), lat=47.16, lon=27.58)
    two_days_ago = timezone.now() - datetime.timedelta(days=2, hours=1)
    ServiceCapacity.objects.create(
        organisation=made["iasi"], service=SHELTER, places_free=3, updated_at=two_days_ago
    )
    ServiceCapacity.objects.create(
        organisation=made["cluj"], service=SHELTER, places_free=0, updated_at=two_days_ago
    )
    ServiceCapacity.objects.create(organisation=made["closed"], service=SHELTER, accepts_referrals=False)
    return made


@pytest.fixture
def case(org_a, persona):
    return make_case(org_a, persona("caseworker_a"), region="Iași")


def url(case, language="en", **query):
    with translation.override(language):
        base = reverse("referrals:create", kwargs={"case_code": case.code})
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def listed(page: str, names) -> list[str]:
    found = [
        (page.index(f"<strong>{name}</strong>"), name) for name in names if f"<strong>{name}</strong>" in page
    ]
    return [name for _pos, name in sorted(found)]


ALL = ["Shelter Iași", "Shelter Cluj", "Aid Timișoara", "Closed Shelter Bacău", "Counselling Iași"]


def test_choosing_a_service_filters_the_organisations_nearest_first(client, login, case, providers):
    login(client, "caseworker_a")
    page = client.get(url(case, service=SHELTER)).content.decode()
    assert listed(page, ALL) == ["Shelter Iași", "Shelter Cluj", "Aid Timișoara"]
    assert f'id="provider-{providers["iasi"].pk}" checked' in page  # the nearest with room
    assert "3 places free, updated 2\xa0days ago" in page
    assert "full (no places free), updated 2\xa0days ago" in page  # listed, shown as full
    assert "no places declared" in page


def test_the_service_step_is_a_plain_get_form(client, login, case, providers):
    login(client, "caseworker_a")
    page = client.get(url(case)).content.decode()
    assert '<form method="get"' in page and 'name="service"' in page
    counselling = client.get(url(case, service="counselling")).content.decode()
    assert listed(counselling, ALL) == ["Counselling Iași", "Shelter Iași"]


def test_a_transfer_lists_every_other_organisation(client, login, case, providers):
    login(client, "caseworker_a")
    page = client.get(url(case, service="transfer")).content.decode()
    assert set(listed(page, ALL)) == set(ALL)
    assert "<strong>Organisation A</strong>" not in page  # not to itself


def test_an_organisation_that_takes_nobody_is_refused_with_a_clear_message(
    client, login, case, providers, persona
):
    consent_to_share(case, providers["closed"], persona("caseworker_a"))
    login(client, "caseworker_a")
    data = {"kind": "service", "service": SHELTER, "to_organisation": providers["closed"].pk}
    response = client.post(url(case, service=SHELTER), data)
    assert response.status_code == 200
    assert "takes no referrals for it now: choose one from the list" in response.content.decode()
    assert not Referral.objects.exists()


def test_referring_to_the_nearest_with_a_free_place(client, login, case, providers, persona):
    consent_to_share(case, providers["iasi"], persona("caseworker_a"))
    login(client, "caseworker_a")
    data = {"kind": "service", "service": SHELTER, "to_organisation": providers["iasi"].pk}
    response = client.post(url(case, service=SHELTER), data)
    referral = Referral.objects.get()
    assert response.status_code == 302 and referral.to_organisation == providers["iasi"]


def test_distance_from_the_referring_office_when_the_region_is_unknown(
    client, login, org_a, persona, providers
):
    case = make_case(org_a, persona("caseworker_a"), region="")  # organisation A works in Iași
    login(client, "caseworker_a")
    page = client.get(url(case, service=SHELTER)).content.decode()
    assert listed(page, ALL) == ["Shelter Iași", "Shelter Cluj", "Aid Timișoara"]


TEXTS = {
    "en": ("3 places free, updated 2\xa0days ago", "Show who offers it"),
    "ro": ("3 locuri libere, actualizat acum 2\xa0zile", "Arată cine îl oferă"),
    "uk": ("3 вільні місця, оновлено 2\xa0дні тому", "Показати, хто її надає"),
    "ru": ("3 свободных места, обновлено 2\xa0дня назад", "Показать, кто её предоставляет"),
    "sr-latn": ("3 slobodna mesta, ažurirano pre 2\xa0dana", "Prikaži ko je pruža"),
}
FULL = {"en": "full", "ro": "plin", "uk": "місць немає", "ru": "мест нет", "sr-latn": "popunjeno"}


@pytest.mark.parametrize("language", list(TEXTS))
def test_provider_finding_in_each_language(client, login, case, providers, language):
    login(client, "caseworker_a")
    page = client.get(url(case, language, service=SHELTER)).content.decode()
    for text in (*TEXTS[language], FULL[language]):
        assert text in page, (language, text)


@pytest.mark.parametrize(
    ("name", "status"),
    [("caseworker_a", 200), ("org_admin_a", 200), ("frontline_a", 403), ("auditor_a", 403),
     ("caseworker_b", 404), ("coordinator", 403), ("anonymous", 302)],
)  # fmt: skip
def test_provider_finding_access(client, login, case, providers, name, status):
    login(client, name)
    assert client.get(url(case, service=SHELTER)).status_code == status


def test_the_provider_list_keeps_its_query_count(client, login, case, providers):
    login(client, "caseworker_a")
    client.get(url(case, service=SHELTER))
    with CaptureQueriesContext(connection) as few:
        client.get(url(case, service=SHELTER))
    for n in range(6):
        org = Organisation.objects.create(name=f"Extra shelter {n}", country="RO", city="Brașov")
        entry(org, "shelter", (SHELTER, "counselling"), city="Brașov")
        ServiceCapacity.objects.create(organisation=org, service=SHELTER, places_free=n)
    with CaptureQueriesContext(connection) as many:
        client.get(url(case, service=SHELTER))
    assert len(many) == len(few)
