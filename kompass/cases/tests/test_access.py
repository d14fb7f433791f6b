"""Every case endpoint × every persona: no case data reaches anyone who should not see it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kompass.cases.services import add_attachment, add_goal, add_note, add_task, assess_need, record_consent
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.referrals.services import accept_referral, send_referral

# (name, method, kind): kind "read" for pages any viewer of the case may open, "write" for the
# owner's case roles, "admin" for the owner's organisation administrator only.
CASE_ENDPOINTS = [
    ("cases:detail", "get", "read"),
    ("cases:edit", "get", "write"),
    ("cases:identity", "get", "write"),
    ("cases:stage", "get", "write"),
    ("cases:consent_add", "get", "write"),
    ("cases:risk", "get", "write"),
    ("cases:need_add", "get", "write"),
    ("cases:plan", "get", "write"),
    ("cases:goal_add", "get", "write"),
    ("cases:service_add", "get", "write"),
    ("cases:task_add", "get", "write"),
    ("cases:note_add", "get", "write"),
    ("cases:attachment_add", "get", "write"),
    ("cases:proceeding_add", "get", "write"),
    ("cases:erase", "get", "admin"),
    ("cases:attachment", "get", "owner_read"),
    ("cases:consent_withdraw", "post", "write"),
    ("cases:need_met", "post", "write"),
    ("cases:goal_achieved", "post", "write"),
    ("cases:task_done", "post", "write"),
    ("referrals:create", "get", "write"),
]

# persona → expected status for (read, write, admin, owner_read)
EXPECTED = {
    "caseworker_a": (200, 200, 403, 200),
    "org_admin_a": (200, 200, 200, 200),
    "caseworker_b": (404, 404, 404, 404),
    "caseworker_b_with_pending_referral": (200, 403, 403, 404),
    "caseworker_b_with_accepted_referral": (200, 403, 403, 404),
    "org_admin_b": (404, 404, 404, 404),
    "coordinator": (404, 403, 403, 403),
    # Auditors read the audit trail, never a case (#13: an auditor never sees an identity).
    "auditor": (403, 403, 403, 403),
    "auditor_a": (403, 403, 403, 403),
    "frontline_a": (403, 403, 403, 403),
    "trainer_a": (403, 403, 403, 403),
    "anonymous": (302, 302, 302, 302),
}
KINDS = ("read", "write", "admin", "owner_read")


@pytest.fixture
def full_case(case_of_a, org_b, persona):
    """A case of A with one of everything; B offers medical care and the person agreed to share with B."""
    case = case_of_a
    by = persona("caseworker_a")
    offer(org_b, "medical_care")
    consent_to_share(case, org_b, by, service="medical_care")
    need = assess_need(case=case, by=by, service="medical_care", note="Needs a dentist")
    goal = add_goal(case=case, by=by, description="Safe housing")
    task = add_task(case=case, by=by, title="Call the lawyer", due_on=case.identified_on)
    add_note(case=case, by=by, text="Very private detail", level="restricted")
    add_note(case=case, by=by, text="Ordinary note text")
    consent = record_consent(case=case, by=by, purpose="contact_with_police")
    attachment = add_attachment(
        case=case,
        by=by,
        upload=SimpleUploadedFile("scan.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )
    ids = {
        "cases:consent_withdraw": consent.pk, "cases:need_met": need.pk, "cases:goal_achieved": goal.pk,
        "cases:task_done": task.pk, "cases:attachment": attachment.pk,
    }  # fmt: skip
    return case, None, ids


def _url(name, case, ids):
    if name == "referrals:create":
        return reverse(name, kwargs={"case_code": case.code})
    if name in ids:
        return reverse(name, kwargs={"code": case.code, "pk": ids[name]})
    return reverse(name, kwargs={"code": case.code})


def _refer_to_b(case, persona):
    return send_referral(
        case=case, by=persona("caseworker_a"), to_organisation=case_org_b(), service="medical_care"
    )


def case_org_b():
    from kompass.organisations.models import Organisation

    return Organisation.objects.get(name="Organisation B")


def _login(client, login, persona, name, case):
    if name.startswith("caseworker_b_with"):
        referral = _refer_to_b(case, persona)
        if name == "caseworker_b_with_accepted_referral":
            accept_referral(referral=referral, by=persona("caseworker_b"))
        return login(client, "caseworker_b")
    return login(client, name)


@pytest.mark.parametrize(("name", "method", "kind"), CASE_ENDPOINTS)
@pytest.mark.parametrize("who", list(EXPECTED))
def test_case_endpoint_access(client, login, persona, full_case, who, name, method, kind):
    case, _, ids = full_case
    _login(client, login, persona, who, case)
    response = getattr(client, method)(_url(name, case, ids))
    response.close()  # a file download holds the file open until closed
    expected = EXPECTED[who][KINDS.index(kind)]
    if method == "post" and expected == 200:
        expected = 302
    assert response.status_code == expected, (who, name)
    if who == "anonymous":
        assert "/accounts/" in response["Location"]
    if expected in (403, 404):
        body = response.content.decode()
        assert case.reference not in body and "Secretescu" not in body


@pytest.mark.parametrize("who", list(EXPECTED))
def test_case_list_shows_only_visible_cases(client, login, persona, full_case, who):
    case, _, _ = full_case
    _login(client, login, persona, who, case)
    response = client.get(reverse("cases:list"))
    if who == "anonymous":
        assert response.status_code == 302
        return
    if who in ("frontline_a", "trainer_a", "auditor", "auditor_a"):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    visible = EXPECTED[who][0] == 200
    assert (case.reference in response.content.decode()) is visible


def test_limited_view_hides_notes_consents_and_other_needs(client, login, persona, full_case):
    case, _, _ = full_case
    accept_referral(referral=_refer_to_b(case, persona), by=persona("caseworker_b"))
    login(client, "caseworker_b")
    body = client.get(case.get_absolute_url()).content.decode()
    assert "Limited view" in body
    for secret in (
        "Very private detail",
        "Ordinary note text",
        "Call the lawyer",
        "Safe housing",
        "scan.pdf",
    ):
        assert secret not in body
    assert "Secretescu" in body  # medical care needs the person's identity


def test_information_referral_shows_no_identity(client, login, persona, case_of_a, org_b):
    from kompass.cases.tests.factories import consent_to_share, offer
    from kompass.referrals.services import send_referral

    offer(org_b, "information")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    send_referral(case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="information")
    login(client, "caseworker_b")
    body = client.get(case_of_a.get_absolute_url()).content.decode()
    assert case_of_a.reference in body
    assert "Secretescu" not in body and "+40 700" not in body


@pytest.mark.parametrize("auditor", ["auditor", "auditor_a"])
def test_auditors_never_see_a_case_even_one_referred_to_their_organisation(
    client, login, persona, full_case, org_a, orgs, auditor
):
    """#13.5: the read-only auditor used to see the identity of cases referred to its organisation."""
    case, _, _ = full_case
    auditor_org = orgs["coord"] if auditor == "auditor" else org_a
    if auditor_org != case.owner:
        offer(auditor_org, "medical_care")
        consent_to_share(case, auditor_org, persona("caseworker_a"), service="medical_care")
        send_referral(
            case=case, by=persona("caseworker_a"), to_organisation=auditor_org, service="medical_care"
        )
    login(client, auditor)
    for url in (case.get_absolute_url(), reverse("cases:list"), "/api/v1/cases/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Secretescu" not in response.content.decode()


def test_every_read_is_audited_and_the_org_admin_sees_the_access_history(client, login, persona, full_case):
    from kompass.audit.models import AuditEvent

    case, _, _ = full_case
    accept_referral(referral=_refer_to_b(case, persona), by=persona("caseworker_b"))
    login(client, "caseworker_b")
    client.get(case.get_absolute_url())
    assert AuditEvent.objects.filter(
        object_id=str(case.code), action="read", actor=persona("caseworker_b")
    ).exists()
    login(client, "org_admin_a")
    body = client.get(case.get_absolute_url()).content.decode()
    assert "Who opened or changed this case" in body
    assert "caseworker_b@example.org" in body
    login(client, "caseworker_a")
    assert "Who opened or changed this case" not in client.get(case.get_absolute_url()).content.decode()


def test_export_is_for_org_admins_and_audited(client, login, full_case):
    from kompass.audit.models import AuditEvent

    case, _, _ = full_case
    login(client, "caseworker_a")
    assert client.get(reverse("cases:export")).status_code == 403
    login(client, "org_admin_a")
    response = client.get(reverse("cases:export"))
    assert response.status_code == 200
    body = response.content.decode()
    assert case.reference in body and "Secretescu" not in body
    assert AuditEvent.objects.filter(action="cases_exported").count() == 1
    login(client, "org_admin_b")
    assert case.reference not in client.get(reverse("cases:export")).content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker_a", 200),
        ("org_admin_a", 200),
        ("caseworker_b", 200),
        ("coordinator", 403),
        ("auditor", 403),
        ("auditor_a", 403),
        ("frontline_a", 403),
        ("trainer_a", 403),
        ("anonymous", 302),
    ],
)
def test_overdue_list_access(client, login, full_case, who, status):
    case, _, _ = full_case
    login(client, who)
    response = client.get(reverse("cases:overdue"))
    assert response.status_code == status
    if who in ("caseworker_b", "auditor"):
        assert case.reference not in response.content.decode()


