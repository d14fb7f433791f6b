"""Filters of the case list and the list API never tell what the viewer's view hides (#13.6)."""

import pytest
from django.urls import reverse

from kompass.cases.services import update_case
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.referrals.services import send_referral


@pytest.fixture
def case_with_status(case_of_a, persona):
    return update_case(
        case=case_of_a, by=persona("caseworker_a"), expected_version=case_of_a.version,
        trafficking_status="actual", deciding_body="police", identifying_sector="health",
    )  # fmt: skip


def _refer(case, org_b, persona, service):
    offer(org_b, service)
    consent_to_share(case, org_b, persona("caseworker_a"), service=service)
    send_referral(case=case, by=persona("caseworker_a"), to_organisation=org_b, service=service)


def _listed(client, case, **params) -> tuple[bool, bool]:
    page = case.reference in client.get(reverse("cases:list"), params).content.decode()
    api = any(
        r["reference"] == case.reference for r in client.get("/api/v1/cases/", params).json()["results"]
    )
    return page, api


@pytest.mark.parametrize(
    ("param", "true_value", "false_value"),
    [("status", "actual", "possible"), ("sector", "health", "police")],
)
def test_a_receiver_cannot_learn_a_hidden_field_by_filtering(
    client, login, persona, org_b, case_with_status, param, true_value, false_value
):
    _refer(case_with_status, org_b, persona, "medical_care")  # medical care: no status, no sector
    login(client, "caseworker_b")
    assert case_with_status.reference in client.get(reverse("cases:list")).content.decode()
    page_true = (
        case_with_status.reference in client.get(reverse("cases:list"), {param: true_value}).content.decode()
    )
    page_false = (
        case_with_status.reference in client.get(reverse("cases:list"), {param: false_value}).content.decode()
    )
    assert page_true == page_false == False  # noqa: E712 (the same answer whatever the hidden value)


def test_a_receiver_who_sees_the_status_may_filter_by_it(client, login, persona, org_b, case_with_status):
    _refer(case_with_status, org_b, persona, "legal_assistance")  # legal assistance needs the status
    login(client, "caseworker_b")
    assert (
        case_with_status.reference in client.get(reverse("cases:list"), {"status": "actual"}).content.decode()
    )
    assert (
        case_with_status.reference
        not in client.get(reverse("cases:list"), {"status": "possible"}).content.decode()
    )


def test_the_owner_filters_on_everything(client, login, case_with_status):
    login(client, "caseworker_a")
    for params in ({"status": "actual"}, {"sector": "health"}, {"stage": "identification"}, {"q": "Iași"}):
        assert case_with_status.reference in client.get(reverse("cases:list"), params).content.decode(), (
            params
        )
    assert (
        case_with_status.reference
        not in client.get(reverse("cases:list"), {"status": "possible"}).content.decode()
    )


def test_the_list_api_filters_the_same_way(client, login, persona, org_b, case_with_status):
    _refer(case_with_status, org_b, persona, "medical_care")
    login(client, "caseworker_b")
    assert _listed(client, case_with_status) == (True, True)
    assert _listed(client, case_with_status, stage="identification") == (True, True)
    results = client.get("/api/v1/cases/").json()["results"]
    assert "trafficking_status" not in results[0] and "identifying_sector" not in results[0]
