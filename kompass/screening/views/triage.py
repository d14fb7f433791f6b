"""The national coordinator's triage inbox for reports."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.organisations.permissions import staff_required
from kompass.screening import services
from kompass.screening.forms import AcceptReportForm, DismissReportForm
from kompass.screening.models import Report
from kompass.screening.permissions import get_report_for_user
from kompass.screening.selectors import suggested_organisations
from kompass.screening.views.public import result_context

STATUS_FILTERS = ["new", "accepted", "dismissed", "all"]


@staff_required("can_triage_reports")
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "new")
    if status not in STATUS_FILTERS:
        status = "new"
    reports = Report.objects.visible_to(request.membership).select_related(
        "screening", "accepted_by_organisation"
    )
    if status != "all":
        reports = reports.filter(status=status)
    # New reports: urgent first, then the longest waiting; triaged ones: the latest first.
    reports = reports.triage_order() if status == "new" else reports.with_urgency().order_by("-created_at")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    counts = {
        s: Report.objects.visible_to(request.membership).filter(status=s).count() for s in STATUS_FILTERS[:3]
    }
    counts["urgent"] = (
        Report.objects.visible_to(request.membership)
        .filter(status="new")
        .with_urgency()
        .filter(is_urgent=True)
        .count()
    )
    return render(
        request, "screening/inbox.html",
        {"page": page, "status": status, "counts": counts, "alert_hours": settings.KOMPASS_TRIAGE_ALERT_HOURS},
    )  # fmt: skip


@staff_required("can_triage_reports")
def report_detail(request: HttpRequest, code) -> HttpResponse:
    report = get_report_for_user(request.membership, code)
    context = {"report": report, "dismiss_form": DismissReportForm()}
    if report.status == Report.Status.NEW:
        providers = suggested_organisations(report, request.membership)
        context["providers"] = providers
        context["accept_form"] = AcceptReportForm(
            providers=providers, initial={"organisation": providers[0].organisation.pk if providers else None}
        )
    if report.screening is not None:
        context["result"] = result_context(report.screening)
    return render(request, "screening/report_detail.html", context)


@staff_required("can_triage_reports")
@require_POST
def report_accept(request: HttpRequest, code) -> HttpResponse:
    report = get_report_for_user(request.membership, code, write=True)
    form = AcceptReportForm(request.POST, providers=suggested_organisations(report, request.membership))
    if form.is_valid():
        try:
            report = services.accept_report(
                report=report, organisation=form.cleaned_data["organisation"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Report %(reference)s was accepted.") % {"reference": report.reference}
            )
    else:
        messages.error(request, _("Choose the organisation that takes the case."))
    return redirect(report)


@staff_required("can_triage_reports")
@require_POST
def report_dismiss(request: HttpRequest, code) -> HttpResponse:
    report = get_report_for_user(request.membership, code, write=True)
    form = DismissReportForm(request.POST)
    if form.is_valid():
        try:
            report = services.dismiss_report(
                report=report,
                reason=form.cleaned_data["reason"],
                category=form.cleaned_data["category"],
                by=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Report %(reference)s was dismissed.") % {"reference": report.reference}
            )
    else:
        messages.error(request, _("Choose the kind of reason and give the reason for dismissing the report."))
    return redirect(report)
