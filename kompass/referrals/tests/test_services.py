import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kompass.audit.models import AuditEvent
from kompass.cases.models import Case
from kompass.cases.permissions import LIMITED, access_for
from kompass.cases.services import change_stage, record_consent, withdraw_consent
from kompass.cases.tests.factories import consent_to_share, make_case, offer
from kompass.organisations.permissions import get_membership
from kompass.referrals.models import TRANSITIONS, Referral, Status
from kompass.referrals.services import (
    TransitionNotAllowed,
    accept_referral,
    complete_referral,
    decline_referral,
    record_referral_service,
    send_referral,
    withdraw_referral,
)

MOVES = {
    Status.ACCEPTED: lambda referral, by: accept_referral(referral=referral, by=by),
    Status.DECLINED: lambda referral, by: decline_referral(
        referral=referral, by=by, reason="No places left."
    ),
    Status.COMPLETED: lambda referral, by: complete_referral(referral=referral, by=by),
    Status.WITHDRAWN: lambda referral, by: withdraw_referral(referral=referral, by=by),
}
ACTORS = {"sender": "caseworker_a", "receiver": "caseworker_b", "outsider": "coordinator"}


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("to_status", list(MOVES))
@pytest.mark.parametrize("from_status", list(Status))
def test_every_referral_transition_is_allowed_only_as_the_table_says(
    referred_case, persona, from_status, to_status, actor
):
    referral = referred_case
    Referral.objects.filter(pk=referral.pk).update(
        status=from_status, response_note="reason" if from_status == Status.DECLINED else ""
    )
    referral.refresh_from_db()
    allowed_side = TRANSITIONS.get((from_status, to_status))
    if allowed_side == actor:
        MOVES[to_status](referral, persona(ACTORS[actor]))
        referral.refresh_from_db()
        assert referral.status == to_status
    else:
        with pytest.raises(TransitionNotAllowed):
            MOVES[to_status](referral, persona(ACTORS[actor]))
        referral.refresh_from_db()
        assert referral.status == from_status


def test_the_table_has_exactly_the_documented_moves():
    assert set(TRANSITIONS) == {
        ("pending", "accepted"), ("pending", "declined"), ("pending", "withdrawn"),
        ("accepted", "completed"), ("accepted", "withdrawn"),
    }  # fmt: skip


def test_roles_without_case_work_cannot_move_a_referral_even_on_the_right_side(referred_case, persona, orgs):
    from kompass.organisations.models import Membership

    user = persona("frontline_a")
    assert Membership.objects.get(user=user).organisation == orgs["a"]
    with pytest.raises(TransitionNotAllowed):
        withdraw_referral(referral=referred_case, by=user)


def test_sharing_without_consent_is_refused(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    with pytest.raises(TransitionNotAllowed, match="not agreed"):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )
    assert not Referral.objects.exists()


