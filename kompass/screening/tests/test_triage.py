"""The coordinator's triage inbox: list, detail, accept (opens a case), dismiss; all audited."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kompass.audit.models import AuditEvent
from kompass.screening import services
from kompass.screening.models import Protocol, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    revision = Protocol.objects.get(sector="health").published
    questions = revision.questions_for("adult")
    screening = services.run_screening(
        revision=revision, subject="adult", answers={q["key"]: True for q in questions}, country="RO"
    )
    return services.send_report(
        screening=screening,
        sector="health",
        country="RO",
        region="Iași",
        observations="Bruises, a companion.",
    )


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("coordinator", 200),
        ("org_admin_a", 403),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("auditor", 403),
        ("caseworker_b", 403),
        ("anonymous", 302),
    ],
)
def test_inbox_access(client, login, report, name, status):
    login(client, name)
    assert client.get(reverse("screening:reports")).status_code == status


@pytest.mark.parametrize(
    ("name", "status"),
    [("coordinator", 200), ("org_admin_a", 403), ("caseworker_b", 403), ("anonymous", 302)],
)
def test_report_detail_access(client, login, report, name, status):
    login(client, name)
    assert client.get(report.get_absolute_url()).status_code == status


def test_unknown_report_is_404_for_the_coordinator(client, login):
    login(client, "coordinator")
    assert client.get("/screening/reports/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_inbox_lists_new_reports_in_constant_queries(client, login, report):
    login(client, "coordinator")
    for n in range(5):
        services.send_report(sector="online", country="MD", region=f"R{n}")
    client.get(reverse("screening:reports"))
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("screening:reports"))
    for n in range(10):
        services.send_report(sector="police", country="RS", region=f"S{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("screening:reports"))
    assert report.reference in response.content.decode()
    assert len(many) == len(few)


def test_detail_read_is_audited(client, login, report):
    login(client, "coordinator")
    client.get(report.get_absolute_url())
    assert AuditEvent.objects.filter(action="read", object_id=str(report.code)).exists()


def test_accept_opens_a_case_for_the_chosen_organisation(client, login, report, org_a):
    user = login(client, "coordinator")
    response = client.post(
        reverse("screening:report_accept", kwargs={"code": report.code}), {"organisation": org_a.pk}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted"
    assert report.accepted_by_organisation == org_a
    assert report.triaged_by == user and report.triaged_at is not None
    event = AuditEvent.objects.get(action="report_accepted")
    assert event.organisation == org_a
    from kompass.cases.models import Case

    case = Case.objects.get(source_report=report.code)
    assert report.case_code == case.code
    assert case.owner == org_a
    assert case.identifying_sector == "health"


def test_dismiss_needs_a_reason_and_is_audited(client, login, report):
    login(client, "coordinator")
    url = reverse("screening:report_dismiss", kwargs={"code": report.code})
    client.post(url, {"category": "duplicate", "reason": ""})
    report.refresh_from_db()
    assert report.status == "new"
    client.post(url, {"category": "", "reason": "Duplicate of R-2026-000001."})
    report.refresh_from_db()
    assert report.status == "new"
    client.post(url, {"category": "duplicate", "reason": "Duplicate of R-2026-000001."})
    report.refresh_from_db()
    assert report.status == "dismissed"
    assert report.dismiss_category == "duplicate"
    assert report.dismiss_reason == "Duplicate of R-2026-000001."
    assert AuditEvent.objects.filter(action="report_dismissed", object_id=str(report.code)).exists()


def test_a_triaged_report_cannot_be_triaged_again(client, login, report, org_a):
    login(client, "coordinator")
    client.post(
        reverse("screening:report_dismiss", kwargs={"code": report.code}),
        {"category": "no_indicators", "reason": "Not trafficking."},
    )
    client.post(reverse("screening:report_accept", kwargs={"code": report.code}), {"organisation": org_a.pk})
    report.refresh_from_db()
    assert report.status == "dismissed"


@pytest.mark.parametrize("name", ["org_admin_a", "caseworker_a"])
def test_others_cannot_accept_or_dismiss(client, login, report, org_a, name):
    login(client, name)
    assert (
        client.post(
            reverse("screening:report_accept", kwargs={"code": report.code}), {"organisation": org_a.pk}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("screening:report_dismiss", kwargs={"code": report.code}), {"reason": "x"}
        ).status_code
        == 403
    )
    report.refresh_from_db()
    assert report.status == "new"


def test_reference_is_unique_and_yearly(report):
    other = services.send_report(
        sector="online", country="RS", created_at=timezone.make_aware(datetime.datetime(2025, 3, 2, 10))
    )
    assert other.reference == f"R-2025-{other.pk:06d}"
    assert report.reference != other.reference
    assert Report.objects.filter(reference=other.reference).count() == 1


def test_dashboard_partial_shows_triage_only_to_the_coordinator(client, login):
    login(client, "coordinator")
    assert reverse("screening:reports") in client.get(reverse("core:dashboard")).content.decode()
    login(client, "caseworker_a")
    page = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("screening:reports") not in page
    assert reverse("screening:start") in page


@pytest.mark.parametrize(
    ("status", "target", "allowed"),
    [
        ("new", "accepted", True),
        ("new", "dismissed", True),
        ("accepted", "dismissed", False),
        ("accepted", "new", False),
        ("dismissed", "accepted", False),
        ("dismissed", "new", False),
    ],
)
def test_report_transition_table(status, target, allowed):
    assert Report(status=status).can_become(target) is allowed