def test_coordinator_sees_a_limited_view_only_of_cases_referred_to_the_coordinator_org(
    client, login, persona, case_of_a, coordinator_org
):
    offer(coordinator_org, "legal_assistance")
    consent_to_share(case_of_a, coordinator_org, persona("caseworker_a"))
    login(client, "coordinator")
    assert client.get(case_of_a.get_absolute_url()).status_code == 404
    send_referral(
        case=case_of_a,
        by=persona("caseworker_a"),
        to_organisation=coordinator_org,
        service="legal_assistance",
    )
    body = client.get(case_of_a.get_absolute_url()).content.decode()
    assert "Limited view" in body and case_of_a.reference in body
    assert client.get(reverse("cases:edit", kwargs={"code": case_of_a.code})).status_code == 403


@pytest.mark.parametrize("max_ids", [0, 1000])
def test_visible_to_is_the_same_with_a_literal_id_list_or_a_subquery(
    monkeypatch, persona, full_case, max_ids
):
    from kompass.cases import visibility
    from kompass.cases.models import Case
    from kompass.organisations.permissions import get_membership

    case, _, _ = full_case
    monkeypatch.setattr(visibility, "MAX_LITERAL_IDS", max_ids)
    member_b = get_membership(persona("caseworker_b"))
    assert not Case.objects.visible_to(member_b).exists()
    _refer_to_b(case, persona)
    assert list(Case.objects.visible_to(member_b)) == [case]
    assert list(Case.objects.visible_to(get_membership(persona("caseworker_a")))) == [case]
