"""Read-only queries other apps use (training impact, statistics, dashboards)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth, TruncYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.cases.models import Case
from kompass.directory.selectors import Provider, place_point, rank_providers
from kompass.organisations.models import Organisation
from kompass.screening import rules
from kompass.screening.models import Report

_GROUPS = {"sector", "country", "region", "status", "platform", "month", "year"}


def report_counts(*, by: tuple[str, ...] = ("sector", "month"), **filters) -> list[dict]:
    """Reports counted per group, e.g. `report_counts(by=("sector", "region", "month"), country="RO")`.

    `by` takes sector, country, region, status, platform, month (first day, a date) and year (an int).
    Filters are Report field lookups, plus `since` / `until` (dates, inclusive / exclusive) on the day
    the report was received. Rows: {"sector": ..., "month": date(2025, 3, 1), "count": 12}, ordered
    by the groups.
    """
    unknown = set(by) - _GROUPS
    if unknown:
        raise ValueError(f"Unknown groups: {', '.join(sorted(unknown))}")
    since: datetime.date | None = filters.pop("since", None)
    until: datetime.date | None = filters.pop("until", None)
    qs = Report.objects.filter(**filters)
    if since is not None:
        qs = qs.filter(created_at__date__gte=since)
    if until is not None:
        qs = qs.filter(created_at__date__lt=until)
    annotations: dict[str, TruncMonth | TruncYear] = {}
    if "month" in by:
        annotations["month"] = TruncMonth("created_at")
    if "year" in by:
        annotations["year"] = TruncYear("created_at")
    rows = qs.annotate(**annotations).values(*by).annotate(count=Count("id")).order_by(*by)
    result = []
    for row in rows:
        row = dict(row)
        if "month" in row and isinstance(row["month"], datetime.datetime):
            row["month"] = row["month"].date()
        if "year" in row and isinstance(row["year"], datetime.datetime | datetime.date):
            row["year"] = row["year"].year
        result.append(row)
    return result


def online_reports_by_platform(*, year: int, country: str | None = None) -> dict[str, int]:
    """Reports of online exploitation received in `year` per platform code (every code, 0 when none).

    `country` is the ISO 3166-1 alpha-2 code of the country the report came from.
    """
    from kompass.screening.models import ReportPlatform

    filters = {"sector": "online", "created_at__year": year}
    if country:
        filters["country"] = country
    counts = {row["platform"]: row["count"] for row in report_counts(by=("platform",), **filters)}
    return {code: counts.get(code, 0) for code in ReportPlatform.values}


# What a person found through a report needs first, by what the report says (decision 0060). The
# first service is the main one: its declared places are shown with each suggested organisation.
URGENT_SERVICES = ("emergency_accommodation", "crisis_intervention")
CHILD_SERVICES = ("child_protection",)
SECTOR_SERVICES = {
    "online": ("counselling", "psychotherapy"),
    "labour_inspection": ("legal_assistance", "employment_support"),
    "health": ("medical_care",),
    "refugee_support": ("interpretation", "legal_assistance"),
}
BASE_SERVICES = ("crisis_intervention", "counselling", "legal_assistance")


def needed_services(report: Report) -> list[str]:
    """Services to look for in the organisation that takes the case, the main one first."""
    screening = report.screening
    subject = report.subject or (screening.subject if screening else "")
    wanted: list[str] = []
    if subject == "child":
        wanted += CHILD_SERVICES
    if screening is not None and (screening.urgent or screening.verdict == rules.PRESUMED_VICTIM):
        wanted += URGENT_SERVICES
    wanted += SECTOR_SERVICES.get(report.sector, ())
    wanted += BASE_SERVICES
    return list(dict.fromkeys(wanted))


def suggested_organisations(report: Report, membership) -> list[Provider]:
    """Organisations that may take the case, the best fit first (directory.selectors.rank_providers):
    those of the report's country, or of the coordinator's own when none works there (a report
    from Ukraine reaches the first coordinator)."""
    country = report.country
    if not Organisation.objects.filter(is_active=True, country=country).exists():
        country = membership.country
    return rank_providers(
        services=needed_services(report), origin=place_point(report.country, report.region), country=country
    )


@dataclass(frozen=True)
class ReporterStatus:
    """What the professional who sent a report may know of it: its state, never the case's contents."""

    code: str  # received | accepted | closed | dismissed
    label: str
    since: datetime.datetime | None
    dismiss_category: str = ""
    dismiss_category_label: str = ""


def _reporter_status(report: Report, closed_at: datetime.datetime | None) -> ReporterStatus:
    if report.status == Report.Status.DISMISSED:
        return ReporterStatus(
            "dismissed",
            str(REPORTER_STATUS_LABELS["dismissed"]),
            report.triaged_at,
            report.dismiss_category,
            str(report.get_dismiss_category_display()),
        )
    if report.status == Report.Status.ACCEPTED:
        if closed_at is not None:
            return ReporterStatus("closed", str(REPORTER_STATUS_LABELS["closed"]), closed_at)
        return ReporterStatus("accepted", str(REPORTER_STATUS_LABELS["accepted"]), report.triaged_at)
    return ReporterStatus("received", str(REPORTER_STATUS_LABELS["received"]), report.created_at)


REPORTER_STATUS_LABELS = {
    "received": pgettext_lazy("reporter status", "Received"),
    "accepted": _("Accepted into a case"),
    "closed": _("Closed"),
    "dismissed": _("Dismissed"),
}

# Only what the reporter's page shows: nothing the coordinator wrote, nothing of the case.
REPORTER_FIELDS = (
    "code", "reference", "sector", "country", "region", "created_at", "status", "triaged_at",
    "dismiss_category", "case_code", "reported_by_id",
)  # fmt: skip


def reports_sent_by(user, *, status: str | None = None) -> list[tuple[Report, ReporterStatus]]:
    """The reports `user` sent signed in, newest first, each with its status. Two queries at most.

    The status is derived from the report and, once accepted, from its case (closed or not); it is
    never stored twice. The case's stage is read through `case_code` and nothing else of the case
    leaves this function.
    """
    reports = list(Report.objects.filter(reported_by=user).only(*REPORTER_FIELDS).order_by("-created_at"))
    return with_reporter_status(reports, status=status)


def with_reporter_status(
    reports: list[Report], *, status: str | None = None
) -> list[tuple[Report, ReporterStatus]]:
    """Each report with its status for the reporter (one query for the cases' closure, at most)."""
    codes = [r.case_code for r in reports if r.case_code is not None]
    closed: dict = {}
    if codes:
        closed = dict(
            Case.objects.filter(code__in=codes, closed_at__isnull=False).values_list("code", "closed_at")
        )
    rows = [(report, _reporter_status(report, closed.get(report.case_code))) for report in reports]
    if status:
        rows = [row for row in rows if row[1].code == status]
    return rows
