"""Accepting a report suggests an organisation (issue #16): the report's country only, ranked by
region, the services the person needs and declared places; the best preselected, with why."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kompass.directory.models import Entry, EntryService, ServiceCapacity
from kompass.organisations.models import Organisation
from kompass.screening import services
from kompass.screening.models import Protocol
from kompass.screening.selectors import needed_services

pytestmark = pytest.mark.django_db


def entry(organisation, kind, codes, city):
    made = Entry.objects.create(
        organisation=organisation, name=f"{organisation.name} {kind}", kind=kind, country=organisation.country,
        city=city, status=Entry.Status.PUBLISHED, location_confidential=kind == "shelter",
    )  # fmt: skip
    for code in codes:
        EntryService.objects.create(entry=made, service=code)


@pytest.fixture
def coalition(orgs):
    cluj = Organisation.objects.create(name="Shelter Cluj", country="RO", city="Cluj-Napoca")
    iasi = Organisation.objects.create(name="Shelter Iași", country="RO", city="Iași")
    entry(cluj, "shelter", ("emergency_accommodation", "crisis_intervention"), "Cluj-Napoca")
    entry(iasi, "shelter", ("emergency_accommodation", "crisis_intervention"), "Iași")
    entry(orgs["a"], "office", ("counselling",), "Iași")
    entry(orgs["b"], "shelter", ("emergency_accommodation", "crisis_intervention"), "Novi Sad")
    ServiceCapacity.objects.create(organisation=iasi, service="emergency_accommodation", places_free=3)
    return {"cluj": cluj, "iasi": iasi}


@pytest.fixture
def urgent_report():
    revision = Protocol.objects.get(sector="health").published
    answers = {q["key"]: True for q in revision.questions_for("adult")}
    screening = services.run_screening(revision=revision, subject="adult", answers=answers, country="RO")
    return services.send_report(screening=screening, sector="health", country="RO", region="Iași")


def _detail(client, report, language="en"):
    with translation.override(language):
        url = report.get_absolute_url()
    return client.get(url).content.decode()


def test_an_urgent_report_needs_shelter_first(urgent_report):
    assert needed_services(urgent_report)[:2] == ["emergency_accommodation", "crisis_intervention"]
    plain = services.send_report(sector="online", country="RO")
    assert needed_services(plain)[0] == "counselling"


def test_the_best_fit_is_preselected_and_the_others_follow(client, login, coalition, urgent_report):
    login(client, "coordinator")
    page = _detail(client, urgent_report)
    order = [page.index(f"<strong>{name}</strong>") for name in
             ("Shelter Iași", "Organisation A", "Shelter Cluj", "National Agency against Trafficking")]  # fmt: skip
    assert order == sorted(order)  # same region first (the better fit first), then the others
    assert f'value="{coalition["iasi"].pk}" checked' in page
    assert "same region, offers emergency accommodation, crisis intervention, 3 places free, updated" in page
    assert "Organisation B" not in page  # Serbia's organisations are not offered for a Romanian report
    assert page.count(" checked") == 1


REASONS = {
    "en": ("suggested", "same region", "3 places free"),
    "ro": ("sugerată", "aceeași regiune", "3 locuri libere"),
    "uk": ("рекомендовано", "той самий регіон", "3 вільні місця"),
    "ru": ("рекомендуется", "тот же регион", "3 свободных места"),
    "sr-latn": ("predložena", "isti region", "3 slobodna mesta"),
}


@pytest.mark.parametrize("language", list(REASONS))
def test_the_suggestion_reads_in_each_language(client, login, coalition, urgent_report, language):
    login(client, "coordinator")
    page = _detail(client, urgent_report, language)
    for text in REASONS[language]:
        assert text in page, (language, text)


def test_accepting_to_an_organisation_of_another_country_is_refused(
    client, login, coalition, urgent_report, org_b
):
    login(client, "coordinator")
    client.post(
        reverse("screening:report_accept", kwargs={"code": urgent_report.code}), {"organisation": org_b.pk}
    )
    urgent_report.refresh_from_db()
    assert urgent_report.status == "new"
    client.post(
        reverse("screening:report_accept", kwargs={"code": urgent_report.code}),
        {"organisation": coalition["iasi"].pk},
    )
    urgent_report.refresh_from_db()
    assert urgent_report.accepted_by_organisation == coalition["iasi"]


def test_a_report_from_a_country_without_organisations_offers_the_coordinators_country(
    client, login, coalition
):
    login(client, "coordinator")
    report = services.send_report(sector="refugee_support", country="UA", region="Odesa")
    page = _detail(client, report)
    assert "Shelter Cluj" in page and "Organisation B" not in page


def test_the_detail_keeps_its_query_count(client, login, coalition, urgent_report):
    login(client, "coordinator")
    _detail(client, urgent_report)
    with CaptureQueriesContext(connection) as few:
        _detail(client, urgent_report)
    for n in range(5):
        org = Organisation.objects.create(name=f"Extra {n}", country="RO", city="Brașov")
        entry(org, "shelter", ("emergency_accommodation", "counselling"), "Brașov")
        ServiceCapacity.objects.create(organisation=org, service="emergency_accommodation", places_free=n)
    with CaptureQueriesContext(connection) as many:
        _detail(client, urgent_report)
    assert len(many) == len(few)
