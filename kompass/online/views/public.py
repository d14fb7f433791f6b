"""Public pages for young people and parents, the platform guides and the report form (no account)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from kompass.directory.models import Hotline
from kompass.lib.qr import qr_data_uri
from kompass.online import content
from kompass.online.forms import COUNTRY_CHOICES, DEFAULT_COUNTRY, OnlineReportForm
from kompass.online.models import HelpService
from kompass.online.uploads import FILES_REFUSED, is_multipart, refuse_files
from kompass.screening import services as screening_services
from kompass.screening.models import Report

# Numbers shown to young people: emergency and children's lines.
HELP_PURPOSES = ("emergency", "child")


def _country(request: HttpRequest) -> str:
    """The country whose help is shown: ?country= when it is one we cover, else the language's."""
    chosen = (request.GET.get("country") or "").upper()
    if chosen in dict(COUNTRY_CHOICES):
        return chosen
    return DEFAULT_COUNTRY.get(translation.get_language(), "RO")


def _help(country: str) -> dict:
    """Whom to contact in a country: numbers (the directory's) and services; every one a sourced fact."""
    return {
        "country": country,
        "countries": COUNTRY_CHOICES,
        "country_name": dict(COUNTRY_CHOICES)[country],
        "hotlines": list(Hotline.objects.for_country(country).filter(purpose__in=HELP_PURPOSES)),
        "services": list(HelpService.objects.for_country(country)),
        "takedown": list(HelpService.objects.takedown()),
    }


def start(request: HttpRequest) -> HttpResponse:
    """ "Something is wrong online": the topics, whom to call, how to report."""
    return render(
        request,
        "online/start.html",
        {"topics": content.topics(), "guides": content.platform_guides(), **_help(_country(request))},
    )


def topic(request: HttpRequest, slug: str) -> HttpResponse:
    page = content.topic(slug)
    if page is None:
        raise Http404
    return render(
        request,
        "online/topic.html",
        {
            "page": page,
            "topics": content.topics(),
            "guides": content.platform_guides(),
            **_help(_country(request)),
        },
    )


def parents(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "online/parents.html",
        {"page": content.parents_page(), "guides": content.platform_guides(), **_help(_country(request))},
    )


def handout(request: HttpRequest) -> HttpResponse:
    """The parents' one-page handout in the page's language, with a QR code to these pages."""
    from weasyprint import HTML

    url = request.build_absolute_uri(reverse("online:start"))
    context = {
        "page": content.parents_page(),
        "qr": qr_data_uri(url, scale=4, border=1),
        "url": url,
        **_help(_country(request)),
    }
    html = render_to_string("online/handout_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    language = translation.get_language()
    response["Content-Disposition"] = f'inline; filename="kompass-parents-{language}.pdf"'
    return response


def platforms(request: HttpRequest) -> HttpResponse:
    return render(request, "online/platforms.html", {"guides": content.platform_guides()})


def platform(request: HttpRequest, code: str) -> HttpResponse:
    guide = content.platform_guide(code)
    if guide is None:
        raise Http404
    return render(request, "online/platform.html", {"guide": guide, "guides": content.platform_guides()})


@refuse_files
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """Report online exploitation: text only, into the national coordinator's triage like every report."""
    if request.method == "POST" and is_multipart(request):
        return HttpResponseBadRequest(str(FILES_REFUSED), content_type="text/plain; charset=utf-8")
    initial = {"country": _country(request), "platform": request.GET.get("platform", "")}
    concern = content.topic(request.GET.get("topic", ""))
    if concern is not None:
        initial["concern"] = concern.concern
    form = OnlineReportForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        sent = screening_services.send_report(**form.report_fields())
        return redirect("online:report_sent", code=sent.code)
    return render(request, "online/report.html", {"form": form})


def report_sent(request: HttpRequest, code) -> HttpResponse:
    sent = get_object_or_404(
        Report.objects.only("code", "reference", "country", "sector"), code=code, sector="online"
    )
    return render(request, "online/report_sent.html", {"report": sent, **_help(sent.country)})
