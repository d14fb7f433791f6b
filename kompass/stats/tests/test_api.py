"""GET /api/v1/stats/nrm: the §6 item 5 JSON over HTTP, with the fixed error shape."""

import pytest
import yaml
from django.urls import reverse

from kompass.stats.api import ALLOWED

URL = reverse("api:stats_api:nrm")


@pytest.mark.parametrize(
    ("who", "status"), [("coordinator", 200), ("auditor", 200), ("caseworker_a", 403), ("anonymous", 401)]
)
def test_access(client, login, who, status):
    login(client, who)
    response = client.get(URL + "?year=2025")
    assert response.status_code == status
    if status != 200:
        assert set(response.json()) == {"error", "errors"}


def test_report_matches_the_schema(client, login, orgs, make_case, settings):
    for _ in range(6):
        make_case(orgs["a"])
    login(client, "coordinator")
    data = client.get(URL + "?year=2025&country=rou").json()
    spec = yaml.safe_load((settings.BASE_DIR / "kompass" / "stats" / "openapi.yaml").read_text())
    schema = spec["components"]["schemas"]["NrmReport"]
    assert list(data) == schema["required"]
    assert data["victims"] == 6 and data["country"] == "ROU"
    assert "threshold" in ALLOWED


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("year=20x5", "year"),
        ("year=2025&country=XX", "country"),
        ("year=2025&threshold=0", "threshold"),
        ("year=2025&colour=red", "colour"),
    ],
)
def test_bad_queries_are_400_with_the_field(client, login, query, field):
    login(client, "coordinator")
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert field in response.json()["errors"]
