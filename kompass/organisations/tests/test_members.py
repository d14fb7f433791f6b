import pytest
from django.core import mail
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.organisations.models import Membership


@pytest.mark.django_db
def test_org_admin_invites_member_and_invitation_sets_password(
    client, login, org_a, django_capture_on_commit_callbacks
):
    login(client, "org_admin_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations:invite", kwargs={"code": org_a.code}),
            {
                "email": "New.Person@Example.org",
                "full_name": "New Person",
                "role": "caseworker",
                "language": "uk",
            },
        )
    assert response.status_code == 302
    member = Membership.objects.get(user__email="new.person@example.org")
    assert member.organisation == org_a and member.role == "caseworker"
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    response = client.post(
        "/" + path, {"new_password1": "a-long-and-new-pass-77", "new_password2": "a-long-and-new-pass-77"}
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("a-long-and-new-pass-77")
    assert AuditEvent.objects.filter(action="member_invited", organisation=org_a).exists()


@pytest.mark.django_db
def test_org_admin_cannot_invite_into_other_organisation(client, login, org_b):
    login(client, "org_admin_a")
    response = client.post(
        reverse("organisations:invite", kwargs={"code": org_b.code}),
        {"email": "x@example.org", "role": "caseworker", "language": "en"},
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user__email="x@example.org").exists()


@pytest.mark.django_db
def test_org_admin_cannot_make_a_coordinator(client, login, org_a):
    login(client, "org_admin_a")
    response = client.post(
        reverse("organisations:invite", kwargs={"code": org_a.code}),
        {"email": "boss@example.org", "role": "coordinator", "language": "en"},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__email="boss@example.org").exists()


@pytest.mark.django_db
def test_role_change_and_deactivation_are_audited(client, login, persona):
    login(client, "org_admin_a")
    member = persona("caseworker_a").memberships.get()
    client.post(reverse("organisations:member", kwargs={"code": member.code}), {"role": "trainer"})
    client.post(reverse("organisations:member_active", kwargs={"code": member.code}), {"active": "0"})
    member.refresh_from_db()
    assert member.role == "trainer" and not member.is_active
    actions = set(AuditEvent.objects.filter(object_id=str(member.code)).values_list("action", flat=True))
    assert actions == {"member_role_changed", "member_deactivated"}


@pytest.mark.django_db
def test_org_admin_of_b_cannot_change_member_of_a(client, login, persona):
    member = persona("caseworker_a").memberships.get()
    login(client, "org_admin_b")
    response = client.post(
        reverse("organisations:member_active", kwargs={"code": member.code}), {"active": "0"}
    )
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.is_active


@pytest.mark.django_db
def test_coordinator_creates_organisation(client, login):
    login(client, "coordinator")
    response = client.post(
        reverse("organisations:create"),
        {"name": "New NGO", "country": "md", "city": "Chișinău", "kind": "ngo"},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="organisation_created").exists()


@pytest.mark.django_db
def test_bad_country_code_is_a_form_error(client, login):
    login(client, "coordinator")
    response = client.post(
        reverse("organisations:create"), {"name": "X", "country": "R1", "city": "", "kind": "ngo"}
    )
    assert response.status_code == 200
    assert b"errorlist" in response.content


@pytest.mark.django_db
def test_only_active_coordinators_get_the_admin_site(client, login, coordinator_org):
    login(client, "coordinator")
    client.post(
        reverse("organisations:invite", kwargs={"code": coordinator_org.code}),
        {"email": "deputy@example.org", "role": "coordinator", "language": "ro"},
    )
    member = Membership.objects.get(user__email="deputy@example.org")
    assert member.user.is_staff
    client.post(
        reverse("organisations:member", kwargs={"code": member.code}),
        {"role": "auditor", "audit_scope": "platform"},
    )
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert member.role == "auditor" and not member.user.is_staff


@pytest.mark.django_db
def test_coordinator_configures_in_the_admin_but_sees_no_case_data(client, login):
    user = login(client, "coordinator")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    assert client.get(reverse("admin:organisations_organisation_changelist")).status_code == 200
    assert client.get(reverse("admin:directory_hotline_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    assert not user.has_perm("audit.delete_auditevent")
    assert not user.has_perm("cases.view_case")
    assert not user.has_perm("accounts.change_user")


@pytest.mark.django_db
def test_staff_flag_alone_gives_no_admin_permission(client, login):
    user = login(client, "org_admin_a")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    assert not user.has_perm("organisations.change_organisation")
    assert client.get(reverse("admin:organisations_organisation_changelist")).status_code == 403
