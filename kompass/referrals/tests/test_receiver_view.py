"""What the receiving organisation sees on a referral: the needs relevant to the service (never more
than its grants), and each message with a note of the language it is written in."""

import pytest
from django.urls import reverse

from kompass.cases.services import assess_need
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.referrals.services import decline_referral, send_referral

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


@pytest.fixture
def shelter_referral(case_of_a, org_b, persona):
    by = persona("caseworker_a")
    offer(org_b, "emergency_accommodation")
    assess_need(
        case=case_of_a,
        by=by,
        service="emergency_accommodation",
        priority="urgent",
        note="Two nights, a child with her",
    )
    assess_need(case=case_of_a, by=by, service="food", note="Vegetarian")
    assess_need(
        case=case_of_a, by=by, service="legal_assistance", note="Complaint against the employer SECRET"
    )
    consent_to_share(case_of_a, org_b, by)
    return send_referral(
        case=case_of_a, by=by, to_organisation=org_b, service="emergency_accommodation",
        message="Persoana are nevoie de un loc într-un adăpost pentru două nopți, vă rugăm să confirmați.",
    )  # fmt: skip


def test_the_receiver_sees_the_needs_of_the_service_only(client, login, shelter_referral):
    login(client, "caseworker_b")
    body = client.get(shelter_referral.get_absolute_url()).content.decode()
    assert "Needs for this service" in body
    needs = body[body.index('id="referral-needs"') : body.index('id="delivered"')]
    assert "Emergency accommodation" in needs and "Urgent" in needs and "Food" in needs
    assert "Legal assistance" not in needs and "Complaint against the employer" not in body
    # The owner's notes on the needs stay with the owner (today's grants show no need notes).
    assert "Two nights, a child with her" not in body and "Vegetarian" not in body
    # The owner sees every need.
    login(client, "caseworker_a")
    body = client.get(shelter_referral.get_absolute_url()).content.decode()
    assert "Complaint against the employer" in body


def test_no_need_recorded_says_so(client, login, case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    referral = send_referral(
        case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
    )
    login(client, "caseworker_b")
    body = client.get(referral.get_absolute_url()).content.decode()
    assert "has not recorded an assessed need for this service" in body


def test_a_closed_referral_shows_the_receiver_no_needs(client, login, shelter_referral, persona):
    decline_referral(
        referral=shelter_referral,
        by=persona("caseworker_b"),
        reason="Nu avem locuri libere în această săptămână.",
    )
    login(client, "caseworker_b")
    body = client.get(shelter_referral.get_absolute_url()).content.decode()
    assert 'id="referral-needs"' not in body and "Emergency accommodation</strong>" not in body


def test_the_language_is_recorded_with_each_message(shelter_referral, persona):
    assert shelter_referral.message_language == "ro"
    decline_referral(
        referral=shelter_referral,
        by=persona("caseworker_b"),
        reason="Nemamo slobodnih mesta ove nedelje, žao nam je.",
    )
    assert shelter_referral.response_language == "sr-latn"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_message_is_shown_with_its_language_in_the_readers_language(
    client, login, shelter_referral, language
):
    note = {
        "en": "Written in Romanian", "ro": "Scris în română", "uk": "Написано мовою: румунська",
        "ru": "Написано на языке: румынский", "sr-latn": "Napisano na jeziku: rumunski",
    }[language]  # fmt: skip
    login(client, "caseworker_b")
    prefix = "" if language == "en" else f"/{language}"
    path = f"/referrals/{shelter_referral.code}/"
    body = client.get(prefix + path).content.decode()
    assert note.lower() in body.lower()
    assert 'lang="ro"' in body
    if language != "ro":
        # One click shows the page in Romanian; no translation is pretended.
        assert f'href="/ro{path}"' in body
        assert 'hreflang="ro"' in body


@pytest.mark.parametrize(
    ("who", "status", "sees_needs"),
    [("caseworker_a", 200, True), ("org_admin_a", 200, True), ("caseworker_b", 200, True), ("org_admin_b", 200, True),
     ("coordinator", 404, False), ("auditor", 403, False), ("frontline_a", 403, False), ("anonymous", 302, False)],
)  # fmt: skip
def test_needs_on_the_referral_page_access(client, login, shelter_referral, who, status, sees_needs):
    login(client, who)
    response = client.get(reverse("referrals:detail", kwargs={"code": shelter_referral.code}))
    assert response.status_code == status
    assert ("Emergency accommodation</strong>" in response.content.decode()) is sees_needs


def test_the_receiver_sees_the_risk_level(client, login, shelter_referral, persona):
    from kompass.cases.services import assess_risk

    assess_risk(
        case=shelter_referral.case, by=persona("caseworker_a"), level="high", reason="Trafficker nearby"
    )
    login(client, "caseworker_b")
    body = client.get(shelter_referral.get_absolute_url()).content.decode()
    risk = body[body.index('id="referral-risk"') :][:600]
    assert "High" in risk
