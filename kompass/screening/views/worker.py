"""Worker mode (issue #18): the professional hands the phone over; the worker answers in their language.

Pages, in order: setup (professional, their UI language) → intro and one question per page (worker's
language only) → "give the phone back" (shows no answer) → result (professional) → report (the usual
report to the national coordinator). Nothing is stored before the report: setup and answers travel
in one signed form field. Without JavaScript every step is a plain form; with it
(static/js/screening-worker.js) the questions run inside the page so that the visit also works
without signal, and each question is read aloud after a tap.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from kompass.screening import rules, services, worker
from kompass.screening.forms import DEFAULT_COUNTRY, WORKER_LANGUAGE_NAMES, ReportForm, WorkerSetupForm
from kompass.screening.models import (
    Element,
    Indicator,
    Protocol,
    ProtocolRevision,
    Screening,
    WorkerRecording,
)


def _revision(sector: str, code: str | None = None, country: str = "") -> ProtocolRevision:
    """The revision the visit started with (kept in the state), else the published one."""
    if code:
        try:
            return ProtocolRevision.objects.select_related("protocol").get(
                code=code, protocol__sector=sector, status__in=["published", "retired"]
            )
        except (ProtocolRevision.DoesNotExist, ValidationError, ValueError):
            pass
    protocol = Protocol.objects.for_country(country).with_published().filter(sector=sector).first()
    if protocol is None or protocol.published is None:
        raise Http404
    return protocol.published


class Visit:
    """The state of one worker screening, read from the signed form field."""

    def __init__(self, state: dict):
        self.state = state
        langs = worker.languages()
        if state.get("language") not in langs or state.get("setting") not in worker.mapping().settings:
            raise signing.BadSignature("unknown language or setting")
        self.language = langs[state["language"]]
        self.setting = state["setting"]
        self.sector = worker.mapping().settings[self.setting]
        self.age_answer = state.get("subject", "adult")
        if self.age_answer not in rules.AGE_ANSWERS:
            raise signing.BadSignature("unknown subject")
        # "Not sure" presumes a child (the professional's screening does the same).
        self.subject = rules.subject_for_age(self.age_answer)
        self.revision = _revision(self.sector, state.get("revision"), state.get("country", ""))
        self.questions = worker.worker_questions(self.revision.questions_for(self.subject), self.setting)
        keys = {q["key"] for q in self.questions}
        self.answers: dict[str, bool | None] = {
            k: v for k, v in (state.get("answers") or {}).items() if k in keys
        }
        self.order: list[str] = [k for k in (state.get("order") or []) if k in self.answers]

    @classmethod
    def from_request(cls, request: HttpRequest) -> "Visit":
        return cls(worker.loads_state(request.POST.get("state") or request.GET.get("s") or ""))

    def dumps(self) -> str:
        return worker.dumps_state({**self.state, "answers": self.answers, "order": self.order})

    @property
    def position(self) -> int:
        return len(self.order)

    @property
    def current(self) -> dict | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    def answer(self, value: str) -> None:
        question = self.current
        if question is None or value not in worker.ANSWER_VALUES:
            raise ValueError(value)
        self.answers[question["key"]] = worker.ANSWER_VALUES[value]
        self.order.append(question["key"])

    def back(self) -> None:
        if self.order:
            self.answers.pop(self.order.pop(), None)

    def take_all(self, data) -> None:
        """The answers the page script collected (a_<key> = yes | no | decline), in question order."""
        self.answers, self.order = {}, []
        for question in self.questions:
            value = data.get(f"a_{question['key']}")
            if value not in worker.ANSWER_VALUES:
                break
            self.answer(value)

    def screening(self, *, stored: bool = False, country: str = "") -> Screening:
        build = services.run_screening if stored else services.build_screening
        return build(
            revision=self.revision,
            subject=self.subject,
            age_uncertain=self.age_answer == rules.AGE_UNCERTAIN,
            answers=self.answers,
            mode=Screening.Mode.WORKER,
            country=country or self.state.get("country", ""),
            language=self.language.code,
        )


def _audio_url(language: worker.WorkerLanguage, clip: str, recordings: dict[str, WorkerRecording]) -> str:
    """An organisation's recorded voice when there is one, else the synthetic clip (or nothing)."""
    if clip in recordings:
        return recordings[clip].get_absolute_url()
    if not language.voice:
        return ""
    return static(worker.audio_path(language, clip))


