"""The coordinator reads the annual report in Romanian, with JavaScript off: charts are SVG."""

import datetime

import pytest
from django.conf import settings
from django.test import Client


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_annual_report_without_javascript(browser, live_server, login, orgs, make_case, screenshot):
    for i in range(40):
        make_case(
            orgs["a"],
            sex="female" if i % 4 else "male",
            age_at_identification=16 + i % 30,
            country_of_exploitation="ROU" if i % 5 < 3 else "ITA",
            is_sexual_exploitation=i % 2 == 0,
            is_forced_labour=i % 2 == 1,
            recruitment_method="online_social_network" if i % 3 == 0 else "",
            platforms=["facebook"] if i % 3 == 0 else [],
            identified_on=datetime.date(2022, 1 + i % 12, 3),
        )
    client = Client()
    login(client, "coordinator")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, java_script_enabled=False
    )
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}]
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto("/ro/stats/?year=2022&country=ROU")
    assert page.locator("h1").inner_text() == "Raportul anual MNR 2022 — România"
    assert page.locator("svg.chart").count() >= 8
    assert "ascuns" in page.content()
    assert page.locator("#by_sex td.num").first.inner_text() == "30"
    screenshot(page, "stats-annual-report")
    page.locator("#glotip").scroll_into_view_if_needed()
    screenshot(page, "stats-glotip-comparison")
    context.close()
