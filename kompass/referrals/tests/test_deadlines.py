"""Urgency and response deadlines: defaults, reminders to the receiver, alerts to the sender's admins."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kompass.audit.models import AuditEvent
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.ops.schedule import SCHEDULE
from kompass.referrals import tasks
from kompass.referrals.models import Referral
from kompass.referrals.services import (
    TransitionNotAllowed,
    accept_referral,
    change_referral_deadline,
    check_referral_deadlines,
    send_referral,
)

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]


@pytest.fixture
def urgent_referral(case_of_a, org_b, persona):
    offer(org_b, "emergency_accommodation")
    for name in ("caseworker_b", "org_admin_a", "org_admin_b"):
        persona(name)
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    return send_referral(
        case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b,
        service="emergency_accommodation", urgency="urgent",
    )  # fmt: skip


@pytest.mark.parametrize(("urgency", "hours"), [("routine", 120), ("urgent", 48), ("emergency", 4)])
def test_the_deadline_defaults_from_the_urgency(case_of_a, org_b, persona, urgency, hours):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    referral = send_referral(
        case=case_of_a,
        by=persona("caseworker_a"),
        to_organisation=org_b,
        service="medical_care",
        urgency=urgency,
    )
    assert referral.respond_by - referral.created_at == datetime.timedelta(hours=hours)
    event = AuditEvent.objects.get(action="referral_sent")
    assert event.detail["urgency"] == urgency


def test_a_deadline_before_sending_is_refused(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    with pytest.raises(ValidationError) as error:
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care",
            respond_by=timezone.now() - datetime.timedelta(hours=1),
        )  # fmt: skip
    assert "respond_by" in error.value.message_dict
    assert not Referral.objects.exists()


def test_reminder_then_escalation_once_each(
    urgent_referral, time_machine, django_capture_on_commit_callbacks
):
    sent = urgent_referral.created_at
    mail.outbox.clear()
    # Long before the deadline: nothing.
    time_machine.move_to(sent + datetime.timedelta(hours=30), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert check_referral_deadlines() == {"reminded": 0, "escalated": 0}
    assert mail.outbox == []
    # 8 hours before the deadline the receiver is reminded, once.
    time_machine.move_to(sent + datetime.timedelta(hours=41), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert check_referral_deadlines() == {"reminded": 1, "escalated": 0}
        assert check_referral_deadlines() == {"reminded": 0, "escalated": 0}
    assert [m.to for m in mail.outbox] == [["caseworker_b@example.org", "org_admin_b@example.org"]]
    assert "Reminder" in mail.outbox[0].subject and urgent_referral.case.reference in mail.outbox[0].subject
    assert "Secretescu" not in mail.outbox[0].body
    # The deadline passes: the SENDER's admins are alerted, once (not its caseworkers, not the receiver).
    mail.outbox.clear()
    time_machine.move_to(sent + datetime.timedelta(hours=48, minutes=5), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert check_referral_deadlines() == {"reminded": 0, "escalated": 1}
        assert check_referral_deadlines() == {"reminded": 0, "escalated": 0}
    assert [m.to for m in mail.outbox] == [["org_admin_a@example.org"]]
    assert "overdue" in mail.outbox[0].subject and "Organisation B" in mail.outbox[0].subject
    events = AuditEvent.objects.filter(action__in=["referral_reminder_sent", "referral_escalated"])
    assert sorted(e.action for e in events) == ["referral_escalated", "referral_reminder_sent"]
    escalation = events.get(action="referral_escalated")
    assert escalation.organisation_id == urgent_referral.from_organisation_id
    assert escalation.actor_label == "scheduler"


def test_an_answered_referral_is_neither_reminded_nor_escalated(urgent_referral, persona, time_machine):
    accept_referral(referral=urgent_referral, by=persona("caseworker_b"))
    time_machine.move_to(urgent_referral.respond_by + datetime.timedelta(days=1), tick=False)
    assert check_referral_deadlines() == {"reminded": 0, "escalated": 0}


def test_the_scheduled_task_runs_the_check(urgent_referral, time_machine):
    assert ("*/10 * * * *", "kompass.referrals.tasks.check_deadlines") in [(e, p) for e, p, _w in SCHEDULE]
    time_machine.move_to(urgent_referral.respond_by + datetime.timedelta(minutes=1), tick=False)
    tasks.check_deadlines.send()  # in-process without a broker, as run_scheduler sends it
    urgent_referral.refresh_from_db()
    assert urgent_referral.escalated_at is not None


def test_a_new_deadline_starts_the_reminders_again(urgent_referral, persona, time_machine):
    time_machine.move_to(urgent_referral.respond_by + datetime.timedelta(minutes=1), tick=False)
    check_referral_deadlines()
    urgent_referral.refresh_from_db()
    assert urgent_referral.escalated_at is not None
    new = timezone.now() + datetime.timedelta(hours=4)
    change_referral_deadline(
        referral=urgent_referral, by=persona("caseworker_a"), respond_by=new, urgency="emergency"
    )
    urgent_referral.refresh_from_db()
    assert urgent_referral.escalated_at is None and urgent_referral.respond_by == new
    assert AuditEvent.objects.filter(action="referral_deadline_changed").count() == 1
    with pytest.raises(TransitionNotAllowed):
        change_referral_deadline(referral=urgent_referral, by=persona("caseworker_b"), respond_by=new)
    with pytest.raises(ValidationError):
        change_referral_deadline(
            referral=urgent_referral,
            by=persona("caseworker_a"),
            respond_by=timezone.now() - datetime.timedelta(1),
        )


def test_sending_over_http_with_urgency_and_a_deadline(client, login, case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    login(client, "caseworker_a")
    url = reverse("referrals:create", kwargs={"case_code": case_of_a.code})
    response = client.post(url, {"kind": "service", "service": "medical_care", "to_organisation": org_b.pk,
                                 "urgency": "urgent", "respond_by": "2020-01-01T10:00"})  # fmt: skip
    assert response.status_code == 200 and "must be after the referral is sent" in response.content.decode()
    assert not Referral.objects.exists()
    response = client.post(url, {"kind": "service", "service": "medical_care", "to_organisation": org_b.pk,
                                 "urgency": "emergency", "respond_by": ""})  # fmt: skip
    referral = Referral.objects.get()
    assert response.status_code == 302 and referral.urgency == "emergency"
    assert referral.respond_by - referral.created_at == datetime.timedelta(hours=4)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_senders_admin_sees_the_alert_on_the_dashboard(
    client, login, urgent_referral, persona, time_machine, language
):
    words = {
        "en": ("has not answered", "Urgent"), "ro": ("nu a răspuns", "Urgentă"),
        "uk": ("не відповіла", "Термінове"), "ru": ("не ответила", "Срочное"), "sr-latn": ("nije odgovorila", "Hitno"),
    }[language]  # fmt: skip
    prefix = "" if language == "en" else f"/{language}"
    login(client, "org_admin_a")
    body = client.get(f"{prefix}/staff/").content.decode()
    assert 'id="referrals-overdue"' not in body
    time_machine.move_to(urgent_referral.respond_by + datetime.timedelta(minutes=1), tick=False)
    check_referral_deadlines()
    login(client, "org_admin_a")  # two days later: a new session
    body = client.get(f"{prefix}/staff/").content.decode()
    assert 'id="referrals-overdue"' in body and urgent_referral.case.reference in body
    assert words[0] in body and words[1] in body
    # The receiver's dashboard shows the deadline, not the sender's alert.
    login(client, "caseworker_b")
    body = client.get(f"{prefix}/staff/").content.decode()
    assert 'id="referrals-overdue"' not in body and urgent_referral.case.reference in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sender_sees_the_answer_on_its_dashboard(client, login, urgent_referral, persona, language):
    accepted = {
        "en": "Accepted",
        "ro": "Acceptată",
        "uk": "Прийнято",
        "ru": "Принято",
        "sr-latn": "Prihvaćeno",
    }
    prefix = "" if language == "en" else f"/{language}"
    login(client, "caseworker_a")
    assert 'id="referral-responses"' not in client.get(f"{prefix}/staff/").content.decode()
    accept_referral(referral=urgent_referral, by=persona("caseworker_b"))
    body = client.get(f"{prefix}/staff/").content.decode()
    assert 'id="referral-responses"' in body and urgent_referral.case.reference in body
    assert accepted[language] in body


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 302), ("org_admin_a", 302), ("caseworker_b", 200), ("org_admin_b", 200),
     ("coordinator", 404), ("auditor", 403), ("frontline_a", 403), ("trainer_a", 403), ("anonymous", 302)],
)  # fmt: skip
def test_deadline_change_access(client, login, urgent_referral, who, status):
    """Only the sender changes the deadline; the receiver gets the form's refusal, outsiders 404."""
    login(client, who)
    url = reverse("referrals:deadline", kwargs={"code": urgent_referral.code})
    new = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(url, {"urgency": "routine", "respond_by": new})
    assert response.status_code == status
    if status == 404:
        assert urgent_referral.case.reference not in response.content.decode()
    urgent_referral.refresh_from_db()
    assert (urgent_referral.urgency == "routine") is (who in ("caseworker_a", "org_admin_a"))
