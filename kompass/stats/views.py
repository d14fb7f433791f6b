"""Staff pages: the annual NRM report (page, CSV, XLSX, PDF), the review queue, CTDC export."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.audit.services import record_event
from kompass.jobs.services import start_job
from kompass.organisations.permissions import staff_required
from kompass.stats import countries
from kompass.stats.ctdc import export_rows, write_csv
from kompass.stats.disclosure import DEFAULT_THRESHOLD, Method
from kompass.stats.exports import XLSX_CONTENT_TYPE, report_context, report_csv, report_xlsx
from kompass.stats.forms import DEFAULT_EPSILON, ReportForm
from kompass.stats.models import CaseEncoding, LinkageRun, ReviewPair
from kompass.stats.report import REGIONAL, default_country, noise_scale
from kompass.stats.services import decide_review_pair
from kompass.stats.tasks import LINKAGE_JOB, REPORT_PDF_JOB, linkage_job, report_pdf_job


def _params(request) -> tuple[int, str, Method, ReportForm]:
    """The report's year, country and method from the query (a bad value: the default, and the
    form says why). Another country's report does not exist for a coordinator (404)."""
    country = request.GET.get("country", "").upper()
    if country == REGIONAL:
        # The regional report (every country, each person once): the regional body and the platform auditor.
        if not request.membership.can_view_regional_statistics:
            raise Http404
    elif countries.is_alpha3(country) and not request.membership.sees_country(countries.to_alpha2(country)):
        # A coordinator publishes its own country's statistics; another country's do not exist for it.
        raise Http404
    own = request.membership.statistics_country
    default_year = timezone.localdate().year - 1
    default_country_code = countries.to_alpha3(own) if own else (default_country() or "ROU")
    data = request.GET.copy()
    data["year"] = data.get("year") or str(default_year)
    data["country"] = country or default_country_code
    form = ReportForm(data, membership=request.membership)
    year, epsilon = default_year, None
    if form.is_valid():
        year, country, epsilon = (
            form.cleaned_data["year"],
            form.cleaned_data["country"],
            form.cleaned_data["epsilon"],
        )
    else:
        if "year" not in form.errors:
            year = form.cleaned_data["year"]
        if "country" in form.errors:
            country = default_country_code
        if "epsilon" not in form.errors:
            epsilon = form.cleaned_data.get("epsilon")
    return year, country, Method(threshold=DEFAULT_THRESHOLD, epsilon=epsilon), form


def _context(request) -> dict:
    year, country, method, form = _params(request)
    context = report_context(year=year, country=country, method=method)
    context["form"] = form
    context["noise_about"] = noise_scale(form.cleaned_data.get("epsilon") or DEFAULT_EPSILON)
    if year not in context["years"]:
        context["years"] = sorted({*context["years"], year}, reverse=True)
    return context


@staff_required("can_view_statistics")
def report_page(request):
    context = _context(request)
    record_event(
        actor=request.user,
        action="statistics_viewed",
        detail={"year": context["year"], "country": context["country"]},
    )
    return render(request, "stats/report.html", context)


@staff_required("can_view_statistics")
def report_download(request, fmt: str):
    if fmt == "pdf":
        return _start_report_pdf(request)
    context = _context(request)
    name = f"nrm-report-{context['country']}-{context['year']}"
    record_event(
        actor=request.user, action="statistics_downloaded", detail={"year": context["year"], "format": fmt}
    )
    if fmt == "csv":
        response = HttpResponse(report_csv(context), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(report_xlsx(context), content_type=XLSX_CONTENT_TYPE)
    else:
        raise PermissionDenied
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _start_report_pdf(request):
    """A PDF of the report takes a while (charts, layout): a job makes it, its page shows progress."""
    year, country, method, _form = _params(request)
    params = {"year": year, "country": country, "epsilon": method.epsilon, "language": get_language()}
    job = start_job(kind=REPORT_PDF_JOB, title=gettext_noop("Annual report as PDF"), task=report_pdf_job,
                    by=request.user, params=params, capability="can_view_statistics")  # fmt: skip
    record_event(actor=request.user, action="statistics_downloaded", detail={"year": year, "format": "pdf"})
    return redirect(job)


@staff_required("can_view_statistics")
def ctdc_export(request):
    try:
        k = max(2, int(request.GET.get("k", 5)))
    except ValueError:
        k = 5
    # A coordinator exports its own country's victims; the regional body and platform auditor all.
    rows, left_out = export_rows(k=k, country2=request.membership.statistics_country)
    buffer = io.StringIO()
    write_csv(rows, buffer)
    record_event(
        actor=request.user, action="ctdc_exported", detail={"rows": len(rows), "left_out": left_out, "k": k}
    )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ctdc-export.csv"'
    return response


FIELDS = (
    ("given_name", "given name"),
    ("surname", "surname"),
    ("dob", "date of birth"),
    ("place_of_birth", "place of birth"),
    ("phone", "phone"),
)


def _similarities(pair: ReviewPair) -> list[tuple[str, str]]:
    """Per-field agreement computed from the encodings only (the coordinator sees no names)."""
    from kompass.stats.linkage.clk import dice  # NumPy: imported when a coordinator reviews pairs

    payloads = dict(
        CaseEncoding.objects.filter(case_id__in=[pair.case_a_id, pair.case_b_id]).values_list(
            "case_id", "payload"
        )
    )
    a, b = payloads.get(pair.case_a_id) or {}, payloads.get(pair.case_b_id) or {}
    out = []
    labels = {
        "given_name": _("Given name"),
        "surname": _("Surname"),
        "dob": _("Date of birth"),
        "place_of_birth": _("Place of birth"),
        "phone": _("Phone"),
    }
    for field, _unused in FIELDS:
        key = f"{field}_bf"
        if key in a and key in b:
            out.append((labels[field], f"{dice(bytes.fromhex(a[key]), bytes.fromhex(b[key])):.2f}"))
        else:
            out.append((labels[field], _("missing")))
    return out


@staff_required("can_review_linkage")
def review_list(request):
    pending = ReviewPair.objects.filter(status=ReviewPair.Status.PENDING).select_related(
        "case_a__owner", "case_b__owner"
    )[:50]
    decided = ReviewPair.objects.exclude(status=ReviewPair.Status.PENDING).select_related(
        "case_a__owner", "case_b__owner", "decided_by"
    )[:20]
    items = [(pair, _similarities(pair)) for pair in pending]
    return render(
        request,
        "stats/review.html",
        {
            "items": items,
            "decided": decided,
            "last_run": LinkageRun.objects.first(),
            "pending_count": ReviewPair.objects.filter(status=ReviewPair.Status.PENDING).count(),
        },
    )


@require_POST
@staff_required("can_review_linkage")
def review_decide(request, code):
    pair = get_object_or_404(ReviewPair, code=code)
    decision = request.POST.get("decision")
    if decision not in {"same", "different"}:
        messages.error(request, _("Choose whether the two cases are the same person."))
        return redirect("stats:review")
    decide_review_pair(pair=pair, by=request.user, same_person=decision == "same")
    messages.success(request, _("Decision saved. It applies from the next linkage run on."))
    return redirect("stats:review")


@require_POST
@staff_required("can_review_linkage")
def refresh(request):
    """Linking all cases takes minutes on a big coalition: a job runs it, its page shows progress."""
    job = start_job(kind=LINKAGE_JOB, title=gettext_noop("Refresh record linkage"), task=linkage_job,
                    by=request.user, capability="can_review_linkage")  # fmt: skip
    return redirect(job)
