import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kompass.audit.models import AuditEvent
from kompass.cases.models import Case, CaseIdentity
from kompass.cases.services import add_note, change_stage, erase_case_on_request
from kompass.cases.tests.factories import make_case


@pytest.fixture
def old_closed_case(org_a, persona, time_machine):
    time_machine.move_to(timezone.now() - datetime.timedelta(days=400))
    case = make_case(org_a, persona("caseworker_a"))
    add_note(case=case, by=persona("caseworker_a"), text="Lives with her aunt in Pașcani")
    change_stage(case=case, by=persona("caseworker_a"), to_stage="closed")
    time_machine.move_to(timezone.now() + datetime.timedelta(days=400))
    return case


def test_dry_run_lists_and_changes_nothing(old_closed_case, settings, capsys):
    settings.KOMPASS_CASE_RETENTION_DAYS = 365
    call_command("anonymise_closed_cases", "--dry-run")
    assert f"{old_closed_case.reference} would be anonymised" in capsys.readouterr().out
    assert CaseIdentity.objects.filter(case=old_closed_case).exists()
    assert Case.objects.get(pk=old_closed_case.pk).anonymised_at is None


def test_anonymises_after_the_configured_period_and_keeps_statistics(old_closed_case, settings, capsys):
    settings.KOMPASS_CASE_RETENTION_DAYS = 365
    call_command("anonymise_closed_cases")
    case = Case.objects.get(pk=old_closed_case.pk)
    assert case.anonymised_at is not None and case.is_anonymous
    assert not CaseIdentity.objects.filter(case=case).exists()
    assert not case.notes.exists()
    assert case.sex == "female" and case.age_band == "24--26" and case.citizenship == "ROU"
    assert AuditEvent.objects.filter(action="case_anonymised", object_id=str(case.code)).count() == 1
    call_command("anonymise_closed_cases")  # idempotent
    assert AuditEvent.objects.filter(action="case_anonymised").count() == 1


def test_recent_and_open_cases_are_kept(old_closed_case, org_a, persona, settings):
    settings.KOMPASS_CASE_RETENTION_DAYS = 500
    open_case = make_case(org_a, persona("caseworker_a"))
    call_command("anonymise_closed_cases")
    assert CaseIdentity.objects.filter(case=old_closed_case).exists()
    assert CaseIdentity.objects.filter(case=open_case).exists()


def test_erasure_on_request_needs_a_recorded_request(case_of_a, persona):
    with pytest.raises(ValidationError):
        erase_case_on_request(case=case_of_a, by=persona("org_admin_a"), reason=" ")
    erase_case_on_request(case=case_of_a, by=persona("org_admin_a"), reason="Asked by phone on 2 March")
    assert not CaseIdentity.objects.filter(case=case_of_a).exists()
    event = AuditEvent.objects.get(action="case_anonymised")
    assert "erasure request" in event.detail["reason"]


def test_erasure_page_is_for_the_org_admin(client, login, case_of_a):
    url = reverse("cases:erase", kwargs={"code": case_of_a.code})
    login(client, "caseworker_a")
    assert client.post(url, {"reason": "x", "confirm": "on"}).status_code == 403
    login(client, "org_admin_a")
    response = client.post(url, {"reason": "Letter of 3 March", "confirm": "on"})
    assert response.status_code == 302
    assert Case.objects.get(pk=case_of_a.pk).anonymised_at is not None
    # Anonymised cases are read-only.
    assert client.get(reverse("cases:edit", kwargs={"code": case_of_a.code})).status_code == 403
