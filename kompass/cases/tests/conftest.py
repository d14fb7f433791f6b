import pytest

from kompass.cases.tests.factories import consent_to_share, make_case, offer


@pytest.fixture
def case_of_a(org_a, persona):
    return make_case(org_a, persona("caseworker_a"))


@pytest.fixture
def referred_case(case_of_a, org_b, persona):
    """A case of A referred to B for medical care (pending)."""
    from kompass.referrals.services import send_referral

    offer(org_b, "medical_care", "legal_assistance")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"), service="medical_care")
    referral = send_referral(
        case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
    )
    return referral
