import pytest
from django.urls import reverse

from kompass.audit.models import AppendOnlyError, AuditEvent
from kompass.audit.services import record_event


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted(persona):
    event = record_event(actor=persona("caseworker_a"), action="test")
    event.action = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.update(action="x")


@pytest.mark.django_db
def test_org_admin_sees_own_organisation_events_only(client, login, persona, org_a, org_b):
    record_event(actor=persona("caseworker_a"), action="event_of_a")
    record_event(actor=persona("caseworker_b"), action="event_of_b")
    login(client, "org_admin_a")
    body = client.get(reverse("audit:list")).content.decode()
    assert "event_of_a" in body and "event_of_b" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["auditor", "coordinator"])
def test_auditor_and_coordinator_see_all_events(client, login, persona, name):
    record_event(actor=persona("caseworker_a"), action="event_of_a")
    record_event(actor=persona("caseworker_b"), action="event_of_b")
    login(client, name)
    body = client.get(reverse("audit:list")).content.decode()
    assert "event_of_a" in body and "event_of_b" in body
