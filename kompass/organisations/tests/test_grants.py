"""Who may give which role (#13.1, #13.2): global roles only from the coordinator, audited, announced."""

import pytest
from django.core import mail
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.organisations.models import Membership


def _invite(client, organisation, role, **extra):
    data = {"email": f"new-{role}@example.org", "role": role, "language": "en", **extra}
    return client.post(reverse("organisations:invite", kwargs={"code": organisation.code}), data)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["auditor", "coordinator"])
def test_org_admin_can_neither_offer_nor_give_a_global_role(client, login, org_a, role):
    login(client, "org_admin_a")
    page = client.get(reverse("organisations:invite", kwargs={"code": org_a.code})).content.decode()
    assert f'value="{role}"' not in page
    response = _invite(client, org_a, role, audit_scope="platform")
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email=f"new-{role}@example.org").exists()


@pytest.mark.django_db
def test_org_admin_cannot_turn_a_member_into_an_auditor(client, login, persona):
    member = persona("caseworker_a").memberships.get()
    login(client, "org_admin_a")
    url = reverse("organisations:member", kwargs={"code": member.code})
    assert 'value="auditor"' not in client.get(url).content.decode()
    client.post(url, {"role": "auditor", "audit_scope": "platform"})
    member.refresh_from_db()
    assert member.role == "caseworker" and member.audit_scope == ""


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["caseworker", "frontline", "trainer"])
def test_coordinator_never_creates_a_case_role_in_an_organisation(client, login, org_a, role):
    login(client, "coordinator")
    response = _invite(client, org_a, role)
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email=f"new-{role}@example.org").exists()


@pytest.mark.django_db
def test_coordinator_invites_only_the_first_admin_and_the_organisation_is_told(
    client, login, persona, org_a, django_capture_on_commit_callbacks
):
    login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, org_a, "org_admin")
    assert response.status_code == 302
    first = Membership.objects.get(user__email="new-org_admin@example.org")
    assert first.role == "org_admin" and first.organisation == org_a
    event = AuditEvent.objects.get(action="member_invited", object_id=str(first.code))
    assert event.detail["by_coordinator"] is True and event.organisation == org_a
    assert any("national coordinator" in m.subject and org_a.name in m.subject for m in mail.outbox)
    # Now the organisation has an administrator: its own admin invites the next ones.
    response = _invite(client, org_a, "org_admin", email="second@example.org")
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="second@example.org").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("scope", ["organisation", "platform"])
def test_coordinator_grants_an_auditor_with_an_explicit_scope(
    client, login, org_a, scope, django_capture_on_commit_callbacks
):
    org_a.email = "office@org-a.example.org"
    org_a.save(update_fields=["email"])
    login(client, "coordinator")
    assert _invite(client, org_a, "auditor").status_code == 200  # no scope: refused
    assert not Membership.objects.filter(role="auditor", organisation=org_a).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert _invite(client, org_a, "auditor", audit_scope=scope).status_code == 302
    auditor = Membership.objects.get(role="auditor", organisation=org_a)
    assert auditor.audit_scope == scope
    event = AuditEvent.objects.get(action="member_invited", object_id=str(auditor.code))
    assert event.detail["audit_scope"] == scope
    told = [m for m in mail.outbox if org_a.name in m.subject]
    assert told and told[0].to == ["office@org-a.example.org"] and "auditor" in told[0].body.lower()
    page = client.get(auditor.get_absolute_url()).content.decode()
    assert str(Membership.AuditScope(scope).label).replace("'", "&#x27;") in page


@pytest.mark.django_db
def test_coordinator_cannot_turn_an_auditor_into_a_caseworker_nor_revive_a_case_role(client, login, persona):
    login(client, "coordinator")
    auditor = persona("auditor_a").memberships.get()
    client.post(reverse("organisations:member", kwargs={"code": auditor.code}), {"role": "caseworker"})
    auditor.refresh_from_db()
    assert auditor.role == "auditor"
    caseworker = persona("caseworker_a").memberships.get()
    client.post(reverse("organisations:member_active", kwargs={"code": caseworker.code}), {"active": "0"})
    caseworker.refresh_from_db()
    assert not caseworker.is_active  # a stolen account can be stopped by the coordinator…
    client.post(reverse("organisations:member_active", kwargs={"code": caseworker.code}), {"active": "1"})
    caseworker.refresh_from_db()
    assert not caseworker.is_active  # …but only its organisation brings it back


@pytest.mark.django_db
def test_org_admin_cannot_touch_the_auditor_of_its_organisation(client, login, persona):
    auditor = persona("auditor_a").memberships.get()
    login(client, "org_admin_a")
    url = reverse("organisations:member_active", kwargs={"code": auditor.code})
    assert client.post(url, {"active": "0"}).status_code == 403
    auditor.refresh_from_db()
    assert auditor.is_active


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["add", "change"])
def test_the_admin_membership_editor_is_read_only(client, login, persona, page):
    user = login(client, "coordinator")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    member = persona("caseworker_a").memberships.get()
    if page == "add":
        url = reverse("admin:organisations_membership_add")
        data = {"user": persona("trainer_a").pk, "organisation": member.organisation_id, "role": "caseworker"}
    else:
        url = reverse("admin:organisations_membership_change", args=[member.pk])
        data = {"user": member.user_id, "organisation": member.organisation_id, "role": "auditor"}
    client.post(url, data)
    member.refresh_from_db()
    assert member.role == "caseworker"
    assert Membership.objects.filter(user=persona("trainer_a")).get().role == "trainer"
    assert client.get(reverse("admin:organisations_membership_changelist")).status_code == 200


@pytest.mark.django_db
def test_the_admin_cannot_make_another_organisation_the_coordinator(client, login, org_a):
    user = login(client, "coordinator")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    url = reverse("admin:organisations_organisation_change", args=[org_a.pk])
    page = client.get(url).content.decode()
    assert 'name="is_national_coordinator"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona_name", "sees_other_organisations", "statistics"),
    [("auditor", True, 200), ("auditor_a", False, 403), ("org_admin_a", False, 403)],
)
def test_the_auditor_reads_the_trail_of_its_scope_only(
    client, login, persona, org_b, persona_name, sees_other_organisations, statistics
):
    from kompass.audit.services import record_event

    record_event(actor=persona("caseworker_b"), action="marker_of_b", organisation=org_b)
    login(client, persona_name)
    body = client.get(reverse("audit:list")).content.decode()
    assert ("marker_of_b" in body) is sees_other_organisations
    assert client.get(reverse("stats:report")).status_code == statistics
