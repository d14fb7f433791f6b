import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def points(make_entry):
    make_entry(
        "Mayaky crossing",
        46.41253,
        30.26717,
        country="UA",
        services=("information", "transport"),
        languages=";uk;ru;",
        phone="+380 00 000 0000",
        telegram="@mayaky_help",
    )
    make_entry("Chișinău station", 47.0136, 28.8453, country="MD", services=("legal_assistance",))


def make_plan(client, **extra):
    params = {
        "origin": "Одеса",
        "stop_1": "Palanca",
        "destination": "Кишинів",
        "corridor_km": "25",
        "start_date": "2026-12-01",
        **extra,
    }
    response = client.get("/uk/journeys/", params)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_start_page_renders_in_ukrainian(client):
    response = client.get("/uk/journeys/")
    assert response.status_code == 200
    assert "Звідки ви вирушаєте?" in response.content.decode()


def test_form_redirects_to_a_plan_that_lives_in_the_url(client, points):
    location = make_plan(client, needs=["legal_assistance"], languages=["uk"])
    assert location.startswith("/uk/journeys/plan/?p=")
    page = client.get(location).content.decode()
    assert "Mayaky crossing" in page and "Chișinău station" in page
    assert page.index("Mayaky crossing") < page.index("Chișinău station")
    assert "0 800 77777" in page and "527" in page
    assert "<svg" in page  # QR code
    assert "tel:+380000000000" in page and "https://t.me/mayaky_help" in page


def test_unknown_place_shows_suggestions(client):
    response = client.get("/journeys/", {"origin": "Odeska", "destination": "Chisinau", "corridor_km": "25"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "We do not know the place" in page
    assert "Odesa (UA)" in page


def test_map_point_as_origin(client, points):
    location = make_plan(client, origin="46.48, 30.74")
    assert client.get(location).status_code == 200


def test_tampered_token_is_404(client, points):
    location = make_plan(client)
    assert client.get(location[:-4] + "AAAA").status_code == 404
    assert client.get("/uk/journeys/plan/").status_code == 404


def test_pdf_has_cyrillic_and_romanian_text(client, points, tmp_path):
    location = make_plan(client)
    token = parse_qs(urlparse(location).query)["p"][0]
    response = client.get("/uk/journeys/plan.pdf", {"p": token})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Ваш план безпеки" in text
    assert "Chișinău station" in text
    assert "0 800 77777" in text


def test_no_map_without_tile_url(client, points, settings):
    settings.MAP_TILE_URL = ""
    page = client.get(make_plan(client)).content.decode()
    assert "leaflet" not in page


def test_map_with_tile_url_uses_our_leaflet(client, points, settings):
    settings.MAP_TILE_URL = "/tiles/{z}/{x}/{y}.png"
    page = client.get(make_plan(client)).content.decode()
    assert "/static/vendor/leaflet-1.9.4/leaflet.js" in page
    assert 'id="plan-map-data"' in page


def test_service_worker_is_served_with_its_scope(client):
    response = client.get("/uk/journeys/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/uk/journeys/"


def test_offline_page(client):
    assert "112" in client.get("/journeys/offline/").content.decode()
