"""Login, second factor and invitation use cases. Each records its event in the audit trail."""

from django.contrib.auth import login
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.audit.services import record_event


def log_in_with_password(*, request, user: User) -> None:
    """First factor accepted: the session is authenticated but not yet verified."""
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if user.preferred_language:
        request.session["_language"] = user.preferred_language
    record_event(actor=user, action="login_succeeded", obj=user, detail={"factor": "password"})


def record_failed_login(*, username: str, reason: str = "bad_credentials") -> None:
    user = User.objects.filter(email__iexact=username.strip()).first()
    record_event(
        actor=None, action="login_failed", obj=user, actor_label=username[:254], detail={"reason": reason}
    )


def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for the user to scan; replaces any earlier unconfirmed one."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def verify_second_factor(*, request, user: User, token: str) -> bool:
    """Check a TOTP code against the user's devices (the unconfirmed one during enrolment)."""
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "-id").first()
    if device is None:
        return False
    allowed, _ = device.verify_is_allowed()
    if allowed and device.verify_token(token.strip().replace(" ", "")):
        enrolled = not device.confirmed
        if enrolled:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        otp_login(request, device)
        record_event(actor=user, action="two_factor_enrolled" if enrolled else "login_verified", obj=user)
        return True
    record_event(actor=user, action="two_factor_failed", obj=user)
    return False


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def set_language(*, user: User, language: str) -> User:
    user.preferred_language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["preferred_language"])
    return user
