import pytest

from kompass.training.tests.test_reach import programme  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/reach"


def test_reach_json_matches_the_hand_computed_fixture(client, programme):  # noqa: F811
    data = client.get(URL).json()
    assert data["total"] == {
        "pupils": 125,
        "schools": 3,
        "sessions": 5,
        "teachers": 7,
        "parents": 15,
        "parent_sessions": 1,
    }
    assert [(y["year"], y["pupils"], y["pupils_running"]) for y in data["by_year"]] == [
        (2023, 30, 30),
        (2024, 85, 115),
        (2025, 10, 125),
    ]
    assert {(r["country"], r["region"]): r["schools"] for r in data["by_region"]} == {
        ("RO", "Iași"): 2,
        ("MD", "Bălți"): 1,
    }


def test_reach_json_by_country(client, programme):  # noqa: F811
    data = client.get(URL, {"country": "MD"}).json()
    assert data["country"] == "MD" and data["total"]["pupils"] == 30


@pytest.mark.parametrize("query", [{"country": "md"}, {"country": "ROU"}, {"region": "Iași"}])
def test_bad_parameters_answer_the_error_shape(client, query):
    response = client.get(URL, query)
    assert response.status_code == 400 and set(response.json()) == {"error", "errors"}


def test_only_get(client):
    assert client.post(URL).status_code == 405


def test_schema_is_merged(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/training/reach" in spec["paths"] and "TrainingReach" in spec["components"]["schemas"]
