"""A plan opened for the first time from its link alone stays available offline, with the pages it
links to and the numbers of its route; quick exit erases it (#12.4)."""

import pytest

from kompass.journeys.tests.test_browser import seeded  # noqa: F401 (fixture)

ROUTE = "/uk/journeys/?origin=Одеса&destination=Кишинів&stop_1=Паланка&corridor_km=25"


def plan_link(client_page) -> str:
    """The plan's own link, as its QR code or a saved message would give it."""
    client_page.goto(ROUTE)
    client_page.wait_for_selector("#points-heading")
    return client_page.locator("#plan-link").input_value()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_plan_opened_from_its_link_works_offline_with_its_linked_pages(
    browser,
    live_server,
    seeded,  # noqa: F811
    screenshot,
):
    maker = browser.new_context(base_url=live_server.url)
    link = plan_link(maker.new_page())
    maker.close()
    assert "/uk/journeys/plan/?p=" in link

    # A new phone opens the link (QR code): the first visit of this site on it.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, base_url=live_server.url
    )
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("html[data-offline-saved]", state="attached", timeout=30000)
    saved = int(page.locator("html").get_attribute("data-offline-saved"))
    assert saved >= 5  # the plan, the offline page, the route's numbers, rights pages, styles…
    status = page.locator("#offline-status").inner_text()
    assert "без інтернету" in status
    assert "Швидкий вихід також стирає" in page.locator("#quick-exit-erases").inner_text()
    numbers_href = page.locator("#route-numbers").get_attribute("href")
    assert "c=UA" in numbers_href and "c=MD" in numbers_href
    rights = page.locator("a[href*='/awareness/rights-moldova/']").first.get_attribute("href")

    context.set_offline(True)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Ваш план безпеки"
    assert "Пункт підтримки Маяки" in page.locator("main").inner_text()
    screenshot(page, "journeys-uk-plan-offline")
    page.goto(numbers_href)
    numbers = page.locator("main").inner_text()
    assert "0 800 77777" in numbers and "+373 22 23 33 09" in numbers and "527" in numbers
    page.goto(rights)
    assert "Молдов" in page.locator("h1").inner_text()
    page.goto("/uk/journeys/awareness/never-opened/")
    offline = page.locator("main").inner_text()
    assert "Ви офлайн" in offline
    for number in ("0800 800 678", "0 800 77777", "+381 11 785 0000", "527"):
        assert number in offline  # the anti-trafficking lines of RO, MD, RS and UA
    screenshot(page, "journeys-uk-offline-page")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_quick_exit_erases_the_saved_plan(browser, live_server, seeded):  # noqa: F811
    maker = browser.new_context(base_url=live_server.url)
    link = plan_link(maker.new_page())
    maker.close()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto(link)
    page.wait_for_selector("html[data-offline-saved]", state="attached", timeout=30000)
    assert page.evaluate("async () => (await caches.keys()).length") >= 1
    # Quick exit leaves for another site; stay on ours to look at the cache afterwards.
    page.route(
        "https://www.google.com/**", lambda route: route.fulfill(body="weather", content_type="text/html")
    )
    page.click("#quick-exit")
    page.wait_for_url("https://www.google.com/**")
    page.goto(live_server.url + "/uk/")
    assert page.evaluate("async () => (await caches.keys()).length") == 0
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    context.set_offline(True)
    with pytest.raises(Exception):  # noqa: B017 — nothing left to show offline
        page.goto(link)
    context.close()