def test_consent_for_another_service_or_organisation_is_not_enough(
    case_of_a, org_b, coordinator_org, persona
):
    offer(org_b, "medical_care", "legal_assistance")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"), service="legal_assistance")
    consent_to_share(case_of_a, coordinator_org, persona("caseworker_a"))
    with pytest.raises(TransitionNotAllowed):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_withdrawn_consent_is_not_enough(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent = consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    withdraw_consent(consent=consent, by=persona("caseworker_a"))
    with pytest.raises(TransitionNotAllowed):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_data_processing_consent_does_not_allow_sharing(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    record_consent(case=case_of_a, by=persona("caseworker_a"), purpose="data_processing")
    with pytest.raises(TransitionNotAllowed):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_withdrawing_consent_ends_open_referrals_and_the_receivers_view(referred_case, persona):
    member_b = get_membership(persona("caseworker_b"))
    assert access_for(member_b, referred_case.case).level == LIMITED
    withdraw_consent(consent=referred_case.consent, by=persona("caseworker_a"))
    referred_case.refresh_from_db()
    assert referred_case.status == Status.WITHDRAWN
    assert access_for(member_b, referred_case.case) is None


def test_referral_to_an_organisation_not_offering_the_service_is_refused(case_of_a, org_b, persona):
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    with pytest.raises(ValidationError, match="does not offer"):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_only_the_owner_can_refer(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    with pytest.raises(TransitionNotAllowed):
        send_referral(
            case=case_of_a, by=persona("caseworker_b"), to_organisation=org_b, service="medical_care"
        )
    with pytest.raises(TransitionNotAllowed):
        send_referral(case=case_of_a, by=persona("auditor"), to_organisation=org_b, service="medical_care")


def test_a_closed_case_cannot_be_referred(case_of_a, org_b, persona):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    change_stage(case=case_of_a, by=persona("caseworker_a"), to_stage="closed")
    with pytest.raises(TransitionNotAllowed):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_duplicate_open_referral_is_refused(referred_case, org_b, persona):
    with pytest.raises(TransitionNotAllowed, match="already exists"):
        send_referral(
            case=referred_case.case, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )


def test_decline_needs_a_reason(referred_case, persona):
    with pytest.raises(ValidationError):
        decline_referral(referral=referred_case, by=persona("caseworker_b"), reason="  ")


def test_response_times_are_kept(referred_case, persona, time_machine):
    time_machine.move_to(referred_case.created_at + datetime.timedelta(hours=5))
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    assert referred_case.response_time.total_seconds() == pytest.approx(5 * 3600, abs=2)
    time_machine.move_to(referred_case.created_at + datetime.timedelta(days=2))
    complete_referral(referral=referred_case, by=persona("caseworker_b"))
    assert referred_case.completion_time.days == 2


def test_notifications_go_to_the_other_side_without_case_contents(
    referred_case, persona, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_referral(referral=referred_case, by=persona("caseworker_b"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "caseworker_a@example.org" in message.to
    assert "caseworker_b@example.org" not in message.to
    assert referred_case.case.reference in message.subject
    assert "Secretescu" not in message.body and "Maria" not in message.body


def test_sending_notifies_the_receiver(case_of_a, org_b, persona, django_capture_on_commit_callbacks):
    offer(org_b, "medical_care")
    persona("caseworker_b")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    with django_capture_on_commit_callbacks(execute=True):
        send_referral(
            case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="medical_care"
        )
    assert [m.to for m in mail.outbox] == [["caseworker_b@example.org"]]


def test_transfer_moves_ownership_after_acceptance_only(case_of_a, org_b, persona):
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    referral = send_referral(
        case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, kind="transfer"
    )
    assert Case.objects.get(pk=case_of_a.pk).owner == case_of_a.owner
    accept_referral(referral=referral, by=persona("caseworker_b"))
    case = Case.objects.get(pk=case_of_a.pk)
    assert case.owner == org_b
    assert access_for(get_membership(persona("caseworker_b")), case).is_owner
    assert access_for(get_membership(persona("caseworker_a")), case) is None
    assert AuditEvent.objects.filter(action="case_transferred").count() == 1


def test_declined_transfer_leaves_ownership(case_of_a, org_b, persona):
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    referral = send_referral(
        case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, kind="transfer"
    )
    decline_referral(referral=referral, by=persona("caseworker_b"), reason="We work only in Serbia.")
    assert Case.objects.get(pk=case_of_a.pk).owner == case_of_a.owner


def test_receiver_records_service_only_under_an_accepted_referral(referred_case, persona):
    with pytest.raises(TransitionNotAllowed):
        record_referral_service(referral=referred_case, by=persona("caseworker_b"), note="Check-up")
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    with pytest.raises(TransitionNotAllowed):
        record_referral_service(referral=referred_case, by=persona("caseworker_a"), note="Check-up")
    delivery = record_referral_service(referral=referred_case, by=persona("caseworker_b"), note="Check-up")
    assert delivery.provider == referred_case.to_organisation
    assert delivery.referral_code == referred_case.code


def test_every_transition_is_audited(referred_case, persona):
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    complete_referral(referral=referred_case, by=persona("caseworker_b"))
    actions = list(
        AuditEvent.objects.filter(object_id=str(referred_case.case.code)).values_list("action", flat=True)
    )
    assert {"referral_sent", "referral_accepted", "referral_completed"} <= set(actions)


def test_other_case_need_is_refused(case_of_a, org_a, org_b, persona):
    from kompass.cases.services import assess_need

    other = make_case(org_a, persona("caseworker_a"))
    need = assess_need(case=other, by=persona("caseworker_a"), service="medical_care")
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    with pytest.raises(ValidationError):
        send_referral(case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, need=need)


def test_notifications_are_written_in_each_recipients_language(
    referred_case, persona, django_capture_on_commit_callbacks
):
    from kompass.accounts.models import User

    User.objects.filter(pk=persona("caseworker_a").pk).update(preferred_language="ro")
    persona("org_admin_a")  # English
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_referral(referral=referred_case, by=persona("caseworker_b"))
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    reference = referred_case.case.reference
    assert by_recipient[("org_admin_a@example.org",)].subject == f"Referral {reference} accepted"
    assert by_recipient[("caseworker_a@example.org",)].subject == f"Trimiterea {reference} a fost acceptată"
    assert "are acum starea: acceptată" in by_recipient[("caseworker_a@example.org",)].body
    assert "/ro/referrals/" in by_recipient[("caseworker_a@example.org",)].body
