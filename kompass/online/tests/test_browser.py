"""Browser journeys on a phone: a pupil from the school QR code, a parent's handout, a report in
Ukrainian that reaches the coordinator's triage with its platform."""

import subprocess
from datetime import date

import pytest
from django.test import Client

from conftest import SCREENSHOTS
from kompass.directory.data.hotlines import seed_hotlines
from kompass.online.data.services import seed_services
from kompass.screening.models import Report
from kompass.training.models import School, SchoolSession, SchoolSessionVisit


@pytest.fixture
def hotlines(db):
    # Transactional tests empty the tables the data migrations filled; seed the numbers again.
    seed_hotlines()


@pytest.fixture
def services(db):
    seed_services()


@pytest.fixture
def school_session(org_a):
    school = School.objects.create(
        name="Școala Gimnazială nr. 3", locality="Suceava", region="Suceava", country="RO"
    )
    return SchoolSession.objects.create(
        organisation=org_a, school=school, date=date(2026, 11, 20), grade_from=6, grade_to=8, pupils_reached=52,
        topic_sextortion=True, topic_online_grooming=True,
    )  # fmt: skip


@pytest.fixture
def romanian_phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
        base_url=live_server.url, locale="ro-RO",
    )  # fmt: skip
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_pupil_reaches_the_sextortion_page_from_the_school_qr_code(
    romanian_phone, school_session, hotlines, services, screenshot
):
    page = romanian_phone
    page.goto(f"/training/s/{school_session.pupil_key}/")
    assert page.url.endswith("/ro/online/?country=RO")
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.locator("#quick-exit").is_visible()
    screenshot(page, "online-ro-phone-start")
    page.get_by_role("link", name="Cineva mă amenință că îmi publică pozele").click()
    page.wait_for_load_state()
    assert "/ro/online/sextortion/" in page.url
    assert page.locator("h1").inner_text() == "Cineva mă amenință că îmi publică pozele"
    page.locator("#help-country").select_option("RO")
    page.locator("#help button[type=submit]").click()
    page.wait_for_load_state()
    assert "country=RO" in page.url
    help_box = page.locator("#help")
    assert "România" in help_box.locator("h2").inner_text()
    assert help_box.locator("a[href='tel:112']").count() >= 1
    assert help_box.locator("a[href='tel:116111']").count() == 1, "the child helpline"
    assert help_box.locator(".service-link[href='https://oradenet.ro/esc-abuz-en']").is_visible(), (
        "where to report images"
    )
    assert "verificat ultima dată" in help_box.inner_text()
    screenshot(page, "online-ro-phone-sextortion")
    # The take-down help: the tool hashes on the phone; here the tool's site is a stand-in (no network).
    page.route("https://takeitdown.ncmec.org/**", lambda route: route.fulfill(
        content_type="text/html", body="<!DOCTYPE html><title>Take It Down</title><h1>Take It Down</h1>"
    ))  # fmt: skip
    takedown = page.locator("#takedown .service-link[href='https://takeitdown.ncmec.org/']")
    assert takedown.is_visible()
    takedown.click()
    page.wait_for_load_state()
    assert page.url == "https://takeitdown.ncmec.org/"
    assert SchoolSessionVisit.objects.get(session=school_session).language == "ro"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_parent_prints_the_handout(phone_page, hotlines, services, tmp_path):
    page = phone_page
    page.goto("/ro/online/parents/?country=MD")
    with page.expect_download() as download:
        page.evaluate("document.getElementById('handout-link').setAttribute('download', '')")
        page.locator("#handout-link").click()
    pdf = tmp_path / "handout.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-singlefile",
            str(pdf),
            str(SCREENSHOTS / "online-handout-ro-phone"),
        ],
        check=True,
    )


def staff_cookie(login, live_server, name: str) -> dict:
    client = Client()
    login(client, name)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_report_in_ukrainian_reaches_the_coordinators_triage(
    phone_page, browser, live_server, login, hotlines, screenshot
):
    page = phone_page
    page.goto("/uk/online/report/")
    assert page.locator("input[type=file]").count() == 0
    page.locator("#id_platform").select_option("telegram")
    page.locator("#id_platform_account").fill("@demo_fictional_recruiter")
    page.locator("#id_concern_3").check()  # recruitment
    page.locator("#id_subject_1").check()  # child
    page.locator("#id_observations").fill(
        "Пропонують дівчатам 16 років роботу моделями в Дубаї, просять фото."
    )
    page.locator("#id_country").select_option("RO")
    page.locator(".online-report button[type=submit]").click()
    page.wait_for_selector("#reference")
    reference = page.locator("#reference").inner_text()
    screenshot(page, "online-uk-phone-report-sent")
    report = Report.objects.get(reference=reference)
    assert (report.sector, report.platform, report.concern, report.subject) == (
        "online",
        "telegram",
        "recruitment",
        "child",
    )

    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.add_cookies([staff_cookie(login, live_server, "coordinator")])
    staff = context.new_page()
    staff.goto("/screening/reports/")
    row = staff.locator("tr", has=staff.get_by_role("link", name=reference))
    assert "Telegram" in row.inner_text()
    row.get_by_role("link", name=reference).click()
    staff.wait_for_selector("#report-platform")
    assert staff.locator("#report-platform").inner_text() == "Telegram"
    screenshot(staff, "online-triage-detail")
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_empty_report_shows_the_error_summary_first(phone_page, screenshot):
    page = phone_page
    page.goto("/ro/online/report/")
    page.locator(".online-report button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert page.title().startswith("Eroare:")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    screenshot(page, "online-ro-phone-error-summary")
