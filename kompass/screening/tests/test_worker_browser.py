"""Issue #18 acceptance, in a real browser on a phone: an inspector whose phone speaks Romanian screens
a worker in Nepali and in Sinhala. The worker's screens show only that language and script, every
audio clip plays, the questions keep working without signal, and a presumed victim leads to a report.
Screenshots of every script land in var/screenshots/ (worker-<language>-*.png)."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from kompass.screening import worker
from kompass.screening.models import Report

# Characters of each script (and the Latin letters that must not show on the worker's screens).
SCRIPTS = {
    "ne": re.compile(r"[\u0900-\u097F]"),
    "hi": re.compile(r"[\u0900-\u097F]"),
    "si": re.compile(r"[\u0D80-\u0DFF]"),
    "ta": re.compile(r"[\u0B80-\u0BFF]"),
    "bn": re.compile(r"[\u0980-\u09FF]"),
    "ur": re.compile(r"[\u0600-\u06FF]"),
}
AXE = Path(__file__).resolve().parents[2] / "journeys" / "tests" / "vendor" / "axe-4.11.0.min.js"
LATIN_WORD = re.compile(r"[A-Za-zĂÂÎȘȚăâîșț]{3,}")


@pytest.fixture
def screening_content(db, worker_assets):
    call_command("load_screening_content")


def visible_text(page) -> str:
    return page.evaluate("() => document.body.innerText")


def open_worker_screens(page, language: str, *, ui: str = "ro"):
    page.goto(f"/{ui}/screening/worker/")
    page.locator("input[name=setting][value=construction]").check()
    page.locator(f"input[name=language][value={language}]").check()
    page.locator("input[name=subject][value=adult]").check()
    page.locator("#worker-setup-form button[type=submit]").click()
    page.wait_for_selector('[data-step="intro"]')


def assert_only_worker_language(page, language: str):
    text = visible_text(page)
    assert not LATIN_WORD.search(text), (language, LATIN_WORD.findall(text)[:5])
    if language in SCRIPTS:
        assert SCRIPTS[language].search(text), text[:200]


def serious_violations(page) -> list:
    # Evaluated through the devtools protocol: a <script> tag would be refused by the CSP.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_every_clip_plays(page) -> int:
    urls = page.evaluate(
        """() => Array.from(new Set([
            ...Array.from(document.querySelectorAll('audio.clip')).map(a => a.getAttribute('src')),
            ...Array.from(document.querySelectorAll('[data-audio]')).map(b => b.dataset.audio),
        ].filter(Boolean)))"""
    )
    for url in urls:
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.headers["content-type"] in ("audio/mpeg", "audio/mp3"), url
        duration = page.evaluate(
            """(url) => new Promise((resolve, reject) => {
                const audio = new Audio();
                audio.preload = 'auto';
                audio.onloadedmetadata = () => resolve(audio.duration);
                audio.onerror = () => reject(new Error('cannot decode ' + url));
                audio.src = url;
            })""",
            url,
        )
        assert duration > 0.2, (url, duration)
    return len(urls)


def answer_all_yes(page, language: str, screenshot, *, shots: int = 3) -> int:
    page.locator("[data-start]").click()
    count = 0
    while page.locator("section.question:not([hidden])").count():
        section = page.locator("section.question:not([hidden])")
        assert section.locator("h1").is_visible()
        assert_only_worker_language(page, language)
        if count < shots:
            screenshot(page, f"worker-{language}-question-{count + 1}")
        if count == 0:
            # The tap that opened the question also starts reading it, then its answers one by one.
            section.locator(".listen-button.playing").wait_for(timeout=5000)
            section.locator(".answer.speaking").first.wait_for(timeout=20000)
            assert serious_violations(page) == []
            # Touch targets of at least 44 × 44 CSS pixels (WCAG 2.5.5), the answers much larger.
            for box in [b.bounding_box() for b in section.locator("button:visible").all()]:
                assert box["height"] >= 44 and box["width"] >= 44, box
        section.locator("[data-answer=yes]").click()
        count += 1
    return count


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ne", "si"])
def test_inspector_screens_a_worker_and_reports(
    phone_page, live_server, screening_content, screenshot, language
):
    page = phone_page
    open_worker_screens(page, language)
    assert page.locator("html").get_attribute("lang") == language
    assert_only_worker_language(page, language)
    screenshot(page, f"worker-{language}-intro")
    assert serious_violations(page) == []
    clips = check_every_clip_plays(page)
    assert clips == len(worker.languages()[language].clips()) - 1 - 2 or clips >= 15, clips

    # The page keeps its audio, fonts and itself for the visit (the service worker serves them).
    page.wait_for_function(
        """async () => {
            const cache = await caches.open('kompass-worker-v1');
            const urls = JSON.parse(document.getElementById('worker-precache').textContent);
            const hits = await Promise.all(urls.map(u => cache.match(u)));
            return hits.every(Boolean) && navigator.serviceWorker.controller !== undefined;
        }""",
        timeout=30000,
    )
    # No signal on the building site: the questions still run, read aloud after each tap.
    page.context.set_offline(True)
    answered = answer_all_yes(page, language, screenshot)
    assert answered >= 10
    handback = page.locator('[data-step="handback"]')
    assert handback.is_visible()
    assert_only_worker_language(page, language)
    text = visible_text(page)
    for step in page.locator("section.question h1").all_inner_texts():
        assert step not in text, "the hand-back screen shows nothing of the questions or answers"
    screenshot(page, f"worker-{language}-handback")
    assert serious_violations(page) == []
    page.locator(".to-professional").click()
    page.locator(".offline-note").wait_for(state="visible", timeout=10000)
    assert Report.objects.count() == 0

    # Signal again: the inspector sees the result in Romanian and sends the report.
    page.context.set_offline(False)
    page.locator(".to-professional").click()
    page.wait_for_selector("#result-title")
    assert page.locator("html").get_attribute("lang") == "ro"
    assert page.locator("#result-title").inner_text() == "Victimă prezumată"
    assert page.locator(".urgent-banner").count() == 0 or page.locator(".urgent-banner").is_visible()
    assert "verificată de un vorbitor nativ" in visible_text(page)
    screenshot(page, f"worker-{language}-result-ro")
    assert serious_violations(page) == []
    page.locator("#id_region").fill("Ilfov")
    page.locator("#id_observations").fill("Muncitori cazați pe șantier.")
    page.locator("#report-form button[type=submit]").click()
    page.wait_for_selector("#reference")
    report = Report.objects.get()
    assert report.screening.verdict == "presumed_victim" and report.screening.language == language
    assert page.locator("#reference").inner_text() == report.reference


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ta", "bn", "hi", "ur", "vi", "uk", "ru", "ro", "sr", "en"])
def test_worker_screens_of_every_script(phone_page, live_server, screening_content, screenshot, language):
    """Screenshots to look at for clipped or missing glyphs, and no fallback to the phone's fonts."""
    page = phone_page
    open_worker_screens(page, language, ui="en")
    page.evaluate("() => document.fonts.ready")
    lang = worker.languages()[language]
    assert page.locator("html").get_attribute("dir") == lang.direction
    screenshot(page, f"worker-{language}-intro")
    page.locator("[data-start]").click()
    section = page.locator("section.question:not([hidden])")
    section.locator("h1").wait_for()
    families = page.evaluate(
        "() => Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))"
    )
    assert worker.FONT_FAMILIES[lang.fonts[0]] in families, families
    screenshot(page, f"worker-{language}-question-1")
