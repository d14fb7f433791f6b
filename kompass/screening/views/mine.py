"""A signed-in professional's own reports: what became of each one, never the case's contents."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kompass.organisations.permissions import staff_required
from kompass.screening.permissions import get_sent_report_for_user
from kompass.screening.selectors import REPORTER_STATUS_LABELS, reports_sent_by, with_reporter_status


@staff_required("can_follow_own_reports")
def my_reports(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in REPORTER_STATUS_LABELS:
        status = ""
    rows = reports_sent_by(request.user, status=status or None)
    return render(
        request,
        "screening/my_reports.html",
        {"rows": rows, "status": status, "statuses": REPORTER_STATUS_LABELS.items()},
    )


@staff_required("can_follow_own_reports")
def my_report(request: HttpRequest, code) -> HttpResponse:
    report = get_sent_report_for_user(request.user, code)
    ((report, status),) = with_reporter_status([report])
    return render(request, "screening/my_report.html", {"report": report, "report_status": status})
