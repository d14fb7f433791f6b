import pytest
from django.urls import reverse

from kompass.cases.tests.factories import consent_to_share, offer
from kompass.referrals.models import Referral


def test_full_flow_over_http(
    client, login, case_of_a, org_b, persona, mailoutbox, django_capture_on_commit_callbacks
):
    offer(org_b, "medical_care")
    persona("caseworker_b")
    login(client, "caseworker_a")
    create = reverse("referrals:create", kwargs={"case_code": case_of_a.code})
    data = {
        "kind": "service",
        "service": "medical_care",
        "to_organisation": org_b.pk,
        "message": "Dental pain",
    }
    # Without consent: refused, nothing sent.
    response = client.post(create, data)
    assert response.status_code == 200 and "has not agreed" in response.content.decode()
    assert not Referral.objects.exists()
    consent_to_share(case_of_a, org_b, persona("caseworker_a"), service="medical_care")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create, data)
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == referral.get_absolute_url()
    assert mailoutbox[-1].to == ["caseworker_b@example.org"]

    login(client, "caseworker_b")
    assert client.get(referral.get_absolute_url()).status_code == 200
    assert client.post(reverse("referrals:accept", kwargs={"code": referral.code})).status_code == 302
    response = client.post(
        reverse("referrals:service", kwargs={"code": referral.code}),
        {"delivered_on": "2026-03-10", "note": "Dental check-up", "complete": "on"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "completed"

    login(client, "caseworker_a")
    body = client.get(case_of_a.get_absolute_url()).content.decode()
    assert "Completed" in body and "Dental check-up" in body and "Organisation B" in body


def test_wrong_side_gets_a_message_and_nothing_changes(client, login, referred_case):
    login(client, "caseworker_a")
    response = client.post(reverse("referrals:accept", kwargs={"code": referred_case.code}), follow=True)
    assert "Only the receiving organisation can make this change." in response.content.decode()
    referred_case.refresh_from_db()
    assert referred_case.status == "pending"


def test_decline_requires_a_reason_on_the_page(client, login, referred_case):
    login(client, "caseworker_b")
    url = reverse("referrals:decline", kwargs={"code": referred_case.code})
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "No beds left"}).status_code == 302
    referred_case.refresh_from_db()
    assert referred_case.status == "declined" and referred_case.response_note == "No beds left"


REFERRAL_ENDPOINTS = [
    ("referrals:detail", "get"),
    ("referrals:accept", "post"),
    ("referrals:decline", "get"),
    ("referrals:withdraw", "get"),
    ("referrals:complete", "get"),
    ("referrals:service", "get"),
    ("referrals:deadline", "get"),
]
# persona → status for (detail, transition pages); parties see it, outsiders get 404.
EXPECTED = {
    "caseworker_a": (200, 200),
    "org_admin_a": (200, 200),
    "caseworker_b": (200, 200),
    "org_admin_b": (200, 200),
    "coordinator": (404, 404),
    # Roles that do not work on cases are refused before any referral is looked up.
    "auditor": (403, 403),
    "auditor_a": (403, 403),
    "frontline_a": (403, 403),
    "trainer_a": (403, 403),
    "anonymous": (302, 302),
}


@pytest.mark.parametrize(("name", "method"), REFERRAL_ENDPOINTS)
@pytest.mark.parametrize("who", list(EXPECTED))
def test_referral_endpoint_access(client, login, referred_case, who, name, method):
    login(client, who)
    response = getattr(client, method)(reverse(name, kwargs={"code": referred_case.code}))
    expected = EXPECTED[who][0 if name == "referrals:detail" else 1]
    if method == "post" and expected == 200:
        expected = 302
    assert response.status_code == expected
    if expected == 404:
        assert referred_case.case.reference not in response.content.decode()
    referred_case.refresh_from_db()
    if who not in ("caseworker_b", "org_admin_b"):
        assert referred_case.status == "pending"


@pytest.mark.parametrize(
    ("who", "status", "sees"),
    [("caseworker_a", 200, True), ("caseworker_b", 200, True), ("coordinator", 200, False),
     ("auditor", 403, False), ("auditor_a", 403, False), ("frontline_a", 403, False),
     ("anonymous", 302, False)],
)  # fmt: skip
def test_referral_list_access(client, login, referred_case, who, status, sees):
    login(client, who)
    direction = "in" if who == "caseworker_b" else "out"
    response = client.get(reverse("referrals:list"), {"direction": direction})
    assert response.status_code == status
    assert (referred_case.case.reference in response.content.decode()) is sees
