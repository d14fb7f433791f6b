"""The country pages of issue #20 in all five languages (no English left on a translated page)."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

# language → (the dashboard's transnational line, the note on a protocol a country has not revised)
EXPECTED = {
    "en": ("Transnational referrals this year", "has no revision of its own"),
    "ro": ("Trimiteri transnaționale anul acesta", "nu are încă o revizie proprie"),
    "uk": ("Транснаціональні направлення цього року", "ще не має власної редакції"),
    "ru": ("Транснациональные направления в этом году", "ещё нет собственной редакции"),
    "sr-latn": ("Transnacionalna upućivanja ove godine", "još nema sopstvenu reviziju"),
}


@pytest.mark.parametrize("language", list(EXPECTED))
def test_country_pages_in_every_language(client, login, language):
    transnational, not_revised = EXPECTED[language]
    login(client, "coordinator_rs")
    with translation.override(language):
        dashboard = client.get(reverse("core:dashboard")).content.decode()
        protocol = client.get(reverse("screening:protocol", kwargs={"sector": "health"})).content.decode()
    assert transnational in dashboard
    assert not_revised in protocol
    if language != "en":
        assert "Transnational referrals this year" not in dashboard
        assert "has no revision of its own" not in protocol
