"""Transnational referrals (issue #20, point 3): a separate consent to the cross-border transfer, a
stated legal basis, marked on both sides, counted for both countries' coordinators, audited."""

import datetime

import pytest
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.cases.services import record_consent, withdraw_consent
from kompass.cases.tests.factories import make_case, offer
from kompass.referrals import services
from kompass.referrals.selectors import transnational_referrals

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_in_novi_sad(org_b, persona):
    return make_case(org_b, persona("caseworker_b"), region="Novi Sad", citizenship="UKR",
                     identified_on=datetime.date.today())  # fmt: skip


def _share(case, organisation, by):
    return record_consent(
        case=case, by=by, purpose="sharing", organisation=organisation, service="medical_care"
    )


def test_sharing_consent_alone_does_not_allow_a_cross_border_referral(case_in_novi_sad, org_a, persona):
    offer(org_a, "medical_care")
    _share(case_in_novi_sad, org_a, persona("caseworker_b"))
    with pytest.raises(services.TransitionNotAllowed, match="another country"):
        services.send_referral(case=case_in_novi_sad, by=persona("caseworker_b"), to_organisation=org_a,
                               service="medical_care")  # fmt: skip
    assert not case_in_novi_sad.referrals.exists()


def test_cross_border_referral_from_novi_sad_to_romania(client, login, case_in_novi_sad, org_a, persona):
    sender = persona("caseworker_b")
    offer(org_a, "medical_care")
    _share(case_in_novi_sad, org_a, sender)
    consent = record_consent(
        case=case_in_novi_sad, by=sender, purpose="cross_border_transfer", organisation=org_a
    )
    referral = services.send_referral(case=case_in_novi_sad, by=sender, to_organisation=org_a,
                                      service="medical_care", legal_basis="")  # fmt: skip
    assert referral.is_cross_border and referral.transfer_consent == consent
    assert "49(1)(a)" in referral.legal_basis
    transfer = AuditEvent.objects.get(action="cross_border_transfer")
    assert transfer.detail["from_country"] == "RS" and transfer.detail["to_country"] == "RO"
    assert transfer.detail["consent"] == consent.pk

    services.accept_referral(referral=referral, by=persona("caseworker_a"))
    # Marked cross-border on both sides.
    for name in ("caseworker_b", "caseworker_a"):
        login(client, name)
        page = client.get(referral.get_absolute_url()).content.decode()
        assert 'id="referral-cross-border"' in page and "Serbia → Romania" in page, name
    # Both countries' coordinators see it in their counts (never the case).
    year = datetime.date.today().year
    assert transnational_referrals(year=year, country="RS") == {"sent": {"RO": 1}, "received": {}}
    assert transnational_referrals(year=year, country="RO") == {"sent": {}, "received": {"RS": 1}}
    login(client, "coordinator")
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "1 received from other countries, 0 sent to other countries" in dashboard
    assert client.get(referral.get_absolute_url()).status_code == 404
    login(client, "coordinator_rs")
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "0 received from other countries, 1 sent to other countries" in dashboard
    report = client.get(reverse("stats:report") + f"?year={year}").content.decode()
    assert 'id="transnational"' in report and '<th scope="row">RO</th>' in report


def test_withdrawing_the_transfer_consent_ends_the_referral(case_in_novi_sad, org_a, persona):
    sender = persona("caseworker_b")
    offer(org_a, "medical_care")
    _share(case_in_novi_sad, org_a, sender)
    consent = record_consent(
        case=case_in_novi_sad, by=sender, purpose="cross_border_transfer", organisation=org_a
    )
    referral = services.send_referral(case=case_in_novi_sad, by=sender, to_organisation=org_a,
                                      service="medical_care", legal_basis="Consent; Romanian Law 678/2001.")  # fmt: skip
    assert referral.legal_basis == "Consent; Romanian Law 678/2001."
    withdraw_consent(consent=consent, by=sender)
    referral.refresh_from_db()
    assert referral.status == "withdrawn"


def test_a_referral_within_one_country_is_not_cross_border(case_of_a, orgs, persona):
    from kompass.organisations.models import Organisation

    other = Organisation.objects.create(name="Timișoara shelter (test)", country="RO", city="Timișoara")
    offer(other, "medical_care")
    _share(case_of_a, other, persona("caseworker_a"))
    referral = services.send_referral(case=case_of_a, by=persona("caseworker_a"), to_organisation=other,
                                      service="medical_care")  # fmt: skip
    assert not referral.is_cross_border and referral.legal_basis == ""
    assert not AuditEvent.objects.filter(action="cross_border_transfer").exists()


def test_the_api_states_the_cross_border_referral(client, login, case_in_novi_sad, org_a, persona):
    sender = persona("caseworker_b")
    offer(org_a, "medical_care")
    _share(case_in_novi_sad, org_a, sender)
    body = {"case": str(case_in_novi_sad.code), "to_organisation": str(org_a.code), "service": "medical_care",
            "legal_basis": "Consent; Romanian Law 678/2001."}  # fmt: skip
    login(client, "caseworker_b")
    refused = client.post(reverse("api:referrals_list_referrals"), body, content_type="application/json")
    assert refused.status_code in (400, 409) and "another country" in str(refused.json())
    record_consent(case=case_in_novi_sad, by=sender, purpose="cross_border_transfer", organisation=org_a)
    sent = client.post(reverse("api:referrals_list_referrals"), body, content_type="application/json")
    assert sent.status_code == 201, sent.json()
    assert sent.json()["cross_border"] is True and sent.json()["legal_basis"] == body["legal_basis"]
