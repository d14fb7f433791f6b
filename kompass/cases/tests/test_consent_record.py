"""Consent as recorded in the field: who gave it, language, interpreter, signed form, expiry, renewal,
the child's path; expired consent allows no sharing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.cases.models import Attachment, Consent
from kompass.cases.services import (
    end_sharing_on_expired_consents,
    record_consent,
    send_consent_renewal_reminders,
    sharing_consent,
)
from kompass.cases.tests.factories import make_case, offer

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]
PDF = b"%PDF-1.4 signed consent"


def form_data(**extra):
    data = {"purpose": "data_processing", "given_on": "2026-03-02", "given_by": "person", "language": "uk"}
    data.update(extra)
    return data


def test_a_full_record_with_signed_form_over_http(client, login, case_of_a):
    login(client, "caseworker_a")
    url = reverse("cases:consent_add", kwargs={"code": case_of_a.code})
    upload = SimpleUploadedFile("consent.pdf", PDF, content_type="application/pdf")
    response = client.post(url, form_data(
        interpreter_used="on", interpreter_name="Olena Test", interpreter_organisation="Interpreters (test)",
        expires_on="2027-03-02", signed_form=upload,
    ))  # fmt: skip
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.language == "uk" and consent.interpreter_used and consent.interpreter_name == "Olena Test"
    assert consent.expires_on == datetime.date(2027, 3, 2)
    assert consent.form.kind == Attachment.Kind.CONSENT_FORM and consent.form.case == case_of_a
    event = AuditEvent.objects.filter(action="consent_recorded").get()
    assert event.detail["signed_form"] is True and event.detail["interpreter"] is True
    body = client.get(case_of_a.get_absolute_url()).content.decode()
    assert "in Ukrainian" in body and "with an interpreter" in body and "signed form" in body


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("consent.exe", b"MZ", "Only PDF, PNG, JPEG"), ("consent.pdf", b"not a pdf", "does not match its type")],
)
def test_a_wrong_signed_form_is_refused_and_nothing_is_stored(
    client, login, case_of_a, name, content, message
):
    login(client, "caseworker_a")
    url = reverse("cases:consent_add", kwargs={"code": case_of_a.code})
    response = client.post(url, form_data(signed_form=SimpleUploadedFile(name, content)))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Consent.objects.exists() and not Attachment.objects.exists()


def test_a_too_large_signed_form_is_refused(client, login, case_of_a, settings):
    settings.KOMPASS_ATTACHMENT_MAX_BYTES = 1024
    login(client, "caseworker_a")
    url = reverse("cases:consent_add", kwargs={"code": case_of_a.code})
    response = client.post(url, form_data(signed_form=SimpleUploadedFile("c.pdf", PDF + b"x" * 2000)))
    assert response.status_code == 200 and "too large" in response.content.decode()
    assert not Consent.objects.exists() and not Attachment.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_childs_consent_needs_a_guardian_or_representative(client, login, org_a, persona, language):
    expected = {
        "en": "The person is a child", "ro": "Persoana este un copil", "uk": "Людина — дитина",
        "ru": "Человек — ребёнок", "sr-latn": "Osoba je dete",
    }[language]  # fmt: skip
    child = make_case(org_a, persona("caseworker_a"), age_at_identification=15)
    login(client, "caseworker_a")
    prefix = "" if language == "en" else f"/{language}"
    url = prefix + reverse("cases:consent_add", kwargs={"code": child.code}).removeprefix(prefix)
    response = client.post(url, form_data())
    assert response.status_code == 200 and expected in response.content.decode()
    assert not Consent.objects.exists()
    # A guardian without name and relation: told what is missing.
    response = client.post(url, form_data(given_by="parent_or_guardian"))
    assert response.status_code == 200 and not Consent.objects.exists()
    response = client.post(
        url, form_data(given_by="parent_or_guardian", giver_name="Ana Test", giver_relation="mother")
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.given_by == "parent_or_guardian" and consent.giver_relation == "mother"


def test_age_not_established_takes_the_childs_path(org_a, persona):
    case = make_case(org_a, persona("caseworker_a"), age_at_identification=None)
    with pytest.raises(ValidationError) as error:
        record_consent(case=case, by=persona("caseworker_a"), purpose="data_processing", presumed_child=True)
    assert "given_by" in error.value.message_dict
    consent = record_consent(
        case=case, by=persona("caseworker_a"), purpose="data_processing", presumed_child=True,
        given_by="legal_representative", giver_name="Ion Test", giver_relation="guardian appointed by the court",
    )  # fmt: skip
    assert consent.pk and consent.presumed_child


def test_an_adult_may_consent_for_themselves(case_of_a, persona):
    consent = record_consent(case=case_of_a, by=persona("caseworker_a"), purpose="data_processing")
    assert consent.given_by == "person"


def test_expiry_after_the_given_day_and_unknown_language(case_of_a, persona):
    with pytest.raises(ValidationError) as error:
        record_consent(
            case=case_of_a, by=persona("caseworker_a"), purpose="data_processing",
            given_on=datetime.date(2026, 3, 2), expires_on=datetime.date(2026, 3, 1),
        )  # fmt: skip
    assert "expires_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        record_consent(case=case_of_a, by=persona("caseworker_a"), purpose="data_processing", language="xx")
    assert "language" in error.value.message_dict
    assert not Consent.objects.exists()


def test_expired_consent_allows_no_sharing_and_ends_referrals(case_of_a, org_b, persona, time_machine):
    from kompass.referrals.models import Referral
    from kompass.referrals.services import TransitionNotAllowed, send_referral

    time_machine.move_to(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC), tick=False)
    offer(org_b, "medical_care", "legal_assistance")
    by = persona("caseworker_a")
    record_consent(case=case_of_a, by=by, purpose="cross_border_transfer", organisation=org_b)
    consent = record_consent(
        case=case_of_a, by=by, purpose="sharing", organisation=org_b, expires_on=datetime.date(2026, 4, 1)
    )
    referral = send_referral(case=case_of_a, by=by, to_organisation=org_b, service="medical_care")
    time_machine.move_to(datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.UTC), tick=False)
    assert sharing_consent(case_of_a, org_b, "legal_assistance") is None
    with pytest.raises(TransitionNotAllowed):
        send_referral(case=case_of_a, by=by, to_organisation=org_b, service="legal_assistance")
    end_sharing_on_expired_consents()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.WITHDRAWN and "expired" in referral.response_note
    assert AuditEvent.objects.filter(action="referral_withdrawn", detail__reason="consent_expired").exists()
    assert consent.is_expired


def test_renewal_reminder_to_the_caseworker_once(
    case_of_a, persona, time_machine, django_capture_on_commit_callbacks
):
    by = persona("caseworker_a")
    case_of_a.assigned_to = by
    case_of_a.save(update_fields=["assigned_to"])
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False)
    record_consent(case=case_of_a, by=by, purpose="data_processing", expires_on=datetime.date(2026, 6, 1))
    mail.outbox.clear()
    assert send_consent_renewal_reminders() == []
    time_machine.move_to(datetime.datetime(2026, 5, 20, 9, tzinfo=datetime.UTC), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert len(send_consent_renewal_reminders()) == 1
        assert send_consent_renewal_reminders() == []
    assert [m.to for m in mail.outbox] == [["caseworker_a@example.org"]]
    assert case_of_a.reference in mail.outbox[0].subject and "Secretescu" not in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="consent_renewal_reminder_sent").count() == 1


def test_the_scheduled_task_is_listed():
    from kompass.ops.schedule import SCHEDULE

    assert "kompass.cases.tasks.consent_renewals" in [path for _e, path, _w in SCHEDULE]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consent_form_in_each_language(client, login, case_of_a, language):
    words = {
        "en": "Language of the conversation", "ro": "Limba conversației", "uk": "Мова розмови",
        "ru": "Язык разговора", "sr-latn": "Jezik razgovora",
    }[language]  # fmt: skip
    login(client, "caseworker_a")
    prefix = "" if language == "en" else f"/{language}"
    body = client.get(prefix + reverse("cases:consent_add", kwargs={"code": case_of_a.code})).content.decode()
    assert words in body


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 200), ("org_admin_a", 200), ("caseworker_b", 404), ("coordinator", 403),
     ("auditor", 403), ("frontline_a", 403), ("anonymous", 302)],
)  # fmt: skip
def test_consent_form_access(client, login, case_of_a, who, status):
    login(client, who)
    assert client.get(reverse("cases:consent_add", kwargs={"code": case_of_a.code})).status_code == status
