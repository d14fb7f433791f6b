"""axe-core (vendored, kompass/core/tests/vendor) on every public page in every language: no serious
or critical violation of WCAG 2.1 A/AA, on a phone, including a page showing an error summary."""

from pathlib import Path

import pytest
from django.core.management import call_command

from kompass.core.tests.crawl import crawl
from kompass.core.tests.test_public_forms import DEEP_LINKS
from kompass.directory.models import Entry, EntryService
from kompass.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core-4.10.3.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


@pytest.fixture
def public_data(db):
    from kompass.journeys.data import seed_awareness_pages

    # Transactional tests empty the tables the data migrations filled; reload them (idempotent).
    seed_awareness_pages()
    call_command("load_screening_content")
    org = Organisation.objects.create(name="Fictional Support Centre", country="MD", city="Chișinău")
    entry = Entry.objects.create(organisation=org, name="Chișinău — gara feroviară", kind="support_point",
                                 country="MD", city="Chișinău", lat=47.0136, lon=28.8453, address="Piața Gării 1",
                                 status=Entry.Status.PUBLISHED, phone="+373 22 000 000")  # fmt: skip
    EntryService.objects.create(entry=entry, service="information")


@pytest.fixture
def phone(browser, live_server):
    # axe is put into the page by the test driver, past the site's Content-Security-Policy.
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, bypass_csp=True,
        base_url=live_server.url,
    )  # fmt: skip
    yield context.new_page()
    context.close()


def serious_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation_on_any_public_page(client, phone, public_data, language):
    pages = crawl(client, language, DEEP_LINKS, limit=60)
    assert len(pages) >= 15, sorted(pages)
    problems = {}
    for url in sorted(u for u in pages if u != "login"):
        phone.goto(url)
        if found := serious_violations(phone):
            problems[url] = found
    # A page answering a form with mistakes: the error summary and the invalid fields.
    prefix = "" if language == "en" else f"/{language}"
    phone.goto(f"{prefix}/recruitment/")
    phone.locator(".check-form button[type=submit]").click()
    phone.wait_for_selector("#error-summary")
    if found := serious_violations(phone):
        problems["checker with an error"] = found
    assert not problems, problems
