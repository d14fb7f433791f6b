"""A traveller builds a safety plan in Ukrainian on a phone, downloads the PDF, reopens the plan from its
URL and offline; axe-core (vendored from npm in tests/vendor/) finds no serious violation on the public
pages; no request leaves our own server."""

import subprocess
from pathlib import Path

import pytest

from kompass.directory.data.hotlines import seed_hotlines
from kompass.directory.models import Entry, EntryService
from kompass.journeys.data import seed_awareness_pages
from kompass.organisations.models import Organisation

AXE = Path(__file__).parent / "vendor" / "axe-4.11.0.min.js"
PUBLIC_PAGES = [
    "/uk/journeys/",
    "/uk/journeys/awareness/",
    "/uk/journeys/awareness/fake-job-offers/",
    "/uk/journeys/follow/",
    "/uk/journeys/offline/",
    "/uk/directory/?near=Кишинів&radius_km=25",
    "/uk/directory/numbers/",
    "/ro/journeys/",
    "/sr-latn/journeys/awareness/rights-serbia/",
]


@pytest.fixture
def seeded(db):
    # Transactional tests empty the tables the data migrations filled: seed them again.
    seed_hotlines()
    seed_awareness_pages()
    org = Organisation.objects.create(name="Casa Mărioarei Chișinău", country="MD", city="Chișinău")
    for name, lat, lon, country in [
        ("Пункт підтримки Маяки", 46.41253, 30.26717, "UA"),
        ("Palanca — cort de sprijin", 46.4010, 30.0900, "MD"),
        ("Chișinău — gara feroviară", 47.0136, 28.8453, "MD"),
    ]:
        entry = Entry.objects.create(organisation=org, name=name, kind="support_point", lat=lat, lon=lon,
                                     country=country, status="published", phone="+373 600 00 000",
                                     languages=";uk;ru;ro;")  # fmt: skip
        EntryService.objects.bulk_create(
            [EntryService(entry=entry, service=s) for s in ("information", "food")]
        )


def track_requests(page, live_server):
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url)
        if not r.url.startswith((live_server.url, "data:", "blob:"))
        else None,
    )
    return outside


