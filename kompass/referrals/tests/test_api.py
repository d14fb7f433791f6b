"""The referrals API: flow, access over every endpoint, and the schema of its answers."""

import json

import pytest
from django.urls import reverse

from kompass.api.auth import issue_token
from kompass.api.testing import conforms, openapi
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.organisations.models import Membership
from kompass.referrals.models import Referral


@pytest.fixture(scope="module")
def spec():
    return openapi()


def api(client, method, url, body=None, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is None:
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json", **headers)


def token_for(persona, name):
    return issue_token(membership=Membership.objects.get(user=persona(name)), name="test")[1]


def test_every_referral_route_is_documented(spec):
    assert {p for p in spec["paths"] if p.startswith("/referrals/")} == {
        "/referrals/", "/referrals/{code}", "/referrals/{code}/services", "/referrals/{code}/accept",
        "/referrals/{code}/decline", "/referrals/{code}/withdraw", "/referrals/{code}/complete",
    }  # fmt: skip


def test_referral_flow_over_the_api(client, persona, case_of_a, org_b, spec):
    offer(org_b, "legal_assistance")
    token_a, token_b = token_for(persona, "caseworker_a"), token_for(persona, "caseworker_b")
    body = {"case": str(case_of_a.code), "to_organisation": str(org_b.code), "service": "legal_assistance"}
    response = api(client, "post", reverse("api:referrals_list_referrals"), body, token=token_a)
    assert response.status_code == 409 and "agreed" in response.json()["error"]  # no consent yet
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    response = api(client, "post", reverse("api:referrals_list_referrals"), body, token=token_a)
    assert response.status_code == 201
    conforms(spec, "Referral", response.json())
    code = response.json()["code"]
    move = lambda name, token, payload=None: api(  # noqa: E731
        client,
        "post",
        reverse(f"api:referrals_{name}", kwargs={"code": code}),
        payload,
        token=token,
    )
    assert move("accept", token_a).status_code == 409  # the sender cannot accept
    assert move("decline", token_b, {}).status_code == 400  # a reason is required
    response = move("accept", token_b)
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    services_url = reverse("api:referrals_record_service", kwargs={"code": code})
    assert api(client, "post", services_url, {"note": "Court hearing"}, token=token_b).status_code == 201
    assert move("complete", token_b).json()["status"] == "completed"
    assert move("withdraw", token_a).status_code == 409
    listed = api(
        client, "get", reverse("api:referrals_list_referrals") + "?direction=out", token=token_a
    ).json()
    conforms(spec, "ReferralPage", listed)
    assert listed["results"][0]["status"] == "completed"
    auditor = api(client, "get", reverse("api:referrals_list_referrals"), token=token_for(persona, "auditor"))
    assert auditor.status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 200), ("caseworker_b", 200), ("org_admin_b", 200), ("coordinator", 404), ("auditor", 404),
     ("anonymous", 401)],
)  # fmt: skip
def test_referral_detail_api_access(client, persona, referred_case, who, status):
    token = token_for(persona, who) if who != "anonymous" else None
    response = api(
        client,
        "get",
        reverse("api:referrals_referral_detail", kwargs={"code": referred_case.code}),
        token=token,
    )
    assert response.status_code == status
    if status != 200:
        assert referred_case.case.reference not in response.content.decode()


@pytest.mark.parametrize("move", ["accept", "decline", "withdraw", "complete"])
@pytest.mark.parametrize("who", ["coordinator", "auditor", "org_admin_b", "caseworker_a"])
def test_referral_move_api_access(client, persona, referred_case, who, move):
    response = api(
        client, "post", reverse(f"api:referrals_{move}", kwargs={"code": referred_case.code}),
        {"reason": "r"} if move in ("decline", "withdraw") else None, token=token_for(persona, who),
    )  # fmt: skip
    allowed = {("org_admin_b", "accept"), ("org_admin_b", "decline"), ("caseworker_a", "withdraw")}
    if who in ("coordinator", "auditor"):
        assert response.status_code == 404
    elif (who, move) in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 409
    if (who, move) not in allowed:
        assert Referral.objects.get(pk=referred_case.pk).status == "pending"


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 409), ("caseworker_b", 201), ("org_admin_b", 201), ("coordinator", 404), ("auditor", 404),
     ("anonymous", 401)],
)  # fmt: skip
def test_referral_service_api_access(client, persona, referred_case, who, status):
    from kompass.referrals.services import accept_referral

    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    token = token_for(persona, who) if who != "anonymous" else None
    url = reverse("api:referrals_record_service", kwargs={"code": referred_case.code})
    assert api(client, "post", url, {"note": "Check-up"}, token=token).status_code == status
    assert referred_case.case.deliveries.count() == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 201), ("org_admin_a", 201), ("caseworker_b", 404), ("coordinator", 403), ("auditor", 403),
     ("anonymous", 401)],
)  # fmt: skip
def test_send_referral_api_access(client, persona, case_of_a, org_b, who, status):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    token = token_for(persona, who) if who != "anonymous" else None
    body = {"case": str(case_of_a.code), "to_organisation": str(org_b.code), "service": "medical_care"}
    response = api(client, "post", reverse("api:referrals_list_referrals"), body, token=token)
    assert response.status_code == status
    assert Referral.objects.count() == (1 if status == 201 else 0)
