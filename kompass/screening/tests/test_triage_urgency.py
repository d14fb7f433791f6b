"""Triage by urgency (issue #16 point 1): urgent first then oldest, "waiting N days" in each
language, and one audited alert to the coordinator when a report waits too long."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kompass.audit.models import AuditEvent
from kompass.screening import services
from kompass.screening.models import Protocol, Report

pytestmark = pytest.mark.django_db


def _screening(*, urgent_signs: bool):
    revision = Protocol.objects.get(sector="health").published
    questions = revision.questions_for("adult")
    # All yes: presumed victim with urgent signs; all no: nothing observed, nothing urgent.
    answers = {q["key"]: urgent_signs for q in questions}
    return services.run_screening(revision=revision, subject="adult", answers=answers, country="RO")


def _report(days_ago: float, *, urgent: bool = False, country: str = "RO", **kwargs) -> Report:
    screening = _screening(urgent_signs=urgent) if urgent or kwargs.pop("screened", False) else None
    created = timezone.now() - datetime.timedelta(days=days_ago)
    return services.send_report(
        screening=screening, sector="health", country=country, region="Iași", created_at=created, **kwargs
    )


def _page(client, language: str, obj=None) -> str:
    """The inbox (or an object's page) in `language`; URLs carry the language."""
    with translation.override(language):
        url = obj.get_absolute_url() if obj is not None else reverse("screening:reports")
    return client.get(url).content.decode()


def _inbox_references(client) -> list[str]:
    page = _page(client, "en")
    found = []
    for report in Report.objects.all():
        if report.reference in page:
            found.append((page.index(report.reference), report.reference))
    return [ref for _pos, ref in sorted(found)]


def test_urgent_reports_come_first_then_the_oldest(client, login):
    login(client, "coordinator")
    recent_plain = _report(1)
    old_plain = _report(9, screened=True)
    recent_urgent = _report(2, urgent=True)
    old_urgent = _report(14, urgent=True)
    assert _inbox_references(client) == [
        old_urgent.reference, recent_urgent.reference, old_plain.reference, recent_plain.reference,
    ]  # fmt: skip
    page = client.get(reverse("screening:reports")).content.decode()
    assert "New (4, 2 urgent)" in page


def test_presumed_victim_without_urgent_signs_counts_as_urgent():
    report = _report(1, urgent=True)
    report.screening.urgent = False
    report.screening.save(update_fields=["urgent"])
    plain = _report(5, screened=True)
    ordered = list(Report.objects.triage_order())
    assert report.screening.verdict == "presumed_victim"
    assert ordered == [report, plain]
    assert ordered[0].is_urgent and not ordered[1].is_urgent


# Each language's plural forms: 1, 2 and 5 days read differently in Ukrainian, Russian and Serbian.
WAITING = {
    "en": ("waiting 1 day", "waiting 2 days", "waiting 5 days", "waiting 21 days"),
    "ro": ("așteaptă de 1 zi", "așteaptă de 2 zile", "așteaptă de 5 zile", "așteaptă de 21 de zile"),
    "uk": ("чекає 1 день", "чекає 2 дні", "чекає 5 днів", "чекає 21 день"),
    "ru": ("ждёт 1 день", "ждёт 2 дня", "ждёт 5 дней", "ждёт 21 день"),
    "sr-latn": ("čeka 1 dan", "čeka 2 dana", "čeka 5 dana", "čeka 21 dan"),
}


@pytest.mark.parametrize("language", list(WAITING))
def test_waiting_days_in_each_language_with_its_plural_forms(client, login, language):
    login(client, "coordinator")
    for days in (1, 2, 5, 21):
        _report(days + 0.1)
    page = _page(client, language)
    for text in WAITING[language]:
        assert text in page, (language, text)


OVERDUE = {"en": "waiting too long", "ro": "așteaptă prea mult", "uk": "чекає надто довго",
           "ru": "ждёт слишком долго", "sr-latn": "čeka predugo"}  # fmt: skip


@pytest.mark.parametrize("language", list(OVERDUE))
def test_a_report_past_the_delay_is_marked_on_the_list_and_the_detail(client, login, settings, language):
    settings.KOMPASS_TRIAGE_ALERT_HOURS = 24
    login(client, "coordinator")
    late, fresh = _report(3), _report(0.5)
    assert _page(client, language).count(OVERDUE[language]) == 1
    assert OVERDUE[language] in _page(client, language, late)
    assert OVERDUE[language] not in _page(client, language, fresh)


def test_the_alert_reaches_the_coordinator_once_and_is_audited(
    settings, persona, django_capture_on_commit_callbacks
):
    settings.KOMPASS_TRIAGE_ALERT_HOURS = 48
    coordinator = persona("coordinator")
    persona("caseworker_a")
    late, fresh = _report(3), _report(1)
    triaged = _report(5)
    triaged.status, triaged.dismiss_reason, triaged.dismiss_category = "dismissed", "duplicate", "duplicate"
    triaged.save(update_fields=["status", "dismiss_reason", "dismiss_category"])
    with django_capture_on_commit_callbacks(execute=True):
        alerted = services.raise_waiting_report_alerts()
    assert alerted == [late]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert late.reference in message.subject and "3 days" in message.subject
    assert late.get_absolute_url() in message.body and "Iași" not in message.body
    event = AuditEvent.objects.get(action="report_waiting_alert")
    assert event.object_id == str(late.code)
    late.refresh_from_db()
    assert late.waiting_alert_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert services.raise_waiting_report_alerts() == []
    assert len(mail.outbox) == 1
    assert not Report.objects.get(pk=fresh.pk).waiting_alert_at


def test_the_alert_goes_to_the_coordinator_of_the_reports_country(
    settings, persona, django_capture_on_commit_callbacks
):
    settings.KOMPASS_TRIAGE_ALERT_HOURS = 1
    persona("coordinator")
    serbian = persona("coordinator_rs")
    serbian.preferred_language = "sr-latn"
    serbian.save(update_fields=["preferred_language"])
    _report(2, country="RS")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("alert_waiting_reports", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[serbian.email]]
    assert "čeka trijažu 2 dana" in mail.outbox[0].subject


def test_a_shorter_delay_in_the_settings_alerts_sooner(settings):
    _report(0.5)
    settings.KOMPASS_TRIAGE_ALERT_HOURS = 48
    assert services.raise_waiting_report_alerts() == []
    settings.KOMPASS_TRIAGE_ALERT_HOURS = 6
    assert len(services.raise_waiting_report_alerts()) == 1


def test_the_setting_refuses_a_delay_below_one_hour(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import kompass.settings as module

    monkeypatch.setenv("KOMPASS_TRIAGE_ALERT_HOURS", "0")
    with pytest.raises(ImproperlyConfigured):
        importlib.reload(module)
    monkeypatch.setenv("KOMPASS_TRIAGE_ALERT_HOURS", "48")
    importlib.reload(module)


def test_the_urgent_inbox_keeps_its_query_count(client, login):
    login(client, "coordinator")
    _report(3, urgent=True)
    client.get(reverse("screening:reports"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("screening:reports"))
    for n in range(6):
        _report(n + 1, urgent=bool(n % 2))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("screening:reports"))
    assert len(many) == len(few)
