"""A signed-in professional's "My reports": their own reports and what became of each, never a case."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kompass.cases.models import Case
from kompass.cases.services import change_stage
from kompass.screening import services
from kompass.screening.models import Protocol, Report

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


def _screening():
    revision = Protocol.objects.get(sector="health").published
    answers = {q["key"]: True for q in revision.questions_for("adult")}
    return services.run_screening(revision=revision, subject="adult", answers=answers, country="RO")


@pytest.fixture
def sent_by(persona):
    """`sent_by("frontline_a")` → a report that persona sent signed in."""

    def make(name: str, **fields) -> Report:
        return services.send_report(
            screening=_screening(),
            sector="health",
            country="RO",
            region="Iași",
            observations="A companion answered for her.",
            reported_by=persona(name),
            **fields,
        )

    return make


def test_signed_in_report_is_recorded_as_theirs_and_anonymous_is_not(client, login):
    screening = _screening()
    url = reverse("screening:report", kwargs={"code": screening.code})
    client.post(url, {"country": "RO", "region": "Iași"})
    assert Report.objects.get().reported_by is None
    user = login(client, "frontline_a")
    response = client.post(url, {"country": "RO", "region": "Iași"})
    report = Report.objects.get(reported_by=user)
    sent = client.get(response["Location"]).content.decode()
    assert reverse("screening:my_report", kwargs={"code": report.code}) in sent


# persona → status of the list, of a frontline_a report
ACCESS = {
    "frontline_a": (200, 200),
    "caseworker_a": (200, 404),
    "org_admin_a": (200, 404),
    "trainer_a": (200, 404),
    "caseworker_b": (200, 404),
    "coordinator": (403, 403),
    "auditor": (403, 403),
    "auditor_a": (403, 403),
    "regional": (403, 403),
    "anonymous": (302, 302),
}


@pytest.mark.parametrize(("name", "expected"), ACCESS.items())
def test_access(client, login, sent_by, name, expected):
    report = sent_by("frontline_a")
    login(client, name)
    assert client.get(reverse("screening:my_reports")).status_code == expected[0]
    detail = reverse("screening:my_report", kwargs={"code": report.code})
    assert client.get(detail).status_code == expected[1]


def test_list_shows_only_own_reports(client, login, sent_by):
    mine = sent_by("frontline_a")
    other = sent_by("caseworker_a")
    anonymous = services.send_report(screening=_screening(), sector="health", country="RO")
    login(client, "frontline_a")
    page = client.get(reverse("screening:my_reports")).content.decode()
    assert mine.reference in page
    assert other.reference not in page
    assert anonymous.reference not in page


def _status(client, report) -> str:
    return client.get(reverse("screening:my_report", kwargs={"code": report.code})).content.decode()


def test_statuses_follow_the_report_and_its_case_without_showing_the_case(
    client, login, persona, sent_by, org_a
):
    coordinator = persona("coordinator")
    received = sent_by("frontline_a")
    accepted = sent_by("frontline_a")
    closed = sent_by("frontline_a")
    dismissed = sent_by("frontline_a")
    services.accept_report(report=accepted, organisation=org_a, by=coordinator)
    services.accept_report(report=closed, organisation=org_a, by=coordinator)
    case = Case.objects.get(code=Report.objects.get(pk=closed.pk).case_code)
    change_stage(case=case, by=persona("caseworker_a"), to_stage="closed")
    services.dismiss_report(
        report=dismissed, reason="Seen by the labour inspectorate, R-2026-9", category="handled_elsewhere",
        by=coordinator,
    )  # fmt: skip
    login(client, "frontline_a")
    assert 'class="badge report-status-received"' in _status(client, received)
    page = _status(client, accepted)
    assert 'class="badge report-status-accepted"' in page
    accepted_case = Case.objects.get(code=Report.objects.get(pk=accepted.pk).case_code)
    for secret in (accepted_case.reference, str(accepted_case.code), org_a.name):
        assert secret not in page
    assert 'class="badge report-status-closed"' in _status(client, closed)
    page = _status(client, dismissed)
    assert 'class="badge report-status-dismissed"' in page
    assert "Handled by another service" in page
    assert "labour inspectorate" not in page
    listing = client.get(reverse("screening:my_reports")).content.decode()
    for code in ("received", "accepted", "closed", "dismissed"):
        assert f"report-status-{code}" in listing
    assert case.reference not in listing
    # The status filter keeps only the reports in that state.
    only_closed = client.get(reverse("screening:my_reports"), {"status": "closed"}).content.decode()
    assert closed.reference in only_closed and received.reference not in only_closed


def test_a_reopened_case_is_no_longer_closed(client, login, persona, sent_by, org_a):
    report = sent_by("frontline_a")
    services.accept_report(report=report, organisation=org_a, by=persona("coordinator"))
    case = Case.objects.get(code=Report.objects.get(pk=report.pk).case_code)
    change_stage(case=case, by=persona("caseworker_a"), to_stage="closed")
    Case.objects.filter(pk=case.pk).update(stage="first_assistance", closed_at=None)
    login(client, "frontline_a")
    assert "report-status-accepted" in _status(client, report)


def test_list_query_count_is_constant(client, login, persona, sent_by, org_a):
    coordinator = persona("coordinator")
    services.accept_report(report=sent_by("frontline_a"), organisation=org_a, by=coordinator)
    login(client, "frontline_a")
    client.get(reverse("screening:my_reports"))  # the session's first request caches the membership
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("screening:my_reports")).status_code == 200
    for _ in range(6):
        services.accept_report(report=sent_by("frontline_a"), organisation=org_a, by=coordinator)
        sent_by("frontline_a")
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("screening:my_reports")).status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_each_language(client, login, persona, sent_by, language):
    report = sent_by("frontline_a")
    services.dismiss_report(
        report=report, reason="Duplicate.", category="duplicate", by=persona("coordinator")
    )
    login(client, "frontline_a")
    with translation.override(language):
        listing = client.get(reverse("screening:my_reports")).content.decode()
        detail = _status(client, report)
        title = translation.gettext("My reports")
        dismissed = translation.gettext("Dismissed")
        category = str(Report.DismissCategory.DUPLICATE.label)
        dashboard = client.get(reverse("core:dashboard")).content.decode()
    if language != "en":
        assert title != "My reports" and category != "Already reported"
    assert title in listing and dismissed in listing and category in listing
    assert dismissed in detail and category in detail
    assert reverse("screening:my_reports") in dashboard
