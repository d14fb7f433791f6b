"""List pages and the plan API run a fixed number of queries, whatever the number of rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompass.journeys import services

pytestmark = pytest.mark.django_db


def test_board_query_count_does_not_grow_with_journeys(client, login, org_a, django_assert_max_num_queries):
    login(client, "caseworker_a")
    now = timezone.now()
    for i in range(15):
        services.start_journey(organisation=org_a, nickname=f"T{i}", contact_channel="phone", contact_value="1",
                               consent=True, legs=[{"origin": "A", "destination": "B",
                                                    "expected_arrival": now + timedelta(hours=i + 1)},
                                                   {"origin": "B", "destination": "C",
                                                    "expected_arrival": now + timedelta(hours=i + 2)}])  # fmt: skip
    with django_assert_max_num_queries(14):
        response = client.get("/journeys/board/")
    assert response.content.decode().count("T1") >= 1


def test_plan_api_query_count_does_not_grow_with_points(client, make_entry, django_assert_max_num_queries):
    for i in range(30):
        make_entry(f"P{i}", 46.45 - i * 0.001, 30.5 - i * 0.01, country="UA")
    body = '{"waypoints": [{"place": "Odesa"}, {"place": "Chisinau"}]}'
    with django_assert_max_num_queries(6):
        data = client.post("/api/v1/journeys/plan", body, content_type="application/json").json()
    assert len(data["support_points"]) == 30


def test_directory_search_query_count(client, make_entry, django_assert_max_num_queries):
    for i in range(30):
        make_entry(f"P{i}", 46.45 - i * 0.001, 30.5 - i * 0.01, country="UA")
    with django_assert_max_num_queries(6):
        page = client.get("/directory/", {"near": "Odesa", "radius_km": "50"}).content.decode()
    assert "P0" in page and "30 results" in page