def worker_context(visit: Visit) -> dict:
    language = visit.language
    recordings = WorkerRecording.objects.current_for(language.code)
    texts = language.texts
    audio = {clip: _audio_url(language, clip, recordings) for clip in language.clips()}
    total = len(visit.questions)
    steps = [
        {
            "key": q["key"],
            "text": language.questions[q["concept"]],
            "audio": audio[f"q_{q['concept']}"],
            "progress": texts["progress"].replace("{n}", str(n)).replace("{total}", str(total)),
        }
        for n, q in enumerate(visit.questions, start=1)
    ]
    fonts = [
        (worker.FONT_FAMILIES[font], static(worker.font_path(language, font))) for font in language.fonts
    ]
    current = visit.current
    number = visit.position + 1
    return {
        "visit": visit,
        "lang": language,
        "texts": texts,
        "audio": audio,
        "steps": steps,
        "fonts": fonts,
        "fonts_css": worker.css_path(language),
        "answer_buttons": [
            (value, texts[f"answer_{value}"], audio[f"answer_{value}"]) for value in worker.ANSWER_VALUES
        ],
        "total": total,
        "number": number,
        "question": steps[visit.position] if current else None,
        "progress_text": texts["progress"].replace("{n}", str(number)).replace("{total}", str(total)),
        "progress_percent": round(100 * visit.position / total) if total else 100,
        "state": visit.dumps(),
        "precache": sorted(
            {url for url in audio.values() if url}
            | {url for _family, url in fonts}
            | {
                static(worker.css_path(language)),
                static("css/screening-worker.css"),
                static("js/screening-worker.js"),
            }
        ),
        "sw_url": reverse("screening:worker_sw"),
        "sw_scope": reverse("screening:worker_setup"),
    }


