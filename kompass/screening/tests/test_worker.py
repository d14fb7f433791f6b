"""Worker mode without JavaScript (issue #18): setup, one question per page, hand-back, result, report.

The worker's audio and fonts come from `build_worker_assets` (make build); the session fixture runs it
(it only makes what is missing), so these tests also check the command.
"""

import random
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from kompass.screening import worker
from kompass.screening.models import Protocol, Report, Screening

pytestmark = pytest.mark.django_db

LANGUAGES = ("ne", "si", "ta", "bn", "hi", "ur", "vi", "uk", "ru", "ro", "sr", "en")
SETTINGS = (
    "labour_inspection",
    "agriculture",
    "construction",
    "domestic_work",
    "hospitality_tourism",
    "general_public",
)


@pytest.fixture(autouse=True)
def _assets(worker_assets):
    pass


def published(sector):
    return Protocol.objects.get(sector=sector).published


def start(client, *, language="ne", setting="labour_inspection", subject="adult", ui="ro"):
    response = client.get(
        prefix(ui) + "/screening/worker/",
        {"setting": setting, "language": language, "subject": subject, "country": "RO"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    intro = client.get(response["Location"])
    assert intro.status_code == 200
    return intro, parse_qs(urlparse(response["Location"]).query)["s"][0]


def prefix(ui: str) -> str:
    return "" if ui == "en" else f"/{ui}"


def state_of(response) -> str:
    return re.search(r'name="state" value="([^"]+)"', response.content.decode()).group(1)


def test_languages_and_settings_are_the_issue_s():
    assert set(LANGUAGES) <= set(worker.languages())
    assert set(worker.mapping().settings) == set(SETTINGS)
    assert worker.languages()["ur"].direction == "rtl"


def test_every_language_is_honest_about_its_translation():
    for language in worker.languages().values():
        assert language.translation["by"].strip()
        if language.code != "en":
            assert language.machine_translated and not language.reviewed, language.code


@pytest.mark.parametrize("setting", SETTINGS)
def test_every_worker_question_has_text_and_audio_in_every_language(setting):
    sector = worker.mapping().settings[setting]
    revision = published(sector)
    for subject in ("adult", "child"):
        questions = worker.worker_questions(revision.questions_for(subject), setting)
        assert len(questions) >= 8, (setting, subject)
        for language in worker.languages().values():
            assert language.voice, language.code
            for clip in [f"q_{q['concept']}" for q in questions] + list(worker.SPOKEN_TEXTS):
                text = language.clips()[clip]
                assert text.strip(), (language.code, clip)
                path = finders.find(worker.audio_path(language, clip))
                assert path, (language.code, clip, "run make build")
                data = Path(path).read_bytes()
                assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0), (
                    language.code,
                    clip,
                )
                assert len(data) > 1000, (language.code, clip)  # "Да" is 0.4 s: about 1.7 kB


def test_every_mapped_protocol_question_exists_in_the_published_protocol():
    for sector, keys in worker.mapping().questions.items():
        revision = published(sector)
        protocol_keys = {q["key"] for q in revision.content["questions"]}
        assert set(keys) <= protocol_keys, sector


def test_setup_page_shows_translation_status_in_the_professional_s_language(client):
    response = client.get("/ro/screening/worker/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="ne"' in html and "नेपाली" in html and "Nepaleză" in html
    assert "nu a fost încă verificată de un vorbitor nativ" in html


def test_bad_setup_shows_errors_not_a_crash(client):
    response = client.get("/screening/worker/", {"setting": "mars", "language": "xx", "subject": "adult"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_worker_screens_show_only_the_worker_s_language(client):
    intro, state = start(client, language="si", ui="ro")
    html = intro.content.decode()
    assert '<html lang="si" dir="ltr"' in html
    language = worker.languages()["si"]
    assert language.texts["welcome"] in html
    # No Kompass chrome, no Romanian text: the worker sees only their own language.
    # Only what the professional reads after the hand-back is in their language, and marked so.
    other = re.findall(r'<(\w+)[^>]* lang="(?!si")[^"]*"[^>]*>', html)
    assert other == ["button", "p"], other
    html = re.sub(r'<p class="offline-note"[^>]*>.*?</p>', "", html, flags=re.S)
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", " ", html, flags=re.S)
    assert not re.search(r"[A-Za-zăîâșțĂÎÂȘȚ]{4,}", visible), re.findall(r"[A-Za-z]{4,}", visible)[:10]


def test_urdu_pages_are_right_to_left(client):
    intro, _ = start(client, language="ur")
    assert '<html lang="ur" dir="rtl"' in intro.content.decode()


def test_one_question_per_page_back_and_hand_back_without_answers(client):
    intro, _ = start(client, language="en", ui="en")
    revision = published("labour_inspection")
    questions = worker.worker_questions(revision.questions_for("adult"), "labour_inspection")
    texts = worker.languages()["en"]
    page = client.post(reverse("screening:worker_step"), {"state": state_of(intro)})
    assert texts.questions[questions[0]["concept"]] in page.content.decode()
    assert "Question 1 of 12" in page.content.decode()
    page = client.post(reverse("screening:worker_step"), {"state": state_of(page), "answer": "yes"})
    assert texts.questions[questions[1]["concept"]] in page.content.decode()
    page = client.post(reverse("screening:worker_step"), {"state": state_of(page), "back": "1"})
    assert texts.questions[questions[0]["concept"]] in page.content.decode()
    for _question in questions:
        page = client.post(reverse("screening:worker_step"), {"state": state_of(page), "answer": "no"})
    html = page.content.decode()
    assert texts.texts["thanks"] in html
    for question in questions:
        assert texts.questions[question["concept"]] not in html
    assert "answer-yes" not in html and "verdict" not in html
    assert Screening.objects.count() == 0 and Report.objects.count() == 0


def test_unknown_answer_is_a_400_and_a_forged_state_starts_again(client):
    intro, _ = start(client)
    response = client.post(reverse("screening:worker_step"), {"state": state_of(intro), "answer": "maybe"})
    assert response.status_code == 400
    forged = state_of(intro)[:-3] + "abc"
    response = client.post(reverse("screening:worker_step"), {"state": forged, "answer": "yes"})
    assert response.status_code == 302 and response["Location"].endswith("/screening/worker/")


def answer_through_pages(client, state: str, answers: list[str]):
    page = client.post(reverse("screening:worker_step"), {"state": state})
    for value in answers:
        page = client.post(reverse("screening:worker_step"), {"state": state_of(page), "answer": value})
    return client.post("/ro/screening/worker/result/", {"state": state_of(page)})


def test_result_in_romanian_then_report_stores_only_now(client):
    intro, _ = start(client, language="ne", ui="ro")
    n = len(
        worker.worker_questions(published("labour_inspection").questions_for("adult"), "labour_inspection")
    )
    result = answer_through_pages(client, state_of(intro), ["yes"] * n)
    html = result.content.decode()
    assert result.status_code == 200
    assert "Victimă prezumată" in html
    assert "Sunați acum la 112" in html or "112" in html
    assert Screening.objects.count() == 0, "nothing is stored before the report"
    response = client.post(
        "/ro/screening/worker/report/",
        {"state": state_of(result), "country": "RO", "region": "Ialomița", "observations": "Șantier."},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.screening.mode == Screening.Mode.WORKER
    assert report.screening.verdict == "presumed_victim"
    assert report.screening.language == "ne"
    assert report.sector == "labour_inspection"
    assert response["Location"] == reverse("screening:report_sent", kwargs={"code": report.code})


def test_report_with_errors_keeps_the_state(client):
    intro, _ = start(client, language="en", ui="en")
    result = answer_through_pages(client, state_of(intro), ["yes"] * 3)
    response = client.post(
        "/screening/worker/report/", {"state": state_of(result), "country": "XX", "website": ""}
    )
    assert response.status_code == 400
    assert state_of(response) and Report.objects.count() == 0


def professional_verdict(client, revision, subject, answers: dict[str, str]) -> tuple[str, bool]:
    """The professional's own screening with the same answers (questions not asked: don't know)."""
    data = {"sector": revision.sector, "subject": subject, "country": "RO", "revision": str(revision.code)}
    for question in revision.questions_for(subject):
        data[f"q_{question['key']}"] = {"yes": "yes", "no": "no"}.get(answers.get(question["key"]), "unknown")
    response = client.post(reverse("screening:start"), data)
    assert response.status_code == 302
    screening = Screening.objects.order_by("-created_at").first()
    return screening.verdict, screening.urgent


@pytest.mark.parametrize("setting", SETTINGS)
def test_same_answers_give_the_same_verdict_as_the_professional_screening(client, setting):
    rng = random.Random(f"worker-{setting}")
    sector = worker.mapping().settings[setting]
    revision = published(sector)
    seen = set()
    for subject in ("adult", "child"):
        questions = worker.worker_questions(revision.questions_for(subject), setting)
        for run in range(12):
            weights = [0.15, 0.5, 0.85][run % 3]
            answers = {
                q["key"]: rng.choices(["yes", "no", "decline"], [weights, 1 - weights, 0.2])[0]
                for q in questions
            }
            intro, _ = start(client, language="vi", setting=setting, subject=subject, ui="en")
            data = {"state": state_of(intro), "all": "1"}
            data.update({f"a_{key}": value for key, value in answers.items()})
            result = client.post("/screening/worker/result/", data)
            worker_screening = result.context["screening"]
            verdict, urgent = professional_verdict(client, revision, subject, answers)
            assert (worker_screening.verdict, worker_screening.urgent) == (verdict, urgent), answers
            seen.add(verdict)
    assert {"presumed_victim", "no_indicators"} <= seen or len(seen) >= 3, seen


def test_a_language_s_visit_downloads_at_most_2_mb(client):
    sizes = {}
    for code in worker.languages():
        intro, _ = start(client, language=code, setting="labour_inspection", ui="en")
        urls = intro.context["precache"]
        total = len(intro.content)
        for url in urls:
            path = finders.find(url.removeprefix("/static/"))
            assert path, url
            total += Path(path).stat().st_size
        sizes[code] = total
    assert max(sizes.values()) <= 2_000_000, sizes
    assert min(sizes.values()) > 100_000, "audio and fonts are part of the visit"


def test_every_script_s_characters_are_in_the_served_fonts():
    from fontTools.ttLib import TTFont

    invisible = {" ", "\u200c", "\u200d", "\n"}
    for language in worker.languages().values():
        covered: set[int] = set()
        for font in language.fonts:
            path = finders.find(worker.font_path(language, font))
            assert path, (language.code, font)
            covered |= set(TTFont(path).getBestCmap())
        missing = sorted({c for c in language.all_text() if c not in invisible and ord(c) not in covered})
        assert not missing, (language.code, missing)


def test_service_worker_is_served_under_the_worker_pages(client):
    response = client.get("/ne/screening/worker/sw.js".replace("/ne/", "/ro/"))
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/ro/screening/worker/"


def test_not_sure_of_the_age_applies_the_child_rule_as_the_professional_screening_does(client):
    intro, _ = start(client, language="ur", subject="age_uncertain", ui="en")
    revision = published("labour_inspection")
    questions = worker.worker_questions(revision.questions_for("child"), "labour_inspection")
    assert [s["key"] for s in intro.context["steps"]] == [q["key"] for q in questions]
    data = {"state": state_of(intro), "all": "1"} | {f"a_{q['key']}": "yes" for q in questions}
    result = client.post("/screening/worker/result/", data)
    screening = result.context["screening"]
    assert (screening.subject, screening.age_uncertain) == ("child", True)
    response = client.post("/screening/worker/report/", {"state": state_of(result), "country": "RO"})
    assert response.status_code == 302
    assert Report.objects.get().screening.age_uncertain is True


def test_worker_reports_share_the_public_report_budget(client, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "reports": "1/m"}
    intro, _ = start(client, language="en", ui="en")
    result = answer_through_pages(client, state_of(intro), ["yes"] * 3)
    data = {"state": state_of(result), "country": "RO"}
    assert client.post("/screening/worker/report/", data).status_code == 302
    assert client.post("/screening/worker/report/", data).status_code == 429
    assert Report.objects.count() == 1
