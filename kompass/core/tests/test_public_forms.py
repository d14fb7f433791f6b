"""Public forms do not fail silently (docs/decisions/0022): the GOV.UK error summary first, linked to
each field and focused, "Error:" before the page title, correct input types, and every
aria-describedby naming an element of the page, on every public page in every language."""

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kompass.core.tests.crawl import crawl
from kompass.screening.models import Protocol, Screening

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]
ERROR_PREFIX = {"en": "Error:", "ro": "Eroare:", "uk": "Помилка:", "ru": "Ошибка:", "sr-latn": "Greška:"}
DEEP_LINKS = [
    "/screening/?sector=health&subject=adult&country=MD",
    "/screening/emergency/",
    "/directory/?near=Chișinău&radius_km=50",
    "/directory/numbers/",
    "/journeys/?origin=Odesa&destination=Chișinău&corridor_km=25",
    "/journeys/follow/",
    "/journeys/awareness/",
    "/recruitment/",
    "/recruitment/report/",
    "/online/report/",
    "/training/schools-programme/",
    "/accounts/login/",
]


def at(language: str, path: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def form_post(client, url: str, data: dict):
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


def a_screening(client, language: str) -> Screening:
    revision = Protocol.objects.get(sector="health").published
    data = {"sector": "health", "subject": "adult", "country": "RO", "revision": str(revision.code)}
    data |= {f"q_{q['key']}": "yes" for q in revision.questions_for("adult")}
    form_post(client, at(language, "/screening/"), data)
    return Screening.objects.latest("created_at")


def invalid_posts(client, language: str) -> dict[str, object]:
    """The public forms, each sent with a mistake, as a visitor would."""
    screening = a_screening(client, language)
    report = at(language, f"/screening/result/{screening.code}/report/")
    return {
        "report with an invalid e-mail": form_post(
            client,
            report,
            {"country": "RO", "observations": "Seen twice.", "reporter_email": "not-an-address"},
        ),
        "empty job offer": form_post(client, at(language, "/recruitment/"), {"text": ""}),
        "ad report without link or text": form_post(
            client, at(language, "/recruitment/report/"), {"platform": "other"}
        ),
        "empty online report": form_post(
            client, at(language, "/online/report/"), {"platform": "", "observations": ""}
        ),
        "empty follow request": form_post(client, at(language, "/journeys/follow/"), {"nickname": ""}),
    }


def ids_of(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


def dangling_describedby(html: str) -> list[str]:
    ids = ids_of(html)
    return [
        target
        for value in re.findall(r'aria-describedby="([^"]*)"', html)
        for target in value.split()
        if target not in ids
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_form_with_a_mistake_leads_with_a_linked_error_summary(client, language):
    for name, response in invalid_posts(client, language).items():
        assert response.status_code == 200, name
        html = response.content.decode()
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1]).strip()
        assert title.startswith(ERROR_PREFIX[language]), (name, title)
        summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', html, re.S)
        assert summary, name
        assert "autofocus" in summary[0] and 'tabindex="-1"' in summary[0], name
        main = html.split('<main id="main"', 1)[1]
        assert main.find('class="error-summary"') < main.find("<h1"), f"{name}: the summary comes first"
        links = re.findall(r'<a href="#([^"]+)"', summary[1])
        assert links, name
        assert set(links) <= ids_of(html), f"{name}: every link of the summary leads to a field"
        assert not dangling_describedby(html), (name, dangling_describedby(html))
        assert html.count('class="error-summary"') == 1, name


def test_the_report_with_an_invalid_email_names_the_field_above_the_verdict(client):
    html = invalid_posts(client, "uk")["report with an invalid e-mail"].content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_reporter_email"' in summary
    assert "Електронна пошта" in summary or "e-mail" in summary.lower() or "пошт" in summary
    assert html.index('class="error-summary"') < html.index("<h1")
    field = re.search(r'<input type="email"[^>]*name="reporter_email"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_reporter_email_error"' in field


def test_a_valid_page_has_no_error_summary_and_no_prefix(client):
    html = client.get("/uk/recruitment/").content.decode()
    assert 'class="error-summary"' not in html
    assert "<title>Помилка:" not in html


def test_phone_and_email_fields_have_their_input_types(client):
    screening = a_screening(client, "en")
    html = client.get(f"/screening/result/{screening.code}/").content.decode()
    assert re.search(r'<input type="tel"[^>]*name="reporter_phone"', html)
    assert re.search(r'<input type="email"[^>]*name="reporter_email"', html)
    html = client.get("/online/report/").content.decode()
    assert re.search(r'<input type="tel"[^>]*name="reporter_phone"', html)
    assert re.search(r'<input type="email"[^>]*name="reporter_email"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_aria_describedby_on_the_public_pages_names_an_element_of_the_page(client, language):
    pages = crawl(client, language, DEEP_LINKS)
    assert len(pages) >= 15, sorted(pages)
    problems = {url: dangling_describedby(html) for url, html in pages.items() if dangling_describedby(html)}
    assert not problems


def test_quick_exit_is_in_the_header_not_floating_over_the_page(client):
    html = client.get("/ro/").content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert 'id="quick-exit"' in header
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/kompass.css")).read_text()
    rule = re.search(r"\.quick-exit \{([^}]*)\}", css)[1]
    assert "fixed" not in rule and "absolute" not in rule
