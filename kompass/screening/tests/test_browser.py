"""Real browser journeys: a screening in Ukrainian on a phone, a report, and the coordinator's triage."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from kompass.screening.models import Report


@pytest.fixture
def screening_content(db):
    # Transactional tests empty the tables the data migrations filled; reload them (idempotent).
    call_command("load_screening_content")


def staff_cookie(login, live_server, name: str) -> dict:
    client = Client()
    login(client, name)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_ukrainian_phone_screening_report_and_triage(
    phone_page, browser, live_server, login, screening_content, screenshot
):
    page = phone_page
    page.goto("/uk/screening/")
    assert page.locator("html").get_attribute("lang") == "uk"
    screenshot(page, "screening-uk-phone-start")
    page.locator("input[name=sector][value=health]").check()
    page.locator("input[name=subject][value=adult]").check()
    page.wait_for_selector("#answers-form")
    assert "/uk/screening/?sector=health" in page.url, "the page stays one fluid page"
    yes_answers = page.locator("#answers-form .answer-yes")
    assert yes_answers.count() >= 10
    for index in range(yes_answers.count()):
        yes_answers.nth(index).click()
    screenshot(page, "screening-uk-phone-questions")
    page.locator("#answers-form button[type=submit]").click()
    page.wait_for_selector("#result-title")
    assert "verdict-presumed_victim" in page.locator("#result-title").get_attribute("class")
    assert page.locator("#result-title").inner_text() == "Імовірна жертва"
    banner = page.locator(".urgent-banner")
    assert banner.is_visible()
    assert page.evaluate(
        "document.querySelector('.urgent-banner').compareDocumentPosition(document.querySelector('#result-title'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    ), "the urgent banner comes first"
    assert "/uk/screening/result/" in page.url
    screenshot(page, "screening-uk-phone-result")

    page.locator("#id_region").fill("Ясси")
    page.locator("#id_location").fill("Приймальне відділення лікарні")
    page.locator("#id_observations").fill("Пацієнтку супроводжував чоловік, який відповідав замість неї.")
    page.locator("#report-form button[type=submit]").click()
    page.wait_for_selector("#reference")
    reference = page.locator("#reference").inner_text()
    assert reference.startswith("R-")
    screenshot(page, "screening-uk-phone-report-sent")
    report = Report.objects.get(reference=reference)
    assert report.screening.verdict == "presumed_victim"
    assert report.screening.language == "uk"

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.add_cookies([staff_cookie(login, live_server, "coordinator")])
    staff = context.new_page()
    staff.goto("/screening/reports/")
    link = staff.get_by_role("link", name=reference)
    assert link.is_visible()
    screenshot(staff, "screening-triage-inbox")
    link.click()
    staff.wait_for_selector("h1")
    assert reference in staff.locator("h1").inner_text()
    assert "Ясси" in staff.content()
    screenshot(staff, "screening-triage-detail")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_emergency_form_by_keyboard_only(page, screening_content, screenshot):
    page.goto("/screening/emergency/")
    page.wait_for_selector("#keys-hint:not([hidden])")
    count = page.locator("#answers-form fieldset.question").count()
    assert count <= 12
    # First question is focused; "y" for the first three, "n" for the rest, then Enter.
    for index in range(count):
        page.keyboard.press("y" if index < 3 else "n")
    screenshot(page, "screening-emergency-keyboard")
    page.keyboard.press("Enter")
    page.wait_for_selector("#result-title")
    assert page.locator(".urgent-banner").is_visible()
    screenshot(page, "screening-emergency-result")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_screening_works_without_javascript(browser, live_server, screening_content, screenshot):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/ro/screening/")
    page.locator("input[name=sector][value=online]").check()
    page.locator("input[name=subject][value=child]").check()
    page.locator("#show-questions").click()
    page.wait_for_selector("#answers-form")
    page.locator("#answers-form .answer-no").first.click()
    page.locator("#answers-form button[type=submit]").click()
    page.wait_for_selector("#result-title")
    assert "/ro/screening/result/" in page.url
    screenshot(page, "screening-ro-phone-nojs-result")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_edits_a_draft_sees_the_diff_and_publishes(
    page, live_server, login, screening_content, screenshot
):
    page.context.add_cookies([staff_cookie(login, live_server, "coordinator")])
    page.goto("/screening/protocols/health/")
    page.get_by_role("button", name="Start a new draft").click()
    page.wait_for_url("**/screening/protocols/health/draft/")
    page.get_by_role("link", name="Edit").first.click()
    assert page.locator("input[name=codes][value='cd.isolation']").is_checked()
    screenshot(page, "screening-protocol-question-form")
    page.locator("#id_text_en").fill(
        "Does someone else answer for the patient, or stay in the room the whole time?"
    )
    page.get_by_role("button", name="Save the question").click()
    page.wait_for_url("**/screening/protocols/health/draft/")
    assert page.locator(".change-changed").first.is_visible()
    assert "stay in the room the whole time" in page.locator(".diff").inner_text()
    page.locator("#id_change_note").fill("The first question now covers a companion who stays in the room.")
    page.get_by_role("button", name="Save the draft").click()
    screenshot(page, "screening-protocol-draft-diff")
    page.get_by_role("button", name="Publish this revision").click()
    # Publishing leads to the protocol's page under the coordinator's country (#20).
    page.wait_for_url(re.compile(r".*/screening/protocols/(ro/)?health/$"))
    assert "Retired" in page.locator("table").inner_text()
    screenshot(page, "screening-protocol-published")
