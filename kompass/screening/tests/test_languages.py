"""Every screening page renders in every language (catches broken placeholders in translations)."""

import pytest
from django.urls import reverse
from django.utils import translation

from kompass.screening import services
from kompass.screening.models import Protocol

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"screening:{name}", kwargs=kwargs or None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_render(client, language):
    revision = Protocol.objects.get(sector="refugee_support").published
    questions = revision.questions_for("child")
    screening = services.run_screening(
        revision=revision, subject="child", answers={q["key"]: True for q in questions}, country="MD"
    )
    report = services.send_report(screening=screening, sector="refugee_support", country="MD")
    pages = [
        url("start", language) + "?sector=refugee_support&subject=child&country=MD",
        url("emergency", language),
        url("result", language, code=screening.code),
        url("report_sent", language, code=report.code),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'lang="{language}"' in response.content.decode()
    html = client.get(pages[2]).content.decode()
    assert questions[0]["text"][language] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_pages_render(client, login, persona, language):
    login(client, "coordinator")
    health = Protocol.objects.get(sector="health")
    services.start_draft(protocol=health, by=persona("coordinator"))
    revision = health.published
    screening = services.run_screening(revision=revision, subject="adult", answers={}, country="RO")
    report = services.send_report(screening=screening, sector="health", country="RO")
    for page in [
        url("indicators", language),
        url("protocols", language),
        url("protocol", language, sector="health"),
        url("revision", language, sector="health", number=1),
        url("draft", language, sector="health"),
        url("draft_question_add", language, sector="health"),
        url("reports", language),
        url("report_detail", language, code=report.code),
    ]:
        assert client.get(page).status_code == 200, page
