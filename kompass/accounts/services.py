"""Login, second factor and invitation use cases. Each records its event in the audit trail."""

import datetime
import enum

from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.utils import timezone
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


class SecondFactor(enum.Enum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    LOCKED = "locked"


def second_factor_locked(device: TOTPDevice, *, now: datetime.datetime | None = None) -> bool:
    """Too many wrong codes in a row: no code is checked until the cool-off has passed.

    The count is the device's own (django-otp's throttling), so it holds across sessions and logins.
    """
    if device.throttling_failure_count < settings.KOMPASS_OTP_FAILURE_LIMIT:
        return False
    last = device.throttling_failure_timestamp
    cooloff = datetime.timedelta(minutes=settings.KOMPASS_OTP_LOCKOUT_MINUTES)
    return last is not None and (now or timezone.now()) < last + cooloff


@transaction.atomic
def verify_second_factor(*, request, user: User, token: str) -> SecondFactor:
    """Check a TOTP code against the user's devices (the unconfirmed one during enrolment).

    A wrong code counts against the device; after KOMPASS_OTP_FAILURE_LIMIT of them the second
    factor is locked for KOMPASS_OTP_LOCKOUT_MINUTES. On success the session gets a new key, so a
    session identifier planted or seen before the second factor is worth nothing after it.
    """
    device = TOTPDevice.objects.select_for_update().filter(user=user).order_by("-confirmed", "-id").first()
    if device is None:
        return SecondFactor.REFUSED
    if second_factor_locked(device):
        record_event(actor=user, action="two_factor_locked", obj=user)
        return SecondFactor.LOCKED
    allowed, _ = device.verify_is_allowed()
    if allowed and device.verify_token(token.strip().replace(" ", "")):
        enrolled = not device.confirmed
        if enrolled:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        otp_login(request, device)
        request.session.cycle_key()
        record_event(actor=user, action="two_factor_enrolled" if enrolled else "login_verified", obj=user)
        return SecondFactor.ACCEPTED
    if not allowed:
        # A code sent during django-otp's growing delay counts as a failure too.
        device.throttle_increment()
    record_event(actor=user, action="two_factor_failed", obj=user)
    if second_factor_locked(device):
        record_event(actor=user, action="two_factor_locked", obj=user)
        return SecondFactor.LOCKED
    return SecondFactor.REFUSED


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def update_preferences(*, user: User, preferred_language: str, time_zone: str) -> User:
    """The user's own language and time zone (blank: their organisation's). Audited."""
    before = {"preferred_language": user.preferred_language, "time_zone": user.time_zone}
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean(exclude=["password"])
    user.save(update_fields=["preferred_language", "time_zone"])
    changed = {k: getattr(user, k) for k, v in before.items() if getattr(user, k) != v}
    if changed:
        record_event(actor=user, action="preferences_changed", obj=user, detail=changed)
    return user


@transaction.atomic
def set_language(*, user: User, language: str) -> User:
    user.preferred_language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["preferred_language"])
    return user
