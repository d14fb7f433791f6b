"""A real browser on a phone: the first visit follows the phone, the switcher needs no script."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OFFER = "Робота в Польщі, 3000 євро, житло безкоштовно.\nВізьміть з собою паспорт, ми його залишимо у себе на час роботи."


@pytest.fixture
def ukrainian_phone(browser, live_server):
    """A phone set to Ukrainian, with scripts turned off: everything must work without them."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="uk-UA",
        java_script_enabled=False,
        base_url=live_server.url,
    )
    yield context.new_page()
    context.close()


def switcher(page):
    return page.locator(".language-switcher")


def test_a_ukrainian_phone_opens_ukrainian_and_switches_to_every_language(ukrainian_phone, screenshot):
    page = ukrainian_phone
    page.goto("/")
    assert page.url.endswith("/uk/")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert not page.context.cookies(), "no cookie for a visitor who has not chosen"
    screenshot(page, "languages-first-visit-uk-phone")
    page.goto("/uk/directory/?country=MD")
    for name, code in [
        ("Русский", "ru"),
        ("Srpski (latinica)", "sr-latn"),
        ("Română", "ro"),
        ("English", "en"),
    ]:
        switcher(page).get_by_role("link", name=name).click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == code
        assert page.url.endswith("directory/?country=MD")
    screenshot(page, "languages-switched-to-english-phone")
    # English was chosen on a Ukrainian phone: the site's own links and a fresh visit stay English.
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    switcher(page).get_by_role("link", name="Українська").click()
    page.wait_for_url("**/uk/")
    page.goto("/screening/")
    assert page.url.endswith("/uk/screening/"), "the last choice is remembered"


def test_the_checker_keeps_the_offer_and_result_when_the_language_changes(ukrainian_phone, screenshot):
    page = ukrainian_phone
    page.goto("/uk/recruitment/")
    page.get_by_label("Текст оголошення").fill(OFFER)
    page.locator(".check-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#result").is_visible()
    switcher(page).get_by_role("button", name="Русский").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("#result").is_visible()
    assert page.locator(".check-form textarea").input_value().replace("\r\n", "\n") == OFFER
    screenshot(page, "languages-checker-switched-to-russian")
    switcher(page).get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#result").is_visible()
    assert "ми його залишимо" in page.locator(".check-form textarea").input_value()