@require_GET
def setup(request: HttpRequest) -> HttpResponse:
    """The professional chooses the workplace, the worker's language, adult or child, and the country."""
    language = translation.get_language()
    initial = {
        "country": DEFAULT_COUNTRY.get(language, "RO"),
        "subject": "adult",
        "setting": "labour_inspection",
    }
    form = WorkerSetupForm(request.GET if "language" in request.GET else None, initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        sector = worker.mapping().settings[data["setting"]]
        revision = _revision(sector, country=data["country"])
        state = {
            "setting": data["setting"],
            "language": data["language"],
            "subject": data["subject"],
            "country": data["country"],
            "revision": str(revision.code),
            "answers": {},
            "order": [],
        }
        return redirect(f"{reverse('screening:worker_intro')}?s={worker.dumps_state(state)}")
    langs = list(worker.languages().values())
    rows = [
        (radio, lang, str(WORKER_LANGUAGE_NAMES.get(lang.code, lang.english_name)))
        for radio, lang in zip(form["language"], langs, strict=True)
    ]
    return render(request, "screening/worker/setup.html", {"form": form, "language_rows": rows})


@require_GET
def intro(request: HttpRequest) -> HttpResponse:
    """The first screen the worker sees: what this is, in their language, with its audio."""
    try:
        visit = Visit.from_request(request)
    except signing.BadSignature:
        return redirect("screening:worker_setup")
    visit.answers, visit.order = {}, []
    return render(request, "screening/worker/intro.html", worker_context(visit))


# step and result change nothing and read no session: a forged request only renders a page to its
# sender. They need no CSRF cookie, so a phone that blocks cookies still works; the report does.
@csrf_exempt
@require_POST
def step(request: HttpRequest) -> HttpResponse:
    """One answer (or "back"); then the next question, or the screen that asks to give the phone back."""
    try:
        visit = Visit.from_request(request)
    except signing.BadSignature:
        return redirect("screening:worker_setup")
    if "back" in request.POST:
        visit.back()
    elif "all" in request.POST:
        visit.take_all(request.POST)
    elif request.POST.get("answer"):
        try:
            visit.answer(request.POST["answer"])
        except ValueError:
            return HttpResponseBadRequest("Unknown answer.")
    context = worker_context(visit)
    if visit.current is None:
        return render(request, "screening/worker/handback.html", context)
    return render(request, "screening/worker/question.html", context)


def _result_context(visit: Visit, screening: Screening, report_form: ReportForm | None = None) -> dict:
    assessment = screening.assessment()
    labels = {i.code: i.label for i in Indicator.objects.filter(code__in=assessment.observed)}
    element_names = dict(Element.choices)
    from kompass.directory.models import Hotline

    language = visit.language
    return {
        "visit": visit,
        "lang": language,
        "screening": screening,
        "assessment": assessment,
        "elements": [
            {
                "code": code,
                "name": element_names[code],
                "result": assessment.elements[code],
                "indicators": [labels.get(c, c) for c in assessment.elements[code].observed],
            }
            for code in rules.ELEMENTS
        ],
        "urgent_labels": [labels.get(c, c) for c in assessment.urgent_codes],
        "answered": [
            {
                "question": language.questions[q["concept"]],
                "answer": visit.answers.get(q["key"]),
                "given": q["key"] in visit.order,
            }
            for q in visit.questions
        ],
        "hotlines": list(Hotline.objects.for_country(screening.country or "EU")),
        "next_steps": visit.revision.text("next_steps"),
        "report_form": report_form
        or ReportForm(initial={"country": screening.country or "RO", "region": screening.region}),
        "state": visit.dumps(),
        "setting_label": dict(WorkerSetupForm.SETTING_CHOICES)[visit.setting],
        "language_label": WorkerSetupForm.language_label(language),
    }


@csrf_exempt
@require_POST
def result(request: HttpRequest) -> HttpResponse:
    """The professional's page: verdict, elements and urgent flags in their language. Nothing stored."""
    try:
        visit = Visit.from_request(request)
    except signing.BadSignature:
        return redirect("screening:worker_setup")
    if "all" in request.POST:
        visit.take_all(request.POST)
    return render(request, "screening/worker/result.html", _result_context(visit, visit.screening()))


@require_POST
def report(request: HttpRequest) -> HttpResponse:
    """Send the worker's screening to the national coordinator: only now is anything stored."""
    try:
        visit = Visit.from_request(request)
    except signing.BadSignature:
        return redirect("screening:worker_setup")
    form = ReportForm(request.POST)
    if form.is_valid():
        fields = form.report_fields()
        screening = visit.screening(stored=True, country=fields["country"])
        sent = services.send_report(
            screening=screening, sector=screening.sector, reported_by=request.user, **fields
        )
        return redirect("screening:report_sent", code=sent.code)
    context = _result_context(visit, visit.screening(), report_form=form)
    return render(request, "screening/worker/result.html", context, status=400)


@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker mode's service worker, served under its pages so that its scope covers them."""
    from django.contrib.staticfiles import finders

    path = finders.find("js/screening-worker-sw.js")
    if not path:
        raise Http404
    with open(path, encoding="utf-8") as handle:
        response = HttpResponse(handle.read(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("screening:worker_setup")
    return response


def recording(request: HttpRequest, code) -> HttpResponse:
    """An organisation's recorded voice for one clip (public: the worker's phone plays it)."""
    from django.http import FileResponse

    try:
        item = WorkerRecording.objects.get(code=code, is_active=True)
    except (WorkerRecording.DoesNotExist, ValidationError, ValueError):
        raise Http404
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
