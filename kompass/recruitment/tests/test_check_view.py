"""The public checker: no login, nothing stored, every reason shown with the words that triggered it."""

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

UKRAINIAN_OFFER = (
    "Робота для дівчат 18-25 років хостес у Дубаї! Зарплата від 3000 доларів на місяць, досвід не потрібен. "
    "Квитки та житло безкоштовні. Надішліть фото паспорта і пишіть лише у телеграм @dubai_job. Терміново!"
)
HARMLESS_OFFER = (
    "Accountant for our Chișinău office. Permanent contract, apply through our website with your CV."
)


def _row_counts():
    """Rows in every table of the database (a check must not add any, anywhere)."""
    tables = set(connection.introspection.table_names())
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.db_table in tables}


def test_check_page_is_public(client):
    response = client.get(reverse("recruitment:check"))
    assert response.status_code == 200
    assert b"quick-exit" in response.content


def test_a_check_stores_nothing(client):
    before = _row_counts()
    response = client.post(
        reverse("recruitment:check"), {"text": UKRAINIAN_OFFER, "contact_channel": "telegram"}
    )
    assert response.status_code == 200
    assert _row_counts() == before
    assert not client.session.keys()


def test_result_shows_risk_reasons_and_marked_evidence(client):
    response = client.post(reverse("recruitment:check"), {"text": UKRAINIAN_OFFER})
    result = response.context["result"]
    assert result.risk == "high"
    codes = {r.code for r in result.reasons}
    assert {"age_gender", "hostess_abroad", "documents", "messenger_only", "all_paid", "urgency"} <= codes
    html = response.content.decode()
    for reason in result.reasons:
        for words in reason.evidence:
            assert words in UKRAINIAN_OFFER
            assert f"<mark>{words}</mark>" in html
    assert "risk-high" in html


def test_harmless_offer_is_low_risk_with_advice(client, settings):
    response = client.post(reverse("recruitment:check"), {"text": HARMLESS_OFFER})
    assert response.context["result"].risk == "low"
    assert "Never hand over your documents" in response.content.decode()


def test_advice_lists_hotlines_from_the_directory(client):
    from kompass.directory.models import Hotline

    response = client.post(reverse("recruitment:check"), {"text": UKRAINIAN_OFFER})
    numbers = list(Hotline.objects.published().filter(purpose="trafficking").values_list("number", flat=True))
    assert numbers, "the directory seeds the hotlines of DOMAIN.md §5"
    html = response.content.decode()
    assert all(number in html for number in numbers)


def test_optional_fields_are_evidence_too(client):
    response = client.post(
        reverse("recruitment:check"),
        {"text": "Work in a night club, good tips.", "place": "Dubai", "contact_channel": "viber"},
    )
    reasons = {r.code: r for r in response.context["result"].reasons}
    assert set(reasons["hostess_abroad"].evidence) == {"night club", "Dubai"}
    assert reasons["messenger_only"].evidence == ("Viber",)


def test_empty_text_is_a_form_error(client):
    response = client.post(reverse("recruitment:check"), {"text": "  "})
    assert response.status_code == 200
    assert response.context["result"] is None
    assert response.context["form"].errors["text"]


@pytest.mark.parametrize("language", ["en", "ro", "uk", "ru", "sr-latn"])
def test_page_in_every_language(client, language):
    with translation.override(language):
        url = reverse("recruitment:check")
    response = client.post(url, {"text": UKRAINIAN_OFFER})
    assert response.status_code == 200
    assert response.context["result"].risk == "high"
