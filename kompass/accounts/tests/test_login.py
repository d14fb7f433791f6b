import pytest
import time_machine
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from kompass.audit.models import AuditEvent


def _totp_now(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def _password_step(client, user, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": user.email, "password": password})


@pytest.mark.django_db
def test_case_data_role_must_give_second_factor_before_any_staff_page(client, persona):
    user = persona("caseworker_a")
    response = _password_step(client, user)
    assert response.status_code == 302 and response.url == reverse("accounts:two_factor")
    for name in ["core:dashboard", "audit:list", "organisations:mine"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url == reverse("accounts:two_factor")
    device = user.totpdevice_set.get()
    response = client.post(reverse("accounts:two_factor"), {"token": _totp_now(device)})
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.django_db
def test_first_login_enrols_authenticator_by_qr_code(client, persona):
    user = persona("org_admin_a")
    user.totpdevice_set.all().delete()
    _password_step(client, user)
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"token": _totp_now(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="two_factor_enrolled", actor=user).exists()


@pytest.mark.django_db
def test_wrong_code_is_refused_and_audited(client, persona):
    user = persona("caseworker_a")
    _password_step(client, user)
    response = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert response.status_code == 200
    assert client.get(reverse("core:dashboard")).status_code == 302
    assert AuditEvent.objects.filter(action="two_factor_failed", actor=user).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["frontline_a", "trainer_a"])
def test_frontline_and_trainer_must_set_up_a_second_factor(client, persona, who):
    """#13.3: with the password only, a frontline user read travellers' phone numbers on the board."""
    user = persona(who)
    user.totpdevice_set.all().delete()
    response = _password_step(client, user)
    assert response["Location"] == reverse("accounts:two_factor")
    for url in (reverse("core:dashboard"), reverse("journeys:board")):
        assert client.get(url)["Location"] == reverse("accounts:two_factor")


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["frontline_a", "trainer_a"])
def test_a_confirmed_device_is_never_skipped(client, persona, who):
    user = persona(who)
    assert _password_step(client, user)["Location"] == reverse("accounts:two_factor")
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("accounts:two_factor")


@pytest.mark.django_db
def test_login_success_and_failure_are_audited_with_address(client, persona):
    user = persona("caseworker_a")
    _password_step(client, user, password="wrong-password-123")
    _password_step(client, user)
    failed = AuditEvent.objects.get(action="login_failed")
    assert failed.actor is None and failed.actor_label == user.email and failed.ip_address == "127.0.0.1"
    ok = AuditEvent.objects.get(action="login_succeeded")
    assert ok.actor == user and ok.organisation == user.memberships.get().organisation


@pytest.mark.django_db
def test_account_locks_after_repeated_failures(client, persona, settings):
    user = persona("caseworker_a")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _password_step(client, user, password="wrong-password-123")
    response = _password_step(client, user)  # even the right password is refused now
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login_failed", detail__reason="locked_out").exists()


@pytest.mark.django_db
def test_session_expires_after_inactivity_but_not_while_used(client, login, settings):
    idle = settings.SESSION_COOKIE_AGE
    with time_machine.travel("2026-05-04 09:00", tick=False) as clock:
        login(client, "caseworker_a")
        assert client.get(reverse("core:dashboard")).status_code == 200
        clock.shift(idle - 120)
        assert client.get(reverse("core:dashboard")).status_code == 200  # still active: renewed
        clock.shift(idle - 120)
        assert client.get(reverse("core:dashboard")).status_code == 200
        clock.shift(idle + 1)
        response = client.get(reverse("core:dashboard"))
        assert response.status_code == 302 and reverse("accounts:login") in response.url


@pytest.mark.django_db
def test_weak_password_is_rejected_by_validators(persona):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("password123", persona("caseworker_a"))


@pytest.mark.django_db
def test_admin_requires_verified_coordinator(client, persona, login):
    user = login(client, "coordinator")
    user.is_staff = True
    user.save()
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")  # password only
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["coordinator", "auditor", "org_admin_a", "caseworker_a"])
def test_password_step_of_staff_and_case_roles_leads_to_the_second_factor(client, persona, name):
    user = persona(name)
    user.is_staff = name == "coordinator"
    user.save()
    user.totpdevice_set.all().delete()  # even before enrolment
    response = _password_step(client, user)
    assert response.status_code == 302 and response.url == reverse("accounts:two_factor")
    assert client.get(reverse("core:dashboard")).url == reverse("accounts:two_factor")


@pytest.mark.django_db
def test_second_factor_locks_after_repeated_wrong_codes(client, persona, settings):
    """#13.8: wrong codes used to be retried for ever (only slowed down)."""
    settings.KOMPASS_OTP_FAILURE_LIMIT = 3
    user = persona("caseworker_a")
    device = user.totpdevice_set.get()
    with time_machine.travel("2026-12-01 10:00:00+00:00", tick=False) as traveller:
        _password_step(client, user)
        for _ in range(2):
            assert client.post(reverse("accounts:two_factor"), {"token": "000000"}).status_code == 200
            traveller.shift(60)  # past django-otp's growing delay
        response = client.post(reverse("accounts:two_factor"), {"token": "000000"})
        assert response.status_code == 403
        assert client.get(reverse("core:dashboard"))["Location"].startswith(reverse("accounts:login"))
        # Even the right code is refused now, from a new login.
        traveller.shift(60)
        _password_step(client, user)
        assert client.post(reverse("accounts:two_factor"), {"token": _totp_now(device)}).status_code == 403
        assert AuditEvent.objects.filter(action="two_factor_locked", actor=user).exists()
        traveller.shift(settings.KOMPASS_OTP_LOCKOUT_MINUTES * 60 + 1)
        _password_step(client, user)
        assert client.post(reverse("accounts:two_factor"), {"token": _totp_now(device)}).status_code == 302
        assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.django_db
def test_the_session_key_changes_when_the_second_factor_is_accepted(client, persona):
    """#13.9: a session identifier known before the second factor must be worthless after it."""
    user = persona("caseworker_a")
    _password_step(client, user)
    before = client.session.session_key
    client.post(reverse("accounts:two_factor"), {"token": _totp_now(user.totpdevice_set.get())})
    after = client.session.session_key
    assert after and after != before
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=before).exists()
