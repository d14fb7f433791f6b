"""Browser journeys: a participant's pre- and post-test on a phone in Romanian, and the trainer's view."""

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from kompass.screening.models import Report
from kompass.training.demo import seed_demo
from kompass.training.questions import questions_for
from kompass.training.tests.factories import make_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(phone, questions, right: int) -> None:
    """Tick the right option for the first `right` questions and a wrong one for the others."""
    for i, q in enumerate(questions):
        choice = q.answer if i < right else (q.answer + 1) % len(q.options)
        phone.check(f"input[name='{q.id}'][value='{choice}']")


def test_pre_and_post_test_on_a_phone_in_romanian(
    phone_page, page, live_server, client, login, org_a, screenshot
):
    trainer = login(client, "trainer_a")
    training = make_training(org_a, by=trainer, title="Indicatorii traficului pentru asistente medicale")
    questions = questions_for(training.modules)

    phone_page.goto(f"/ro/training/check/{training.check_key}/pre/")
    assert phone_page.locator("h1").inner_text().startswith("Verificarea cunoștințelor")
    assert questions[0].text["ro"] in phone_page.content()
    answer(phone_page, questions, 3)
    screenshot(phone_page, "training-check-pre-form-ro")
    phone_page.get_by_role("button", name="Trimite răspunsurile").click()
    assert phone_page.locator("#score-pre").inner_text().startswith("3 / 10")
    screenshot(phone_page, "training-check-pre-result-ro")

    phone_page.goto(f"/ro/training/check/{training.check_key}/post/")
    answer(phone_page, questions, 9)
    phone_page.get_by_role("button", name="Trimite răspunsurile").click()
    assert phone_page.locator("#score-post").inner_text().startswith("9 / 10")
    assert phone_page.locator("#score-change").inner_text().startswith("+60")
    assert "Descarcă certificatul (PDF)" in phone_page.content()
    screenshot(phone_page, "training-check-post-result-ro")

    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"/ro/training/{training.code}/")
    results = page.locator("#check-results").inner_text()
    # Before 30 %, after 90 %: +60 points, shown with a Romanian decimal comma.
    assert "30,0 %" in results and "90,0 %" in results and "+60,0" in results
    screenshot(page, "training-trainer-results-ro")


def test_reach_and_impact_pages_with_demo_data(page, live_server, client, login, orgs, screenshot):
    tz = ZoneInfo("Europe/Bucharest")
    today = dt.date.today()
    rows = []
    for back in range(1, 33):  # nurses' reports in Iași: low, then higher from 14 months ago
        month = dt.date(today.year, today.month, 1)
        index = month.year * 12 + month.month - 1 - back
        year, mon = index // 12, index % 12 + 1
        n = 4 if back <= 14 else 1
        rows += [
            Report(
                sector="health",
                country="RO",
                region="Iași",
                created_at=dt.datetime(year, mon, 3 + i * 5, 10, tzinfo=tz),
            )
            for i in range(n)
        ]
    Report.objects.bulk_create(rows)
    seed_demo(rng=random.Random(7))
    login(client, "coordinator")
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto("/training/schools-programme/")
    assert page.locator(".reach-map circle").count() >= 15
    screenshot(page, "training-public-reach")
    page.goto("/training/impact/?place=health|RO|Iași")
    assert page.locator(".impact-chart .training").count() >= 1
    assert "A rise" in page.locator(".comparison").first.inner_text()
    screenshot(page, "training-impact-health-iasi")
    page.goto("/sr-latn/training/self-help/burnout/?country=RS")
    screenshot(page, "training-self-help-burnout-sr")
