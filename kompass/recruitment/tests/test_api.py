"""POST /api/v1/recruitment/check and its OpenAPI schema."""

import json

import pytest
from django.apps import apps
from django.db import connection

from kompass.api.testing import conforms, openapi

pytestmark = pytest.mark.django_db

CHECK = "/api/v1/recruitment/check"
EXAMPLE = {"text": "Дівчата 18-25, робота хостес у Дубаї. Пишіть у телеграм.", "contact_channel": "telegram"}


@pytest.fixture(scope="module")
def spec():
    return openapi()


def validate(spec, name, instance):
    conforms(spec, name, instance)


def post(client, body, **extra):
    payload = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(CHECK, payload, content_type="application/json", **extra)


def test_check_returns_risk_score_and_reasons_with_evidence(client, spec):
    text = "Девушки 18-25, работа танцовщицей за границей. Предоплата за оформление. Пишите в вайбер."
    response = post(client, {"text": text})
    assert response.status_code == 200
    body = response.json()
    validate(spec, "RecruitmentCheck", body)
    assert body["risk"] == "high"
    assert set(body) == {"risk", "score", "reasons"}
    for reason in body["reasons"]:
        assert reason["evidence"]
        assert all(words in text for words in reason["evidence"])


def test_request_example_of_the_schema_is_valid(client, spec):
    validate(spec, "RecruitmentCheckRequest", EXAMPLE)
    assert post(client, EXAMPLE).status_code == 200


def test_reason_texts_follow_the_language(client):
    body = post(client, {"text": "Girls 18-25 wanted"}, QUERY_STRING="language=ro").json()
    assert body["reasons"][0]["code"] == "age_gender"
    assert "femei" in body["reasons"][0]["text"].lower() or "fete" in body["reasons"][0]["text"].lower()


def test_nothing_is_stored(client):
    tables = set(connection.introspection.table_names())

    def counts():
        return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.db_table in tables}

    before = counts()
    post(client, {"text": "Send a copy of your passport, pay a registration fee."})
    assert counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "x" * 20001}, "text"),
        ({"text": "ok", "salary": "1"}, "salary"),
        ({"text": "ok", "contact_channel": "pigeon"}, "contact_channel"),
        ({"text": 5}, "text"),
    ],
)
def test_invalid_bodies_use_the_error_shape(client, spec, body, field):
    response = post(client, body)
    assert response.status_code == 400
    validate(spec, "Error", response.json())
    assert field in response.json()["errors"]


def test_not_json_and_wrong_method(client, spec):
    response = client.post(CHECK, "text=hello", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    validate(spec, "Error", response.json())
    response = client.get(CHECK)
    assert response.status_code == 405
    validate(spec, "Error", response.json())
    assert post(client, "{not json").status_code == 400


def test_openapi_document_is_valid_and_merged(client):
    merged = client.get("/api/v1/openapi.json").json()
    assert "/recruitment/check" in merged["paths"]
    assert "RecruitmentCheck" in merged["components"]["schemas"]