def serious_violations(page) -> list:
    # Evaluated through the browser's devtools protocol: a <script> tag would be refused by the CSP.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ukrainian_phone_plan_pdf_reopen_and_offline(
    phone_page, browser, live_server, seeded, screenshot, tmp_path
):
    page = phone_page
    outside = track_requests(page, live_server)
    page.goto("/uk/journeys/")
    assert page.locator("html").get_attribute("lang") == "uk"
    page.fill("#id_origin", "Одеса")
    page.fill("#id_stop_1", "Паланка")
    page.fill("#id_destination", "Кишинів")
    page.fill("#id_start_date", "2026-12-01")
    page.check("#id_with_children")
    page.locator("input[name=needs][value=food]").check()
    page.locator("input[name=languages][value=uk]").check()
    screenshot(page, "journeys-uk-phone-form")
    page.click(".plan-form button[type=submit]")
    page.wait_for_selector("#points-heading")
    assert "/uk/journeys/plan/?p=" in page.url
    assert page.locator("h1").inner_text() == "Ваш план безпеки"
    text = page.locator("main").inner_text()
    assert (
        text.index("Пункт підтримки Маяки")
        < text.index("Palanca — cort de sprijin")
        < text.index("Chișinău — gara")
    )
    assert "0 800 77777" in text and "527" in text
    assert "дітей" in text  # the checklist item for children
    screenshot(page, "journeys-uk-phone-plan")
    plan_url = page.url

    with page.expect_download() as info:
        page.click("#download-pdf")
    pdf = tmp_path / "plan.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes()[:4] == b"%PDF"
    pdf_text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Ваш план безпеки" in pdf_text
    assert "Одеса" in pdf_text and "Кишинів" in pdf_text and "Пункт підтримки Маяки" in pdf_text
    assert "Chișinău — gara feroviară" in pdf_text  # Romanian diacritics survive
    shots = Path(__file__).resolve().parents[3] / "var" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(shots / "journeys-plan-pdf")],
                   check=True)  # fmt: skip
    assert list(shots.glob("journeys-plan-pdf*.png"))

    # Reopen the plan from its URL in a fresh browser (nothing is stored on the server).
    other = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, base_url=live_server.url
    )
    again = other.new_page()
    again.goto(plan_url)
    assert again.locator("h1").inner_text() == "Ваш план безпеки"
    assert "Пункт підтримки Маяки" in again.locator("main").inner_text()
    other.close()

    # Offline: the service worker keeps the plan it has seen, and an offline page. (Chromium's offline
    # emulation does not reach service-worker fetches, so we check the worker's cache itself.)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    page.wait_for_selector("#points-heading")
    assert page.evaluate("() => !!navigator.serviceWorker.controller")
    cached = page.evaluate(
        """async (url) => {
            const cache = await caches.open('kompass-journeys-v2');
            const plan = await cache.match(url);
            const offline = await cache.match(new URL('/uk/journeys/offline/', url).href);
            return [plan ? await plan.text() : '', offline ? await offline.text() : ''];
        }""",
        plan_url,
    )
    assert "Пункт підтримки Маяки" in cached[0]
    assert "Ви офлайн" in cached[1]
    assert outside == [], f"third-party requests: {outside}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_pass_axe_without_serious_violations(phone_page, live_server, seeded, screenshot):
    page = phone_page
    outside = track_requests(page, live_server)
    page.goto("/uk/journeys/?origin=Одеса&stop_1=Паланка&destination=Кишинів&corridor_km=25")
    pages = [*PUBLIC_PAGES, page.url]
    problems = {}
    for number, url in enumerate(pages):
        page.goto(url)
        screenshot(page, f"journeys-public-{number:02d}")
        found = serious_violations(page)
        if found:
            problems[url] = found
    assert problems == {}
    assert outside == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_map_from_our_static_files_and_tiles_from_the_setting(
    page, live_server, seeded, settings, screenshot
):
    # Tiles from our own server (they 404 here): the point is that nothing comes from elsewhere.
    settings.MAP_TILE_URL = live_server.url + "/tiles/{z}/{x}/{y}.png"
    outside = track_requests(page, live_server)
    page.goto("/uk/journeys/")
    page.wait_for_selector("#pick-map.leaflet-container")
    page.click("#id_origin")
    page.locator("#pick-map").click(position={"x": 200, "y": 120})
    assert "," in page.input_value("#id_origin")
    page.fill("#id_origin", "Одеса")
    page.fill("#id_destination", "Кишинів")
    page.click(".plan-form button[type=submit]")
    page.wait_for_selector("#plan-map .leaflet-overlay-pane path", state="attached")
    assert "Пункт підтримки Маяки" in page.locator("main").inner_text()  # the text alternative stays
    screenshot(page, "journeys-plan-map")
    assert outside == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_traveller_checks_in_and_the_board_shows_a_missed_leg(phone_page, browser, live_server, login, orgs,
                                                              screenshot):  # fmt: skip
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from kompass.journeys import services

    now = timezone.now()
    journey = services.start_journey(
        organisation=orgs["a"], nickname="Olena", contact_channel="telegram", contact_value="@olena", consent=True,
        legs=[{"origin": "Odesa", "destination": "Palanca", "expected_arrival": now - timedelta(hours=3)},
              {"origin": "Palanca", "destination": "Chișinău", "expected_arrival": now + timedelta(hours=3)}],
    )  # fmt: skip
    services.raise_missed_checkin_alerts()
    taras = services.start_journey(
        organisation=orgs["a"], nickname="Taras", contact_channel="phone", contact_value="+380", consent=True,
        legs=[{"origin": "Chișinău", "destination": "Iași", "expected_arrival": now + timedelta(hours=2)}],
    )  # fmt: skip
    page = phone_page
    page.goto(f"/uk/journeys/follow/{taras.token}/")
    screenshot(page, "journeys-uk-phone-traveller")
    page.click("form.checkin button")
    page.wait_for_selector(".messages")
    assert "Дякуємо" in page.locator(".messages").inner_text()
    assert taras.legs.get().checked_in_at is not None

    client = Client()
    login(client, "caseworker_a")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    staff = context.new_page()
    staff.goto("/journeys/board/")
    assert "Olena" in staff.locator(".alerts").inner_text()
    assert "Taras" not in staff.locator(".alerts").inner_text()
    assert journey.legs.get(position=1).is_alert_open
    screenshot(staff, "journeys-board")
    staff.click(".alerts a")
    assert "@olena" in staff.locator("main").inner_text()
    context.close()
