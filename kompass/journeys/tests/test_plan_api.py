"""The plan API on real routes. Expected route_km / off_route_km were computed by hand with an
independent method (n-vector projection onto each leg's great circle, R = 6371.0088 km) and
cross-checked against straight-line distances (Odesa–Palanca ≈ 51 km, Kharkiv–Lviv ≈ 877 km)."""

import json

import pytest
from django.core import signing

from kompass.journeys.planning import PlanRequest

pytestmark = pytest.mark.django_db
URL = "/api/v1/journeys/plan"


def post(client, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


ODESA_BUCHAREST = [
    {"place": "Одеса"},
    {"place": "Palanca", "country": "MD"},
    {"place": "Chișinău"},
    {"place": "Iași", "country": "RO"},
    {"place": "Bucureşti"},
]
# name: (lat, lon, country, expected route_km, expected off_route_km) — None: outside the 25 km corridor
ROUTE_1_POINTS = {
    "Mayaky crossing": (46.41253, 30.26717, "UA", 37.39, 1.28),
    "Palanca crossing": (46.4010, 30.0900, "MD", 50.98, 0.01),
    "Tiraspol office": (46.8427, 29.6284, "MD", 108.62, 19.16),
    "Căușeni point": (46.6436, 29.4108, "MD", 109.02, 8.50),
    "Chișinău station": (47.0136, 28.8453, "MD", 167.95, 0.30),
    "Iași station": (47.1652, 27.5697, "RO", 264.74, 2.07),
    "Bucharest Gara de Nord": (44.4463, 26.0731, "RO", 588.54, 3.01),
    "Focșani office": (45.6967, 27.1797, "RO", None, 29.17),
    "Bălți office": (47.7617, 27.9289, "MD", None, 69.47),
    "Cahul shelter": (45.9075, 28.1944, "MD", None, 93.82),
    "Lviv office": (49.84, 24.03, "UA", None, 396.83),
}

KHARKIV_KRAKOW = [
    {"place": "Kharkiv", "country": "UA"},
    {"place": "Львів"},
    {"place": "Medyka"},
    {"place": "Krakow"},
]
ROUTE_2_POINTS = {
    "Zhytomyr office": (50.2547, 28.6587, "UA", 541.70, 23.36),
    "Lviv station": (49.8397, 23.9944, "UA", 877.11, 0.25),
    "Medyka tent": (49.8000147, 22.9437439, "PL", 952.61, 0.52),
    "Shehyni point": (49.7963, 22.9557, "UA", 951.78, 0.98),
    "Przemyśl station": (49.78498, 22.76728, "PL", 964.79, 3.87),
    "Rzeszów office": (50.04132, 21.99901, "PL", 1023.35, 16.36),
    "Tarnów office": (50.0121, 20.9858, "PL", 1094.65, 3.50),
    "Kraków Główny": (50.0677, 19.9476, "PL", 1169.01, 0.78),
    "Kyiv office": (50.45466, 30.5238, "UA", None, 42.21),
    "Ternopil office": (49.55, 25.59, "UA", None, 41.99),
    "Poltava office": (49.5883, 34.5514, "UA", None, 50.08),
}


@pytest.fixture
def route_1(make_entry):
    for name, (lat, lon, country, *_rest) in ROUTE_1_POINTS.items():
        make_entry(name, lat, lon, country=country)


@pytest.fixture
def route_2(make_entry):
    for name, (lat, lon, country, *_rest) in ROUTE_2_POINTS.items():
        services = ("legal_assistance",) if "office" in name else ("information", "transport")
        make_entry(name, lat, lon, country=country, services=services)


def test_odesa_to_bucharest_corridor_order_and_distances(client, route_1):
    response = post(client, {"waypoints": ODESA_BUCHAREST, "language": "uk"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert [w["country"] for w in data["waypoints"]] == ["UA", "MD", "MD", "RO", "RO"]
    assert data["waypoints"][0]["name"] == "Одеса"
    assert data["waypoints"][2]["name"] == "Кишинів"
    names = [p["name"] for p in data["support_points"]]
    expected = sorted((v[3], k) for k, v in ROUTE_1_POINTS.items() if v[3] is not None)
    assert names == [k for _km, k in expected]
    for point in data["support_points"]:
        _lat, _lon, _c, route_km, off_km = ROUTE_1_POINTS[point["name"]]
        assert point["route_km"] == pytest.approx(route_km, abs=1.0)
        assert point["off_route_km"] == pytest.approx(off_km, abs=1.0)
        assert set(point) >= {
            "id",
            "name",
            "organisation",
            "kind",
            "services",
            "lat",
            "lon",
            "country",
            "contacts",
        }


def test_wider_corridor_takes_in_focsani(client, route_1):
    data = post(client, {"waypoints": ODESA_BUCHAREST, "corridor_km": 30}).json()
    focsani = next(p for p in data["support_points"] if p["name"] == "Focșani office")
    assert focsani["off_route_km"] == pytest.approx(29.17, abs=1.0)
    assert focsani["route_km"] == pytest.approx(427.77, abs=1.0)
    assert "Bălți office" not in [p["name"] for p in data["support_points"]]


def test_odesa_to_bucharest_hotlines_for_each_country_crossed(client, route_1):
    data = post(client, {"waypoints": ODESA_BUCHAREST}).json()
    assert data["countries"] == ["UA", "MD", "RO"]
    by_country = {}
    for h in data["hotlines"]:
        by_country.setdefault(h["country"], []).append(h["number"])
    assert list(by_country) == ["UA", "MD", "RO"]
    assert {"527", "0 800 505 501"} <= set(by_country["UA"])
    assert "0 800 77777" in by_country["MD"]
    assert {"0800 800 678", "119"} <= set(by_country["RO"])
    assert all(numbers[0] == "112" for numbers in by_country.values())


def test_kharkiv_to_krakow_via_medyka(client, route_2):
    data = post(client, {"waypoints": KHARKIV_KRAKOW, "language": "en"}).json()
    names = [p["name"] for p in data["support_points"]]
    expected = sorted((v[3], k) for k, v in ROUTE_2_POINTS.items() if v[3] is not None)
    assert names == [k for _km, k in expected]
    for point in data["support_points"]:
        _lat, _lon, _c, route_km, off_km = ROUTE_2_POINTS[point["name"]]
        assert point["route_km"] == pytest.approx(route_km, abs=1.0)
        assert point["off_route_km"] == pytest.approx(off_km, abs=1.0)
    assert data["countries"] == ["UA", "PL"]
    pl = [h["number"] for h in data["hotlines"] if h["country"] == "PL"]
    assert pl[0] == "112" and "+48 22 628 99 99" in pl  # KCIK, Poland's anti-trafficking helpline
    assert data["route_km"] == pytest.approx(1169.71, abs=1.0)


def test_service_filter_keeps_matching_points(client, route_2):
    data = post(client, {"waypoints": KHARKIV_KRAKOW, "services": ["legal_assistance"]}).json()
    assert [p["name"] for p in data["support_points"]] == [
        "Zhytomyr office",
        "Rzeszów office",
        "Tarnów office",
    ]
    assert all("legal_assistance" in p["services"] for p in data["support_points"])


def test_map_points_as_waypoints(client, route_1):
    body = {"waypoints": [{"lat": 46.48572, "lon": 30.74383}, {"lat": 46.4, "lon": 30.0833}]}
    data = post(client, body).json()
    assert [w["country"] for w in data["waypoints"]] == ["UA", "MD"]
    assert [p["name"] for p in data["support_points"]] == ["Mayaky crossing", "Palanca crossing"]


def test_unpublished_and_expired_entries_are_left_out(client, route_1):
    from kompass.directory.models import Entry

    Entry.objects.filter(name="Mayaky crossing").update(status=Entry.Status.PENDING)
    Entry.objects.filter(name="Palanca crossing").update(valid_until="2020-01-01")
    names = [p["name"] for p in post(client, {"waypoints": ODESA_BUCHAREST}).json()["support_points"]]
    assert "Mayaky crossing" not in names and "Palanca crossing" not in names


def test_unknown_place_gives_400_with_suggestions(client):
    response = post(client, {"waypoints": [{"place": "Odeska"}, {"place": "Kishinev"}]})
    assert response.status_code == 400
    data = response.json()
    assert data["error"]
    assert list(data["errors"]) == ["waypoints.0.place"]
    assert "Odesa" in data["errors"]["waypoints.0.place"][0]
    assert "Odesa (UA)" in data["suggestions"]["waypoints.0.place"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"waypoints": [{"place": "Odesa"}]}, "waypoints"),
        ({"waypoints": [{"place": "Odesa"}, {"lat": 91, "lon": 0}]}, "waypoints.1.lat"),
        ({"waypoints": [{"place": "Odesa"}, {"place": "Lviv", "zoom": 3}]}, "waypoints.1.zoom"),
        ({"waypoints": [{"place": "Odesa"}, {"place": "Lviv"}], "services": ["massage"]}, "services"),
        ({"waypoints": [{"place": "Odesa"}, {"place": "Lviv"}], "corridor_km": -1}, "corridor_km"),
        ({"waypoints": [{"place": "Odesa"}, {"place": "Lviv"}], "language": "de"}, "language"),
        ({"waypoints": [{"place": "Odesa"}, {"place": "Lviv"}], "colour": "red"}, "colour"),
    ],
)
def test_bad_requests_give_the_fixed_error_shape(client, body, field):
    response = post(client, body)
    assert response.status_code == 400
    data = response.json()
    assert set(data) == {"error", "errors"}
    assert field in data["errors"]


def test_plan_url_reopens_the_same_plan(client, route_1):
    data = post(client, {"waypoints": ODESA_BUCHAREST, "language": "uk"}).json()
    assert "/uk/journeys/plan/?p=" in data["plan_url"]
    token = data["plan_url"].split("?p=")[1]
    request = PlanRequest.from_token(token)
    assert [p.country for p in request.waypoints] == ["UA", "MD", "MD", "RO", "RO"]
    with pytest.raises(signing.BadSignature):
        PlanRequest.from_token(token[:-3] + "abc")


def test_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_place_in_the_wrong_country_suggests_it_where_it_is(client):
    response = post(client, {"waypoints": [{"place": "Odesa", "country": "RO"}, {"place": "Lviv"}]})
    assert response.status_code == 400
    assert "Odesa (UA)" in response.json()["suggestions"]["waypoints.0.place"]


def test_language_code_spellings(client):
    body = {"waypoints": [{"place": "Chisinau"}, {"place": "Iasi"}], "language": "sr_Latn"}
    data = post(client, body).json()
    assert [w["name"] for w in data["waypoints"]] == ["Kišinjev", "Jaši"]
