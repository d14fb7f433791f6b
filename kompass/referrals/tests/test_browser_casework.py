"""Issue #16's acceptance in a desktop browser: a coordinator triages the oldest urgent report first,
accepts it to the suggested organisation, which refers the person for shelter to the nearest
organisation with a free place; the sender sees the answer on its dashboard; a deadline passes in
another case (time-machine) and the sender's admin is alerted."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.cases.models import Case
from kompass.cases.services import assess_need, assess_risk, record_consent
from kompass.cases.tests.factories import make_case, offer
from kompass.directory.models import Entry, EntryService, ServiceCapacity
from kompass.organisations.models import Membership, Organisation
from kompass.referrals.models import Referral
from kompass.referrals.services import check_referral_deadlines, send_referral
from kompass.screening import services as screening
from kompass.screening.models import Protocol, Report

PASSWORD = "correct-horse-battery-staple-42"


def member(organisation, email, role):
    user = User.objects.create_user(email, PASSWORD, full_name=email.split("@")[0].replace(".", " ").title())
    Membership.objects.create(user=user, organisation=organisation, role=role)
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
    session.save()
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, base_url=live_server.url, locale="en-GB"
    )
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    return context, context.new_page()


def shelter(name, city, places):
    organisation = Organisation.objects.create(name=name, country="RO", city=city)
    entry = Entry.objects.create(
        organisation=organisation, name=f"{name} house", kind="shelter", country="RO", city=city,
        status=Entry.Status.PUBLISHED, location_confidential=True,
    )  # fmt: skip
    EntryService.objects.create(entry=entry, service="emergency_accommodation")
    ServiceCapacity.objects.create(
        organisation=organisation, service="emergency_accommodation", places_free=places
    )
    return organisation


def report(*, urgent: bool, days_ago: int, region: str) -> Report:
    revision = Protocol.objects.get(sector="health").published
    questions = revision.questions_for("adult")
    answers = {q["key"]: urgent for q in questions} if urgent else {questions[0]["key"]: True}
    made = screening.send_report(
        screening=screening.run_screening(revision=revision, subject="adult", answers=answers, country="RO"),
        sector="health", country="RO", region=region,
    )  # fmt: skip
    Report.objects.filter(pk=made.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    made.refresh_from_db()
    return made


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_casework_as_practised(browser, live_server, orgs, persona, screenshot):
    call_command("load_screening_content")  # transactional tests empty what the data migrations loaded
    coordinator = persona("coordinator")
    org_a = orgs["a"]  # Iași: crisis intervention and shelter, no place declared
    offer(org_a, "crisis_intervention", "emergency_accommodation", "counselling")
    caseworker_a, admin_a = (
        member(org_a, "ana.caseworker@example.org", "caseworker"),
        member(org_a, "dan.admin@example.org", "org_admin"),
    )
    full_bacau = shelter("Shelter Bacău (test)", "Bacău", 0)
    free_cluj = shelter("Shelter Cluj (test)", "Cluj-Napoca", 2)
    shelter("Shelter Constanța (test)", "Constanța", 5)
    caseworker_cluj = member(free_cluj, "mara.cluj@example.org", "caseworker")
    assert full_bacau.pk

    newer_plain = report(urgent=False, days_ago=1, region="Iași")
    newer_urgent = report(urgent=True, days_ago=2, region="Iași")
    oldest_urgent = report(urgent=True, days_ago=9, region="Iași")

    # 1. The coordinator's inbox: urgent first, the longest waiting first.
    context_c, page_c = signed_in(browser, live_server, coordinator)
    page_c.goto("/screening/reports/")
    rows = page_c.locator("table.inbox tbody tr")
    assert rows.nth(0).locator("a").inner_text() == oldest_urgent.reference
    assert rows.nth(1).locator("a").inner_text() == newer_urgent.reference
    assert rows.nth(2).locator("a").inner_text() == newer_plain.reference
    screenshot(page_c, "casework-1-triage-inbox")
    rows.nth(0).locator("a").click()
    suggested = page_c.locator("#suggestions li.suggested")
    assert "Organisation A" in suggested.inner_text()
    assert suggested.locator("input[type=radio]").is_checked()
    screenshot(page_c, "casework-2-report-suggestion")
    page_c.get_by_role("button", name="Accept and open a case").click()
    case = Case.objects.get(source_report=oldest_urgent.code)
    assert case.owner == org_a
    context_c.close()

    # 2. Organisation A records the consent and refers the person for shelter.
    record_consent(case=case, by=caseworker_a, purpose="sharing", organisation=free_cluj)
    assess_risk(case=case, by=caseworker_a, level="high", reason="The recruiter knows where she is.")
    assess_need(
        case=case, by=caseworker_a, service="emergency_accommodation", priority="urgent", note="Tonight"
    )
    context_a, page_a = signed_in(browser, live_server, caseworker_a)
    page_a.goto(f"/referrals/new/{case.code}/")
    page_a.locator("#service-step select").select_option("emergency_accommodation")
    page_a.get_by_role("button", name="Show who offers it").click()
    providers = page_a.locator("#providers li")
    assert "Shelter Bacău" in providers.nth(0).inner_text()  # the nearest is full…
    assert "full" in providers.nth(0).inner_text()
    nearest_free = page_a.locator("#providers li:not(.full)").first
    assert "Shelter Cluj" in nearest_free.inner_text() and "2" in nearest_free.inner_text()
    screenshot(page_a, "casework-3-referral-form")
    nearest_free.locator("input[type=radio]").check()
    page_a.get_by_label("Urgency").select_option("urgent")
    page_a.get_by_label("Message").fill(
        "Are nevoie de un loc în adăpost în seara aceasta, vorbește română și rusă."
    )
    page_a.get_by_role("button", name="Send referral").click()
    assert page_a.locator("#referral-status").inner_text() == "Pending"
    assert page_a.locator("#referral-urgency").inner_text() == "Urgent"
    referral = Referral.objects.get(case=case)
    assert referral.to_organisation == free_cluj and referral.message_language == "ro"
    screenshot(page_a, "casework-4-referral-sent")

    # 3. The shelter sees the risk, the needs of the service and the message's language; it accepts.
    context_s, page_s = signed_in(browser, live_server, caseworker_cluj)
    page_s.goto(referral.get_absolute_url())
    assert "Limited view" in page_s.content()
    assert "High" in page_s.locator("#referral-risk").inner_text()
    needs = page_s.locator("#referral-needs").inner_text()
    assert "Emergency accommodation" in needs and "Urgent" in needs and "Tonight" not in needs
    page_s.locator("#referral-message summary").click()
    assert "Written in Romanian" in page_s.locator("#referral-message").inner_text()
    assert "does not translate" in page_s.locator("#referral-message").inner_text()
    screenshot(page_s, "casework-5-received")
    page_s.get_by_role("button", name="Accept").click()
    assert page_s.locator("#referral-status").inner_text() == "Accepted"
    context_s.close()

    # 4. The sender sees the answer on its dashboard.
    page_a.goto("/staff/")
    answers = page_a.locator("#referral-responses").inner_text()
    assert case.reference in answers and "Accepted" in answers and "Shelter Cluj" in answers
    screenshot(page_a, "casework-6-sender-dashboard")
    context_a.close()

    # 5. Another case: an emergency referral nobody answers; the deadline passes.
    other = make_case(org_a, caseworker_a)
    record_consent(case=other, by=caseworker_a, purpose="sharing", organisation=free_cluj)
    late = send_referral(
        case=other,
        by=caseworker_a,
        to_organisation=free_cluj,
        service="emergency_accommodation",
        urgency="emergency",
    )
    mail.outbox.clear()
    with time_machine.travel(late.respond_by + datetime.timedelta(minutes=5), tick=True):
        check_referral_deadlines()
        assert [m.to for m in mail.outbox] == [["dan.admin@example.org"]]
        context_d, page_d = signed_in(browser, live_server, admin_a)
        page_d.goto("/staff/")
        alert = page_d.locator("#referrals-overdue").inner_text()
        assert other.reference in alert and "has not answered" in alert
        screenshot(page_d, "casework-7-admin-alerted")
        context_d.close()
