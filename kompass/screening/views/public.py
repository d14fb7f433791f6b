"""The public screening flow: no login, plain forms, one fluid page with a small script."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from kompass.lib.i18n import translated
from kompass.screening import rules, services
from kompass.screening.forms import DEFAULT_COUNTRY, AnswersForm, ReportForm, StartForm
from kompass.screening.models import Element, Indicator, Protocol, ProtocolRevision, Report, Screening


def _wants_fragment(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _published(sector: str, country: str = "") -> ProtocolRevision:
    """The revision screenings in `country` use now: the country's own, else the base country's."""
    protocol = get_object_or_404(Protocol.objects.for_country(country).with_published(), sector=sector)
    if protocol.published is None:
        raise Http404
    return protocol.published


def _revision_for_post(request: HttpRequest, sector: str, country: str = "") -> ProtocolRevision:
    """The revision whose questions were shown, so a publication in between does not mix versions."""
    code = request.POST.get("revision", "")
    try:
        return ProtocolRevision.objects.select_related("protocol").get(
            code=code, protocol__sector=sector, status__in=["published", "retired"]
        )
    except (ProtocolRevision.DoesNotExist, ValueError, ValidationError):
        return _published(sector, country)


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, *, mode: str = Screening.Mode.FULL) -> HttpResponse:
    """Choose sector and subject, answer, get the verdict. GET shows the questions, POST assesses them."""
    language = translation.get_language()
    emergency = mode == Screening.Mode.EMERGENCY
    data = request.POST if request.method == "POST" else request.GET
    initial = {"country": DEFAULT_COUNTRY.get(language, "RO"), "subject": "adult"}
    if emergency:
        data = data.copy()
        data["sector"] = "emergency_line"
        data.setdefault("subject", "adult")
        data.setdefault("country", initial["country"])
    start_form = StartForm(data if ("sector" in data) else None, initial=initial)
    revision = answers_form = None
    if start_form.is_bound and start_form.is_valid():
        sector, age_answer = start_form.cleaned_data["sector"], start_form.cleaned_data["subject"]
        subject = rules.subject_for_age(age_answer)
        country = start_form.cleaned_data["country"]
        revision = (
            _revision_for_post(request, sector, country)
            if request.method == "POST"
            else _published(sector, country)
        )
        answers_form = AnswersForm(
            request.POST if request.method == "POST" else None,
            questions=revision.questions_for(subject),
            language=language,
        )
        if request.method == "POST" and answers_form.is_valid():
            screening = services.run_screening(
                revision=revision,
                subject=subject,
                age_uncertain=age_answer == rules.AGE_UNCERTAIN,
                answers=answers_form.answers(),
                mode=mode,
                country=start_form.cleaned_data["country"],
                language=language,
            )
            if _wants_fragment(request):
                response = render(request, "screening/_result.html", result_context(screening))
                response["X-Result-URL"] = screening.get_absolute_url()
                return response
            return redirect(screening)
    context = {
        "start_form": start_form,
        "answers_form": answers_form,
        "revision": revision,
        "emergency": emergency,
        "protocol_title": revision.text("title") if revision else "",
        "protocol_intro": revision.text("intro") if revision else "",
        "protocol_safety": revision.text("safety") if revision else "",
    }
    if _wants_fragment(request) and request.method == "GET":
        return render(request, "screening/_questions.html", context)
    template = "screening/emergency.html" if emergency else "screening/start.html"
    return render(request, template, context)


def emergency(request: HttpRequest) -> HttpResponse:
    return start(request, mode=Screening.Mode.EMERGENCY)


def result_context(screening: Screening, report_form: ReportForm | None = None) -> dict:
    """Everything the result page shows, always from the screening's own revision."""
    revision = screening.revision
    assessment = screening.assessment()
    shown = (*assessment.observed, *assessment.not_counted)
    labels = {i.code: i.label for i in Indicator.objects.filter(code__in=shown)}
    element_names = dict(Element.choices)
    drivers = [
        {
            "code": code,
            "name": element_names[code],
            "result": assessment.elements[code],
            "indicators": [labels.get(c, c) for c in assessment.elements[code].observed],
        }
        for code in rules.ELEMENTS
        if assessment.elements[code].observed
    ]
    questions = revision.questions_for(screening.subject)
    answered = [
        {"text": translated(q["text"]), "answer": screening.answers.get(q["key"]), "codes": q["codes"]}
        for q in questions
    ]
    from kompass.directory.models import Hotline

    hotlines = list(Hotline.objects.for_country(screening.country or "EU"))
    if report_form is None:
        report_form = ReportForm(initial={"country": screening.country or "RO", "region": screening.region})
    return {
        "screening": screening,
        "revision": revision,
        "assessment": assessment,
        "drivers": drivers,
        "urgent_labels": [labels.get(c, c) for c in assessment.urgent_codes],
        "not_counted": [labels.get(c, c) for c in assessment.not_counted],
        "answered": answered,
        "next_steps": revision.text("next_steps"),
        "hotlines": hotlines,
        "report_form": report_form,
    }


def result(request: HttpRequest, code) -> HttpResponse:
    screening = get_object_or_404(Screening.objects.select_related("revision__protocol"), code=code)
    return render(request, "screening/result.html", result_context(screening))


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, code) -> HttpResponse:
    """Send a screening to the national coordinator."""
    screening = get_object_or_404(Screening.objects.select_related("revision__protocol"), code=code)
    form = ReportForm(
        request.POST if request.method == "POST" else None, initial={"country": screening.country or "RO"}
    )
    if request.method == "POST" and form.is_valid():
        sent = services.send_report(
            screening=screening, sector=screening.sector, reported_by=request.user, **form.report_fields()
        )
        return redirect("screening:report_sent", code=sent.code)
    return render(request, "screening/result.html", result_context(screening, report_form=form))


def report_sent(request: HttpRequest, code) -> HttpResponse:
    sent = get_object_or_404(
        Report.objects.only("code", "reference", "country", "sector", "reported_by_id"), code=code
    )
    from kompass.directory.models import Hotline

    return render(
        request,
        "screening/report_sent.html",
        {"report": sent, "hotlines": list(Hotline.objects.for_country(sent.country))},
    )
