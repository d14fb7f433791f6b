"""Caseworker of organisation A refers a case to B; B's caseworker accepts and records the service;
A sees the referral completed and the service on the case page."""

import pytest
from django.conf import settings
from django.test import Client

from kompass.cases.services import assess_need
from kompass.cases.tests.factories import consent_to_share, make_case, offer


def browser_as(browser, live_server, login, name):
    client = Client()
    login(client, name)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, locale="en-GB"
    )
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    return context, context.new_page()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_refers_b_accepts_and_records_a_service_a_sees_it_completed(
    browser, live_server, login, persona, org_a, org_b, screenshot
):
    offer(org_b, "medical_care")
    caseworker_a = persona("caseworker_a")
    case = make_case(
        org_a, caseworker_a, identity={"given_name": "Irina", "surname": "Ceban", "phone": "+373 600 11 222"}
    )
    need = assess_need(
        case=case, by=caseworker_a, service="medical_care", priority="urgent", note="Untreated injury"
    )
    consent_to_share(case, org_b, caseworker_a, service="medical_care")

    context_a, page_a = browser_as(browser, live_server, login, "caseworker_a")
    page_a.goto(case.get_absolute_url())
    screenshot(page_a, "cases-detail-owner")
    page_a.locator(f'a[href$="?need={need.pk}"]').click()
    page_a.get_by_label("To organisation").select_option(label="Organisation B")
    page_a.get_by_label("Message").fill("Urgent: injury to the left hand, speaks Romanian and Russian.")
    screenshot(page_a, "referrals-send-form")
    page_a.get_by_role("button", name="Send referral").click()
    assert page_a.locator("#referral-status").inner_text() == "Pending"
    screenshot(page_a, "referrals-sent-pending")

    context_b, page_b = browser_as(browser, live_server, login, "caseworker_b")
    page_b.goto("/referrals/")
    page_b.get_by_role("link", name=case.reference).click()
    assert "Limited view" in page_b.content()
    assert "Untreated injury" not in page_b.content()  # the owner's note on the need stays with the owner
    screenshot(page_b, "referrals-received-limited-view")
    page_b.get_by_role("button", name="Accept").click()
    assert page_b.locator("#referral-status").inner_text() == "Accepted"
    page_b.get_by_label("What was done").fill("Wound treated at the clinic; follow-up in a week.")
    page_b.get_by_label("This completes the referral").check()
    page_b.get_by_role("button", name="Record service").click()
    assert page_b.locator("#referral-status").inner_text() == "Completed"
    screenshot(page_b, "referrals-completed-by-receiver")

    page_a.goto(case.get_absolute_url() + "#referrals")
    referrals = page_a.locator("#referrals").inner_text()
    services = page_a.locator("#services").inner_text()
    assert "Completed" in referrals and "Organisation B" in referrals
    assert "Wound treated at the clinic" in services and "Medical care" in services
    assert "met on" in page_a.locator("#needs").inner_text()
    screenshot(page_a, "cases-detail-owner-after-referral")
    page_a.goto("/cases/")
    assert case.reference in page_a.locator("table.case-list").inner_text()
    screenshot(page_a, "cases-list")
    page_a.goto("/staff/")
    assert "1 open case" in page_a.content()
    screenshot(page_a, "cases-staff-dashboard")
    page_a.set_viewport_size({"width": 390, "height": 844})
    page_a.goto(f"/ro/cases/{case.code}/")
    assert f"Cazul {case.reference}" in page_a.content()
    screenshot(page_a, "cases-detail-phone-ro")
    context_a.close()
    context_b.close()
