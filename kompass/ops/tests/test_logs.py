"""Logs are JSON lines with the request id, and carry no personal data."""

import io
import json
import logging

import pytest
from django.urls import path

from kompass.ops.logs import JsonFormatter, RequestIdFilter


def crash(request, token):
    raise ValueError("duplicate key (email)=(iryna.bondar@example.org)")


urlpatterns = [path("crash/<str:token>/", crash)]


@pytest.fixture
def log_lines(settings):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.mark.urls("kompass.ops.tests.test_logs")
def test_an_error_is_logged_with_its_request_id_and_without_personal_data(client, log_lines):
    client.raise_request_exception = False
    response = client.get(
        "/crash/secret-invitation-token/?email=iryna.bondar@example.org",
        HTTP_X_REQUEST_ID="4f2a9c",
        HTTP_COOKIE="sessionid=abc123",
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 500 and response["X-Request-ID"] == "4f2a9c"
    lines = log_lines()
    text = json.dumps(lines)
    for secret in ("iryna", "secret-invitation-token", "abc123", "203.0.113.7"):
        assert secret not in text
    error = next(line for line in lines if line["level"] == "ERROR")
    assert error["request_id"] == "4f2a9c" and error["exception"] == "ValueError"
    assert any("test_logs.py" in frame and "crash" in frame for frame in error["stack"])
    access = next(line for line in lines if line["logger"] == "kompass.request")
    assert access == {
        **access,
        "route": "crash/<str:token>/",
        "status": 500,
        "method": "GET",
        "request_id": "4f2a9c",
    }


@pytest.mark.django_db
def test_every_response_names_its_request_id(client):
    first, second = client.get("/"), client.get("/screening/")
    assert first["X-Request-ID"] != second["X-Request-ID"] and len(second["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_a_request_id_that_does_not_look_like_one_is_replaced(client):
    response = client.get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>"
