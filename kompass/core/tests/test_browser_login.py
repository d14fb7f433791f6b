"""A real browser logs in with two factors and switches language."""

import pytest
from django_otp.oath import TOTP

from conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_caseworker_logs_in_with_two_factors_and_switches_language(page, persona, screenshot):
    user = persona("caseworker_a")
    device = user.totpdevice_set.get()
    page.goto("/")
    screenshot(page, "foundation-home-en")
    page.get_by_role("link", name="Staff login").first.click()
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    assert "/accounts/two-factor/" in page.url
    screenshot(page, "foundation-second-factor")
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/staff/")
    assert page.get_by_role("heading", name="Dashboard").is_visible()
    screenshot(page, "foundation-dashboard-en")
    page.locator(".language-switcher").get_by_role("link", name="Українська").click()
    page.wait_for_url("**/uk/staff/")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.get_by_role("heading", name="Панель").first.is_visible()
    screenshot(page, "foundation-dashboard-uk")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_home_on_a_phone_in_romanian_without_javascript(browser, live_server, screenshot):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/")
    page.locator(".language-switcher").get_by_role("link", name="Română").click()
    page.wait_for_url("**/ro/")
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.get_by_role("link", name="Ieșire rapidă").first.is_visible()
    screenshot(page, "foundation-home-ro-phone-nojs")
    context.close()
