"""POST /api/v1/screening/assess exactly as docs/interfaces.md §6, the protocol endpoints and their OpenAPI schema."""

import json

import jsonschema
import pytest

from kompass.api.testing import conforms, openapi
from kompass.screening import rules

pytestmark = pytest.mark.django_db

ASSESS = "/api/v1/screening/assess"


def post(client, body, content_type="application/json"):
    payload = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(ASSESS, payload, content_type=content_type)


@pytest.fixture(scope="module")
def spec():
    return openapi()


def check(spec, name, instance):
    conforms(spec, name, instance)


def test_assess_presumed_victim_adult(client, spec):
    answers = {
        "dr.nature_of_job": True,
        "dr.wages": True,
        "ex.excessive_hours": True,
        "ex.low_no_salary": True,
        "vd.unknown_area": True,
        "vd.economic_reasons": True,
        "vd.family_situation": True,
        "cd.threats_violence": False,
        "cr.violence": None,
    }
    response = post(client, {"subject": "adult", "answers": answers})
    assert response.status_code == 200
    body = response.json()
    check(spec, "ScreeningAssessment", body)
    assert body == {
        "verdict": "presumed_victim",
        "urgent": False,
        "elements": {
            "dr": {"positive": True, "strong": 1, "medium": 1, "weak": 0},
            "cr": {"positive": False, "strong": 0, "medium": 0, "weak": 0},
            "vr": {"positive": False, "strong": 0, "medium": 0, "weak": 0},
            "ex": {"positive": True, "strong": 1, "medium": 1, "weak": 0},
            "cd": {"positive": False, "strong": 0, "medium": 0, "weak": 0},
            "vd": {"positive": True, "strong": 0, "medium": 3, "weak": 0},
        },
        "protocol": {"sector": None, "version": rules.CATALOGUE_VERSION},
    }


@pytest.mark.parametrize(
    ("subject", "answers", "verdict", "urgent"),
    [
        ("adult", {}, "no_indicators", False),
        ("child", {"ex.no_social_protection": True}, "no_indicators", False),  # not on the child list
        ("adult", {"cd.isolation": True}, "indicators_present", True),
        ("adult", {"cd.isolation": True, "cd.violence": True}, "possible_victim", True),
        ("child", {"dr.education": True, "dr.wages": True, "ex.excessive_hours": True, "ex.no_education": True},
         "presumed_victim", False),
        ("adult", {"dr.education": True, "dr.wages": True, "ex.excessive_hours": True, "ex.no_education": True},
         "possible_victim", False),
    ],
)  # fmt: skip
def test_assess_verdicts(client, spec, subject, answers, verdict, urgent):
    body = post(client, {"subject": subject, "answers": answers}).json()
    check(spec, "ScreeningAssessment", body)
    assert (body["verdict"], body["urgent"]) == (verdict, urgent)


def test_assess_with_sector_reports_the_published_version(client):
    body = post(client, {"subject": "child", "sector": "online", "answers": {}}).json()
    assert body["protocol"] == {"sector": "online", "version": "online-1"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"subject": "adult", "answers": {"xx.unknown": True}}, "answers.xx.unknown"),
        ({"subject": "adult", "answers": {"dr.wage": True}}, "answers.dr.wage"),
        ({"subject": "adult", "answers": {}, "extra": 1}, "extra"),
        ({"subject": "adult", "answers": {}, "language": "en"}, "language"),
        ({"subject": "teen", "answers": {}}, "subject"),
        ({"answers": {}}, "subject"),
        ({"subject": "adult"}, "answers"),
        ({"subject": "adult", "answers": []}, "answers"),
        ({"subject": "adult", "answers": {"dr.wages": "yes"}}, "answers.dr.wages"),
        ({"subject": "adult", "answers": {"dr.wages": 1}}, "answers.dr.wages"),
        ({"subject": "adult", "answers": {}, "sector": "nursing"}, "sector"),
    ],
)
def test_assess_rejects_unknown_fields_and_codes_with_the_error_shape(client, spec, body, field):
    response = post(client, body)
    assert response.status_code == 400
    data = response.json()
    check(spec, "Error", data)
    assert set(data) == {"error", "errors"}
    assert field in data["errors"]
    assert all(isinstance(m, str) for messages in data["errors"].values() for m in messages)


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", "null"])
def test_assess_rejects_bodies_that_are_not_objects(client, spec, raw):
    response = post(client, raw)
    assert response.status_code == 400
    check(spec, "Error", response.json())


def test_assess_requires_json_content_type(client, spec):
    response = client.post(ASSESS, "subject=adult", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    check(spec, "Error", response.json())


def test_assess_is_post_only(client):
    response = client.get(ASSESS)
    assert response.status_code == 405
    assert set(response.json()) == {"error", "errors"}


def test_assess_needs_no_login_and_no_csrf_token(client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    assert post(csrf_client, {"subject": "adult", "answers": {}}).status_code == 200


def test_protocol_list(client, spec):
    response = client.get("/api/v1/screening/protocols")
    assert response.status_code == 200
    body = response.json()
    check(spec, "ScreeningProtocolList", body)
    assert len(body["protocols"]) == 11
    assert {p["sector"] for p in body["protocols"]} >= {"health", "online", "general_public"}


def test_protocol_in_requested_language(client, spec):
    body = client.get("/api/v1/screening/protocols/health?language=uk").json()
    check(spec, "ScreeningProtocol", body)
    assert body["language"] == "uk"
    assert body["version"] == "health-1"
    assert body["questions"][0]["text"].startswith("Хтось")


def test_protocol_language_from_accept_language(client):
    body = client.get("/api/v1/screening/protocols/police", HTTP_ACCEPT_LANGUAGE="ro-RO,ro;q=0.9").json()
    assert body["language"] == "ro"
    body = client.get("/api/v1/screening/protocols/police", HTTP_ACCEPT_LANGUAGE="sr-Latn").json()
    assert body["language"] == "sr-latn"


def test_protocol_unknown_sector_or_language(client, spec):
    response = client.get("/api/v1/screening/protocols/nursing")
    assert response.status_code == 404
    check(spec, "Error", response.json())
    response = client.get("/api/v1/screening/protocols/health?language=de")
    assert response.status_code == 400
    check(spec, "Error", response.json())


def test_openapi_document_is_well_formed(spec):
    assert {p for p in spec["paths"] if p.startswith("/screening/")} == {
        "/screening/assess",
        "/screening/protocols",
        "/screening/protocols/{sector}",
    }
    jsonschema.Draft202012Validator.check_schema({"components": spec["components"]})
    for schema in spec["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)
    refs = json.dumps(spec)
    for name in ("ScreeningAssessRequest", "ScreeningAssessment", "ScreeningProtocol", "Error"):
        assert f"#/components/schemas/{name}" in refs


def test_request_schema_matches_the_catalogue(spec):
    for code in rules.CODES:
        check(spec, "ScreeningAssessRequest", {"subject": "adult", "answers": {code: True}})
    with pytest.raises(jsonschema.ValidationError):
        check(spec, "ScreeningAssessRequest", {"subject": "adult", "answers": {}, "extra": 1})


def test_openapi_is_merged_by_the_api_app(client):
    body = client.get("/api/v1/openapi.json").json()
    assert "/screening/assess" in body["paths"]
    assert "ScreeningAssessment" in body["components"]["schemas"]
