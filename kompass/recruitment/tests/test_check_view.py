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
    assert {
        "age_gender",
        "hostess_abroad",
        "document_copies",
        "messenger_only",
        "all_paid",
        "urgency",
    } <= codes
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


def test_helplines_of_the_persons_country_and_of_the_country_of_the_job(client):
    from kompass.directory.models import Hotline

    offer = "Робота в Польщі, 3000 євро, житло безкоштовно, пишіть у Telegram, паспорт привезіть."
    response = client.post(reverse("recruitment:check"), {"text": offer, "home_country": "MD"})
    html = response.content.decode()
    lines = Hotline.objects.published().filter(purpose__in=("trafficking", "victims"))
    moldova = list(lines.filter(country="MD").values_list("number", flat=True))
    poland = list(lines.filter(country="PL").values_list("number", flat=True))
    serbia = list(lines.filter(country="RS").values_list("number", flat=True))
    assert moldova and poland and serbia, "the directory seeds these countries' hotlines"
    assert all(number in html for number in moldova + poland)
    assert not any(number in html for number in serbia)
    assert html.index('data-country="MD"') < html.index('data-country="PL"')


def test_home_country_defaults_to_the_pages_language(client):
    from kompass.directory.models import Hotline

    with translation.override("ro"):
        url = reverse("recruitment:check")
    response = client.post(url, {"text": "Lucru în Germania, contract de muncă."})
    html = response.content.decode()
    for number in (
        Hotline.objects.published()
        .filter(country__in=("RO", "DE"), purpose="trafficking")
        .values_list("number", flat=True)
    ):
        assert number in html


THREE_RULES = (
    "Never hand over your passport or identity card",
    "Never pay for a job",
    "Check the employer and the agency's licence",
)


def test_no_sign_found_is_never_a_safe_verdict(client):
    response = client.post(reverse("recruitment:check"), {"text": HARMLESS_OFFER})
    html = response.content.decode()
    assert response.context["result"].reasons == []
    assert "No warning signs found" in html and "does not prove that the offer is safe" in html
    assert all(rule in html for rule in THREE_RULES)
    assert "Low risk" not in html and "safe offer" not in html.lower()


def test_three_rules_on_every_result(client):
    response = client.post(reverse("recruitment:check"), {"text": UKRAINIAN_OFFER})
    assert all(rule in response.content.decode() for rule in THREE_RULES)


def test_signs_in_the_offers_favour_are_shown_apart(client):
    offer = "Warehouse work in Germany, no experience needed. Nordfrost GmbH, employment contract, apply on www.nordfrost.de."
    result = client.post(reverse("recruitment:check"), {"text": offer}).context["result"]
    assert {"named_employer", "written_contract", "official_channel"} <= {r.code for r in result.mitigating}
    assert {r.code for r in result.reasons} == {"no_experience"}


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
