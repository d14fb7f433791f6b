"""On a phone: a report with a mistake leads with the error summary, focused; quick exit covers nothing."""

import pytest
from django.core.management import call_command

from kompass.screening.models import Protocol, Screening

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_screening(client) -> Screening:
    # Transactional tests empty the tables the data migrations filled; reload them (idempotent).
    call_command("load_screening_content")
    revision = Protocol.objects.get(sector="health").published
    data = {"sector": "health", "subject": "adult", "country": "RO", "revision": str(revision.code)}
    data |= {f"q_{q['key']}": "yes" for q in revision.questions_for("adult")}
    client.post("/uk/screening/", data)
    return Screening.objects.latest("created_at")


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_a_report_with_an_invalid_email_shows_the_error_summary_first_on_a_phone(
    client, phone_page, screenshot
):
    from kompass.journeys.data import seed_awareness_pages

    seed_awareness_pages()
    screening = a_screening(client)
    page = phone_page
    page.goto(f"/uk/screening/result/{screening.code}/")
    page.locator("#id_observations").fill("Двоє людей без документів, працюють уночі.")
    page.locator("#id_reporter_email").fill("не-адреса")
    page.locator("#report-form button[type=submit]").click()
    page.wait_for_selector("#error-summary")
    assert page.title().startswith("Помилка:")
    assert page.evaluate("document.activeElement.id") == "error-summary", "focus moves to the summary"
    box = page.locator("#error-summary").bounding_box()
    assert 0 <= box["y"] < 844, "the summary is on the first screen, not below the verdict"
    assert box["y"] < page.locator("#result-title").bounding_box()["y"]
    screenshot(page, "forms-error-summary-uk-phone")
    page.locator("#error-summary a[href='#id_reporter_email']").click()
    assert page.evaluate("document.activeElement.id") == "id_reporter_email"
    email = page.locator("#id_reporter_email")
    assert email.get_attribute("type") == "email"
    assert email.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_reporter_phone").get_attribute("type") == "tel"


@pytest.mark.parametrize("path", ["/ro/recruitment/", "/ru/online/report/", "/sr-latn/journeys/follow/"])
def test_quick_exit_never_covers_a_form_field_on_a_phone(phone_page, path, screenshot):
    page = phone_page
    page.goto(path)
    exit_link = page.locator("#quick-exit")
    assert exit_link.is_visible()
    assert page.evaluate("getComputedStyle(document.getElementById('quick-exit')).position") in (
        "static",
        "relative",
    )
    for y in (0, 400, 1200, 2400):
        page.evaluate(f"window.scrollTo(0, {y})")
        here = exit_link.bounding_box()
        for control in page.locator(
            "main input:visible, main textarea:visible, main select:visible, main button:visible"
        ).all():
            box = control.bounding_box()
            assert not (here and box and overlaps(here, box)), (path, y)
    screenshot(page, f"forms-quick-exit-{path.strip('/').replace('/', '-')}")
