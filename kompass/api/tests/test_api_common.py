import json

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
def test_openapi_merges_every_app_schema(client):
    spec = client.get(reverse("api:openapi")).json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for expected in ["/screening/assess", "/journeys/plan", "/recruitment/check"]:
        assert expected in paths, f"{expected} missing from the merged OpenAPI document"
    for path, operations in paths.items():
        assert path.startswith("/"), path
        assert operations, path
    assert "Error" in spec["components"]["schemas"]


@pytest.mark.django_db
def test_unknown_language_is_an_error_in_the_fixed_shape(client):
    response = client.get(reverse("api:openapi") + "?language=xx")
    assert response.status_code == 400
    assert response.json() == {
        "error": "Unknown language.",
        "errors": {"language": ["Unknown language code."]},
    }


@pytest.mark.django_db
def test_language_of_one_request_does_not_leak(client):
    translation.activate("en")
    client.get(reverse("api:openapi") + "?language=uk")
    assert translation.get_language() == "en"


@pytest.mark.django_db
def test_wrong_method_is_405_with_error_shape(client):
    response = client.delete(reverse("api:index"))
    assert response.status_code == 405
    assert set(response.json()) == {"error", "errors"}


# Shared behaviour of every endpoint (kompass/api/core.py) -----------------------------------------

ERROR_KEYS = {"error", "errors"}


def post_json(client, url, body, **extra):
    payload = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(url, payload, content_type="application/json", **extra)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/v1/nowhere", "/api/v1/cases", "/api/v1/cases/not-a-code", "/api/v1/screening/assess/extra",
     "/api/v1/referrals/00000000-0000-0000-0000-000000000000/teleport"],
)  # fmt: skip
def test_unknown_paths_answer_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert set(response.json()) == ERROR_KEYS


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("post", "/api/v1/training/reach", "GET"), ("put", "/api/v1/screening/assess", "POST"),
     ("delete", "/api/v1/cases/", "GET, POST")],
)  # fmt: skip
def test_wrong_method_answers_json_405_with_allow(client, method, path, allowed):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert set(response.json()) == ERROR_KEYS
    assert set(response["Allow"].split(", ")) == set(allowed.split(", "))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["language=", "language=xx", "language=EN", "colour=red"])
def test_empty_or_unknown_language_and_unknown_parameters_are_400(client, query):
    response = client.get(f"/api/v1/screening/protocols?{query}")
    assert response.status_code == 400
    assert set(response.json()) == ERROR_KEYS
    assert response.json()["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "status"),
    [("NaN", 400), ('{"subject": "adult", "answers": {}, "x": NaN}', 400), ("[]", 400), ("", 400),
     ('"adult"', 400), ("{", 400)],
)  # fmt: skip
def test_bodies_that_are_not_json_objects(client, body, status):
    response = post_json(client, "/api/v1/screening/assess", body)
    assert response.status_code == status
    assert set(response.json()) == ERROR_KEYS


@pytest.mark.django_db
def test_validation_errors_are_400_in_the_fixed_shape_never_422(client):
    response = post_json(client, "/api/v1/recruitment/check", {"text": ["a list"], "company": 3})
    assert response.status_code == 400
    assert response.json()["error"] and set(response.json()["errors"]) == {"text", "company"}


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["nul \x00 inside", "\ud800"])
def test_text_no_database_can_store_is_refused(client, text):
    response = post_json(client, "/api/v1/recruitment/check", json.dumps({"text": text}))
    assert response.status_code == 400
    assert "text" in response.json()["errors"]
    response = client.get("/api/v1/training/reach", {"country": "R\x00"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_body_where_none_is_taken_is_refused(client, persona):
    from kompass.api.auth import issue_token
    from kompass.organisations.models import Membership

    token = issue_token(membership=Membership.objects.get(user=persona("caseworker_a")), name="t")[1]
    url = "/api/v1/referrals/00000000-0000-0000-0000-000000000000/accept"
    response = post_json(client, url, {"reason": "x"}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400 and "reason" in response.json()["errors"]
    response = post_json(client, url, {}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 404  # an empty object is no body


@pytest.mark.django_db
def test_every_operation_documents_the_error_shape_for_its_4xx(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["servers"] == [{"url": "/api/v1"}]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "400" in responses, (path, method)
            if "requestBody" in operation:
                assert "415" in responses, (path, method)
                body = operation["requestBody"]["content"]["application/json"]["schema"]
                assert "$ref" in body, (path, method)
            if operation.get("security"):
                assert {"401", "403"} <= set(responses), (path, method)
            for status, response in responses.items():
                if status.startswith("4"):
                    schema = response["content"]["application/json"]["schema"]
                    assert "Error" in json.dumps(schema), (path, method, status)
            assert {"$ref": "#/components/parameters/Language"} in operation["parameters"] or any(
                p.get("name") == "language" for p in operation["parameters"]
            )


@pytest.mark.django_db
def test_deeply_nested_or_oversized_bodies_are_4xx_not_500(client, settings):
    deep = '{"text": ' + "[" * 5000 + "]" * 5000 + "}"
    response = post_json(client, "/api/v1/recruitment/check", deep)
    assert response.status_code == 400 and set(response.json()) == ERROR_KEYS
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post_json(client, "/api/v1/recruitment/check", {"text": "x" * 2000})
    assert response.status_code == 413 and set(response.json()) == ERROR_KEYS
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = client.get("/api/v1/training/reach?" + "&".join(f"a{i}=1" for i in range(10)))
    assert response.status_code == 400 and set(response.json()) == ERROR_KEYS
