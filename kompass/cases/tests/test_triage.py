import pytest
from django.core import mail

from kompass.audit.models import AuditEvent
from kompass.cases.models import Case, CaseNote
from kompass.cases.services import open_case_from_report


@pytest.fixture
def report(db):
    from kompass.screening.models import Report

    return Report.objects.create(
        reference="R-2026-000123", sector="health", country="RO", region="Iași",
        observations="Young woman brought to the emergency room; a man answered every question for her.",
    )  # fmt: skip


def test_coordinator_turns_a_report_into_a_case_of_the_chosen_organisation(
    report, org_a, persona, django_capture_on_commit_callbacks
):
    persona("caseworker_a")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case_from_report(report=report, owner=org_a, by=persona("coordinator"))
    assert case.owner == org_a and case.source_report == report.code
    assert (case.identifying_sector, case.country, case.region) == ("health", "RO", "Iași")
    assert case.is_anonymous and case.stage == "identification"
    note = case.notes.get()
    assert (
        note.level == CaseNote.Level.RESTRICTED
        and "R-2026-000123" in note.text
        and "emergency room" in note.text
    )
    assert case.tasks.count() == 1
    assert AuditEvent.objects.filter(action="case_opened_from_report", object_id=str(case.code)).exists()
    assert mail.outbox and "caseworker_a@example.org" in mail.outbox[0].to
    assert "emergency room" not in mail.outbox[0].body
    # Idempotent: the same report never opens a second case.
    assert open_case_from_report(report=report, owner=org_a, by=persona("coordinator")) == case
    assert Case.objects.count() == 1


def test_screening_triage_calls_the_hook(report, org_a, persona, client, login):
    from kompass.screening.services import accept_report

    accept_report(report=report, organisation=org_a, by=persona("coordinator"))
    report.refresh_from_db()
    case = Case.objects.get(code=report.case_code)
    assert case.owner == org_a
    # The coordinator chose the owner but does not see the case's contents.
    login(client, "coordinator")
    assert client.get(case.get_absolute_url()).status_code == 404
    login(client, "caseworker_a")
    assert client.get(case.get_absolute_url()).status_code == 200
