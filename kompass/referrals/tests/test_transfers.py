"""Transfers end the earlier holders' access; closing a case ends its referrals (#13.4)."""

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.audit.models import AuditEvent
from kompass.cases.services import change_stage
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.organisations.models import Membership, Organisation
from kompass.referrals.models import Referral, Status
from kompass.referrals.services import accept_referral, send_referral, withdraw_referral


@pytest.fixture
def org_c(db):
    return Organisation.objects.create(name="Organisation C", country="MD", city="Chișinău")


@pytest.fixture
def caseworker_c(org_c):
    user = User.objects.create_user("caseworker_c@example.org", "x" * 20)
    Membership.objects.create(user=user, organisation=org_c, role=Membership.Role.CASEWORKER)
    TOTPDevice.objects.create(user=user, name="t", confirmed=True)
    return user


def _login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
    session.save()


def _transfer(case, frm, to, by, receiver):
    consent_to_share(case, to, by)
    referral = send_referral(case=case, by=by, to_organisation=to, kind=Referral.Kind.TRANSFER)
    accept_referral(referral=referral, by=receiver)
    referral.refresh_from_db()
    return referral


@pytest.fixture
def moved_twice(case_of_a, org_b, org_c, persona, caseworker_c):
    """A → B → C, each transfer accepted."""
    first = _transfer(case_of_a, case_of_a.owner, org_b, persona("caseworker_a"), persona("caseworker_b"))
    case_of_a.refresh_from_db()
    second = _transfer(case_of_a, org_b, org_c, persona("caseworker_b"), caseworker_c)
    case_of_a.refresh_from_db()
    return case_of_a, first, second


def test_an_accepted_transfer_is_done_at_once(moved_twice, org_c):
    case, first, second = moved_twice
    assert case.owner == org_c
    assert first.status == second.status == Status.COMPLETED
    assert AuditEvent.objects.filter(action="referral_completed", detail__reason="transferred").count() == 2


@pytest.mark.parametrize("earlier", ["caseworker_a", "caseworker_b"])
def test_earlier_holders_see_nothing_after_an_onward_transfer(client, login, persona, moved_twice, earlier):
    case, _, _ = moved_twice
    login(client, earlier)
    for url in (case.get_absolute_url(), f"/api/v1/cases/{case.code}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Secretescu" not in response.content.decode()
    assert case.reference not in client.get(reverse("cases:list")).content.decode()


def test_an_onward_transfer_ends_service_referrals_to_earlier_holders(
    case_of_a, org_b, org_c, persona, caseworker_c, client
):
    by_a = persona("caseworker_a")
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, by_a, service="medical_care")
    care = send_referral(case=case_of_a, by=by_a, to_organisation=org_b, service="medical_care")
    accept_referral(referral=care, by=persona("caseworker_b"))
    _transfer(case_of_a, case_of_a.owner, org_c, by_a, caseworker_c)
    care.refresh_from_db()
    # A gave the case to C; B kept a view through A's care referral until C decides: it stays open…
    assert care.status == Status.ACCEPTED
    # …and C, the holder now, can end it although A sent it.
    withdraw_referral(referral=care, by=caseworker_c, reason="C's own clinic takes over.")
    care.refresh_from_db()
    assert care.status == Status.WITHDRAWN
    _login(client, persona("caseworker_b"))
    assert client.get(case_of_a.get_absolute_url()).status_code == 404


def test_an_onward_transfer_ends_the_referrals_an_earlier_holder_received(
    case_of_a, org_b, org_c, persona, caseworker_c
):
    """#13.4: A refers the case to B for care, then A → B → C. B held the case, so the care
    referral that gave it the identity ends with the onward transfer."""
    by_a = persona("caseworker_a")
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, by_a, service="medical_care")
    care = send_referral(case=case_of_a, by=by_a, to_organisation=org_b, service="medical_care")
    _transfer(case_of_a, case_of_a.owner, org_b, by_a, persona("caseworker_b"))
    case_of_a.refresh_from_db()
    _transfer(case_of_a, org_b, org_c, persona("caseworker_b"), caseworker_c)
    care.refresh_from_db()
    assert care.status == Status.WITHDRAWN
    assert AuditEvent.objects.filter(
        action="referral_withdrawn", detail__reason="case_transferred", detail__referral=str(care.code)
    ).exists()


def test_the_new_holder_sees_the_earlier_referrals_and_may_withdraw_them(
    client, moved_twice, org_b, persona, caseworker_c
):
    case, _, _ = moved_twice
    by_b = persona("caseworker_b")
    pending = Referral.objects.create(
        case=case, kind="service", service="information", from_organisation=org_b,
        to_organisation=Organisation.objects.get(name="Organisation A"), created_by=by_b,
    )  # fmt: skip
    _login(client, caseworker_c)
    assert client.get(pending.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("referrals:withdraw", kwargs={"code": pending.code}), {"reason": "Not needed."}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.WITHDRAWN


def test_closing_a_case_ends_its_open_referrals(client, login, referred_case, persona):
    referral = referred_case
    accept_referral(referral=referral, by=persona("caseworker_b"))
    change_stage(case=referral.case, by=persona("caseworker_a"), to_stage="closed")
    referral.refresh_from_db()
    assert referral.status == Status.WITHDRAWN and referral.withdrawn_at
    assert AuditEvent.objects.filter(
        action="referral_withdrawn", detail__reason="case_closed", detail__referral=str(referral.code)
    ).exists()
    login(client, "caseworker_b")
    assert client.get(referral.case.get_absolute_url()).status_code == 404
