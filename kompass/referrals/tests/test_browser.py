"""Caseworker of organisation A refers a case to B; B's caseworker accepts and records the service;
A sees the referral completed and the service on the case page."""

import re

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
    page_a.get_by_label("Organisation B").check()  # the need's service lists those offering it
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


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_novi_sad_refers_to_a_shelter_in_timisoara_across_the_border(
    browser, live_server, login, persona, org_b, screenshot
):
    """Issue #20: a caseworker in Novi Sad refers a person to a shelter in Timișoara with the
    person's consent to the cross-border transfer; the shelter accepts; both countries'
    coordinators see it in their counts; the audit shows the transfer."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kompass.accounts.models import User
    from kompass.audit.models import AuditEvent
    from kompass.organisations.models import Membership, Organisation

    shelter = Organisation.objects.create(name="Shelter Timișoara (test)", country="RO", city="Timișoara")
    offer(shelter, "emergency_accommodation")
    keeper = User.objects.create_user(
        "shelter@example.org", "shelter-pass-12345-x", full_name="Shelter Worker"
    )
    Membership.objects.create(user=keeper, organisation=shelter, role=Membership.Role.CASEWORKER)
    device = TOTPDevice.objects.create(user=keeper, name="test", confirmed=True)
    case = make_case(org_b, persona("caseworker_b"), region="Novi Sad", citizenship="UKR",
                     identity={"given_name": "Оксана", "surname": "Мельник", "phone": "+381 60 000 0111"})  # fmt: skip

    context_b, page_b = browser_as(browser, live_server, login, "caseworker_b")
    for purpose in ("Sharing with an organisation for a service",
                    "Transfer of their data to an organisation in another country"):  # fmt: skip
        page_b.goto(f"/cases/{case.code}/consents/new/")
        page_b.get_by_label("Purpose").select_option(label=purpose)
        page_b.locator("#id_organisation").select_option(label=shelter.name)
        page_b.get_by_role("button", name="Save", exact=True).click()
        page_b.wait_for_url(re.compile(rf"/cases/{case.code}/(#.*)?$"))
    page_b.goto(f"/referrals/new/{case.code}/")
    page_b.get_by_label("What the person is referred for").select_option("emergency_accommodation")
    page_b.get_by_role("button", name="Show who offers it").click()
    page_b.get_by_label(shelter.name).check()
    screenshot(page_b, "referrals-cross-border-form")
    page_b.get_by_role("button", name="Send referral").click()
    assert page_b.locator("#referral-status").inner_text() == "Pending"
    assert page_b.locator("#referral-cross-border").is_visible()
    assert "Serbia → Romania" in page_b.content() and "49(1)(a)" in page_b.content()
    screenshot(page_b, "referrals-cross-border-sent")

    client = Client()
    client.force_login(keeper, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    context_r = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context_r.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                            "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])  # fmt: skip
    page_r = context_r.new_page()
    page_r.goto("/referrals/")
    page_r.get_by_role("link", name=case.reference).click()
    assert page_r.locator("#referral-cross-border").is_visible()
    page_r.get_by_role("button", name="Accept").click()
    assert page_r.locator("#referral-status").inner_text() == "Accepted"
    screenshot(page_r, "referrals-cross-border-accepted")

    for name, counts in (("coordinator_rs", "0 received from other countries, 1 sent"),
                         ("coordinator", "1 received from other countries, 0 sent")):  # fmt: skip
        context_c, page_c = browser_as(browser, live_server, login, name)
        page_c.goto("/staff/")
        assert counts in page_c.locator("#transnational-referrals").inner_text(), name
        screenshot(page_c, f"referrals-cross-border-counts-{name}")
        context_c.close()
    transfer = AuditEvent.objects.get(action="cross_border_transfer")
    assert (transfer.detail["from_country"], transfer.detail["to_country"]) == ("RS", "RO")
    for context in (context_b, context_r):
        context.close()
