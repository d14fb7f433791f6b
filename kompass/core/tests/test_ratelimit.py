"""Rate limits on public forms and the public API; the login lockout per account and address (#13.8)."""

import json

import pytest
import time_machine
from django.urls import reverse
from django.utils.http import urlencode

from conftest import PASSWORD
from kompass.api.urls import api
from kompass.screening.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clock_stands_still():
    # The counts live in fixed windows (one minute, ten minutes): a slow request on a loaded machine must
    # not carry a test across a window's end and start the count again.
    with time_machine.travel("2026-12-02 10:00:10", tick=False):
        yield


ONLINE_REPORT = {
    "platform": "tiktok",
    "concern": "grooming",
    "subject": "child",
    "observations": "Un bărbat îi cere fiicei mele poze și vrea să se vadă cu ea.",
    "country": "MD",
}


def _form_post(client, url, data, address="203.0.113.7"):
    return client.post(
        url, urlencode(data), content_type="application/x-www-form-urlencoded", REMOTE_ADDR=address
    )


def test_reports_by_form_are_limited_per_address_with_the_default_rate(client):
    """25 reports in 6 seconds were accepted; now the sixth within ten minutes is refused, and lost nowhere."""
    url = reverse("online:report")
    for _ in range(5):
        assert _form_post(client, url, ONLINE_REPORT).status_code == 302
    refused = _form_post(client, url, ONLINE_REPORT)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600" and "no-store" in refused["Cache-Control"]
    assert "Too many requests" in refused.content.decode()
    assert Report.objects.count() == 5
    # Another address is not affected.
    assert _form_post(client, url, ONLINE_REPORT, address="198.51.100.9").status_code == 302


def test_reports_through_the_api_share_the_budget_of_the_form(client):
    url = reverse("online:report")
    for _ in range(3):
        _form_post(client, url, ONLINE_REPORT)
    for _ in range(2):
        response = client.post(
            "/api/v1/online/reports", json.dumps(ONLINE_REPORT), content_type="application/json",
            REMOTE_ADDR="203.0.113.7",
        )  # fmt: skip
        assert response.status_code == 201
    response = client.post(
        "/api/v1/online/reports", json.dumps(ONLINE_REPORT), content_type="application/json",
        REMOTE_ADDR="203.0.113.7",
    )  # fmt: skip
    assert response.status_code == 429
    assert response.json() == {
        "error": "Too many requests from your address: wait and try again.",
        "errors": {},
    }
    assert Report.objects.count() == 5


def test_every_public_form_post_counts_and_the_refusal_is_translated(client, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "forms": "3/m"}
    for _ in range(3):
        assert _form_post(client, "/uk/journeys/follow/", {}).status_code == 200  # the form's errors
    refused = _form_post(client, "/uk/journeys/follow/", {})
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Забагато запитів" in refused.content.decode()


@pytest.mark.parametrize("language", ["ro", "uk", "ru", "sr-latn"])
def test_the_refusal_page_is_translated(client, settings, language):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "forms": "1/m"}
    _form_post(client, f"/{language}/journeys/follow/", {})
    page = _form_post(client, f"/{language}/journeys/follow/", {}).content.decode()
    assert "Too many requests" not in page and "nothing you typed" not in page


def test_signed_in_staff_are_not_limited_by_the_public_budget(client, login, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "forms": "1/m"}
    login(client, "org_admin_a")
    for _ in range(3):
        assert client.post("/journeys/follow/", {}).status_code == 200


def test_public_api_calls_are_limited_with_the_error_shape(client, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "api": "2/m"}
    for _ in range(2):
        assert client.get("/api/v1/screening/protocols").status_code == 200
    response = client.get("/api/v1/screening/protocols")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert set(response.json()) == {"error", "errors"}
    assert client.get("/api/v1/screening/protocols", REMOTE_ADDR="198.51.100.9").status_code == 200


def test_staff_api_calls_are_not_counted_against_the_public_budget(client, login, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "api": "1/m"}
    login(client, "caseworker_a")
    for _ in range(3):
        assert client.get("/api/v1/cases/").status_code == 200


def test_the_openapi_document_declares_429_on_public_operations_only():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                assert "429" not in map(str, operation["responses"]), (method, path)
            else:
                response = operation["responses"][429]
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }


def test_login_attempts_from_one_address_are_limited(client, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "login": "3/m"}
    url = reverse("accounts:login")
    for i in range(3):
        _form_post(client, url, {"username": f"nobody{i}@example.org", "password": "x" * 12})
    assert _form_post(client, url, {"username": "nobody9@example.org", "password": "x"}).status_code == 429


def test_failures_on_a_made_up_account_do_not_lock_the_address(client, persona, settings):
    """#13.8: five failures on a non-existent account locked a whole office's address for 30 minutes."""
    user = persona("caseworker_a")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        _form_post(client, url, {"username": "no-such-person@example.org", "password": "wrong-password-1"})
    response = _form_post(client, url, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")


def test_an_account_is_locked_from_the_guessing_address_only(client, persona, settings):
    user = persona("caseworker_a")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _form_post(client, url, {"username": user.email, "password": "wrong-password-1"})
    assert _form_post(client, url, {"username": user.email, "password": PASSWORD}).status_code == 403
    elsewhere = _form_post(
        client, url, {"username": user.email, "password": PASSWORD}, address="198.51.100.9"
    )
    assert elsewhere.status_code == 302


def test_searches_that_cost_work_are_limited_but_plain_pages_are_not(client, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "searches": "2/m"}
    for _ in range(2):
        assert client.get("/directory/", {"near": "Iași"}).status_code == 200
    assert client.get("/journeys/plan/", {"p": "x"}).status_code == 429
    for _ in range(3):  # the pages themselves, without a query, stay open
        assert client.get("/directory/").status_code == 200
        assert client.get("/journeys/").status_code == 200
