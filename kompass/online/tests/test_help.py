"""Whom to contact: the country's child helplines, reporting services and take-down tools, each with
its source and last-verified date (kompass.facts)."""

import pytest
from django.urls import reverse
from django.utils import translation

from kompass.directory.data.hotlines import seed_hotlines
from kompass.online.data.services import SERVICES, seed_services
from kompass.online.models import HelpService

pytestmark = pytest.mark.django_db

COUNTRIES = ["RO", "MD", "RS", "UA"]


@pytest.fixture(autouse=True)
def english_phone(client):
    """Unprefixed pages are asked for by an English phone: a bare `?country=` link would otherwise open in
    that country's language (core/middleware.py, link_language)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def seeded():
    seed_hotlines()
    seed_services()


def _topic(slug, language, country):
    with translation.override(language):
        return reverse("online:topic", kwargs={"slug": slug}) + f"?country={country}"


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_a_child_helpline_and_a_place_to_report_images_or_the_police(client, country):
    html = client.get(_topic("sextortion", "en", country)).content.decode()
    assert 'href="tel:116111"' in html, "the child helpline"
    services = HelpService.objects.for_country(country)
    assert services.exists()
    for service in services:
        assert service.url in html
    assert "https://takeitdown.ncmec.org/" in html and "https://stopncii.org/" in html


def test_every_service_carries_its_official_source_and_date():
    for service in HelpService.objects.all():
        assert service.source_name and service.source_url.startswith("https://")
        assert service.last_verified is not None
        service.full_clean()
    assert {row["code"] for row in SERVICES} == set(HelpService.objects.values_list("code", flat=True))


def test_sources_and_dates_are_shown_and_internal_notes_never(client):
    HelpService.objects.filter(code="take-it-down").update(internal_note="INTERNAL: call them about X")
    html = client.get(_topic("image-abuse", "ro", "RO")).content.decode()
    assert "National Center for Missing &amp; Exploited Children" in html
    assert "2026-12-02" in html
    assert "INTERNAL" not in html


def test_a_withdrawn_service_leaves_the_pages(client):
    HelpService.objects.filter(code="ro-esc-abuz").update(is_published=False)
    html = client.get(_topic("sextortion", "en", "RO")).content.decode()
    assert "oradenet.ro" not in html


def test_take_down_help_is_only_on_the_topics_about_images(client):
    assert "takeitdown.ncmec.org" not in client.get(_topic("recruitment", "en", "RO")).content.decode()
    assert "takeitdown.ncmec.org" in client.get(_topic("grooming", "en", "RO")).content.decode()


def test_the_coordinator_reviews_and_withdraws_services_on_the_facts_list(client, login):
    login(client, "coordinator")
    review = client.get(reverse("facts:review") + "?all=1").content.decode()
    assert "Online-help services" in review and "Take It Down" in review
    service = HelpService.objects.get(code="rs-net-patrola")
    response = client.post(
        reverse("facts:review") + f"online.helpservice/{service.pk}/withdraw/", {"reason": "Closed"}
    )
    assert response.status_code == 302
    client.logout()
    assert "netpatrola.rs" not in client.get(_topic("sextortion", "sr-latn", "RS")).content.decode()
