"""/healthz and /readyz: for load balancers; no cookies, no secrets, 503 when a part is down."""

import json

import pytest
from django.db import DatabaseError


def test_healthz_answers_without_touching_the_database(client):
    response = client.get("/healthz")  # no db fixture: a query would fail the test
    assert response.status_code == 200 and response.content == b"ok\n"
    assert not response.cookies and response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_reports_each_part(client):
    response = client.get("/readyz")
    body = json.loads(response.content)
    assert response.status_code == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["broker"]["detail"] == "in-process"
    assert not response.cookies


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_is_down(client, monkeypatch, settings):
    settings.KOMPASS_SECRET_VALUE_FOR_TEST = "hunter2"

    def broken(self, *args, **kwargs):
        raise DatabaseError("connection to server at 10.0.0.5 failed: password hunter2")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = client.get("/readyz")
    body = json.loads(response.content)
    assert response.status_code == 503 and body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "ok": False,
        "detail": "DatabaseError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert b"hunter2" not in response.content and b"10.0.0.5" not in response.content


def test_probes_by_ip_address_are_answered(client):
    # A load balancer probes the node by address, which is not in ALLOWED_HOSTS.
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_only_reads(client):
    assert client.post("/healthz").status_code == 405
