"""Refused attempts and list reads leave audit events (#13.11)."""

import pytest

from kompass.api.auth import issue_token
from kompass.audit.models import AuditEvent
from kompass.cases.tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_of_a(persona, org_a):
    return make_case(org_a, persona("caseworker_a"))


def test_another_organisation_probing_a_case_page_is_recorded(client, login, case_of_a, org_b):
    user = login(client, "caseworker_b")
    assert client.get(f"/cases/{case_of_a.code}/").status_code == 404
    event = AuditEvent.objects.get(action="access_refused")
    assert event.actor == user and event.organisation == org_b and event.ip_address == "127.0.0.1"
    assert event.detail["status"] == 404 and event.detail["path"] == f"/cases/{case_of_a.code}/"
    assert event.detail["view"] == "cases:detail" and event.detail["via"] == "page"


def test_a_role_refused_a_case_page_is_recorded_with_403(client, login, case_of_a):
    login(client, "frontline_a")
    assert client.get(f"/cases/{case_of_a.code}/").status_code == 403
    assert AuditEvent.objects.get(action="access_refused").detail["status"] == 403


def test_a_refused_api_call_with_a_token_is_recorded(client, persona, case_of_a):
    user = persona("caseworker_b")
    secret = issue_token(membership=user.memberships.get(), name="probe")[1]
    response = client.get(f"/api/v1/cases/{case_of_a.code}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 404
    event = AuditEvent.objects.get(action="access_refused")
    assert event.actor == user and event.detail["via"] == "api" and event.detail["status"] == 404


def test_anonymous_visitors_404s_are_not_recorded(client, case_of_a):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get(f"/api/v1/cases/{case_of_a.code}").status_code == 401
    assert not AuditEvent.objects.filter(action="access_refused").exists()


def test_referral_list_reads_are_recorded_on_the_page_and_the_api(client, login, org_a):
    user = login(client, "caseworker_a")
    assert client.get("/referrals/", {"direction": "out"}).status_code == 200
    assert client.get("/api/v1/referrals/", {"direction": "in"}).status_code == 200
    events = list(AuditEvent.objects.filter(action="referrals_listed").order_by("id"))
    assert [(e.actor, e.organisation, e.detail["direction"]) for e in events] == [
        (user, org_a, "out"),
        (user, org_a, "in"),
    ]
    assert events[1].detail["via"] == "api"
