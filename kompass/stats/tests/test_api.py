"""GET /api/v1/stats/nrm: the §6 item 5 JSON over HTTP, with the fixed error shape."""

import pytest
from django.urls import reverse

from kompass.api.testing import conforms, openapi

URL = reverse("api:stats_nrm")


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
    spec = openapi()
    conforms(spec, "NrmReport", data)
    assert list(data) == spec["components"]["schemas"]["NrmReport"]["required"]
    assert list(data) == [
        "year", "country", "victims", "by_sex", "by_age_group", "by_citizenship", "by_exploitation",
        "exploited_domestically", "exploited_abroad", "recruited_online", "by_recruitment_platform",
        "suppressed_cells",
    ]  # fmt: skip
    assert data["victims"] == 6 and data["country"] == "ROU"
    assert client.get(URL + "?year=2025&threshold=3").status_code == 200


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
