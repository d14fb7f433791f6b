""" "Use my location" on a phone: only with JavaScript and the person's permission; the position is
rounded before it leaves the phone; without permission the place-name field takes over (#12.6)."""

import pytest

from kompass.directory.models import Entry, EntryService
from kompass.organisations.models import Organisation


@pytest.fixture
def entries(db):
    org = Organisation.objects.create(name="Fictional Help Moldova", country="MD", city="Chișinău")
    for name, lat, lon, country, kind in [
        ("Chișinău railway station help point", 47.0136, 28.8453, "MD", "support_point"),
        ("Iași day centre", 47.158, 27.601, "RO", "office"),
    ]:
        entry = Entry.objects.create(organisation=org, name=name, kind=kind, lat=lat, lon=lon, country=country,
                                     status="published", phone="+373 600 00 001", hours="24/7")  # fmt: skip
        EntryService.objects.create(entry=entry, service="information")
    Entry.objects.create(organisation=org, name="Chișinău shelter", kind="shelter", country="MD", city="Chișinău",
                         location_confidential=True, status="published", phone="+373 600 00 002")  # fmt: skip


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_near_me_uses_the_rounded_position_when_allowed(browser, live_server, entries, screenshot):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, base_url=live_server.url,
        geolocation={"latitude": 47.02468, "longitude": 28.83219}, permissions=["geolocation"],
    )  # fmt: skip
    page = context.new_page()
    page.goto("/uk/directory/")
    button = page.locator("#near-me-button")
    assert button.is_visible()
    button.click()
    page.wait_for_function("location.search.indexOf('lat=') >= 0", timeout=20000)
    assert "lon=28.83" in page.url and "47.024" not in page.url  # rounded on the phone
    results = page.locator(".directory-results").inner_text()
    assert "Chișinău railway station help point" in results and "км" in results
    assert "Iași day centre" not in results and "Chișinău shelter" not in results
    assert "поблизу вашого місцезнаходження" in page.locator("main").inner_text()
    assert page.locator(".directory-results a[href^='geo:']").count() == 1
    screenshot(page, "directory-uk-near-me")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_refused_location_points_to_the_place_field(browser, live_server, entries):
    context = browser.new_context(base_url=live_server.url, permissions=[])
    page = context.new_page()
    page.goto("/ro/directory/")
    page.click("#near-me-button")
    page.wait_for_function("document.getElementById('near-me-status').textContent.length > 0")
    assert "Scrieți în schimb numele unei localități" in page.locator("#near-me-status").inner_text()
    assert page.evaluate("document.activeElement.name") == "near"
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_button_stays_hidden_and_the_place_name_works(browser, live_server, entries):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/sr-latn/directory/")
    assert not page.locator("#near-me-button").is_visible()
    page.fill("#id_near", "Kišinjev")
    page.click(".search-form button[type=submit]")
    assert "Chișinău railway station help point" in page.locator(".directory-results").inner_text()
    context.close()
