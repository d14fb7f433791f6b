"""Login, second factor, recovery codes, password reset and invitation use cases. Each records its
event in the audit trail."""

import datetime
import enum

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.audit.services import record_event
from kompass.ops.tasks import queue_mail

# One-time recovery codes (django-otp's static device): how many, and the device's name.
RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


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
    # Accepted with a one-time recovery code (the phone may be lost): the view says so.
    RECOVERED = "recovered"
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
    """Check a TOTP code against the user's devices (the unconfirmed one during enrolment), or a
    one-time recovery code (letters and digits) once an authenticator is confirmed.

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
    code = token.strip().replace(" ", "").replace("-", "").lower()
    if device.confirmed and code and not code.isdigit():
        return _verify_recovery_code(request=request, user=user, code=code, device=device)
    allowed, _reason = device.verify_is_allowed()
    if allowed and device.verify_token(code):
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


def _verify_recovery_code(*, request, user: User, code: str, device: TOTPDevice) -> SecondFactor:
    """A recovery code is used once (django-otp's static device deletes it); a wrong one counts
    against the authenticator's failures like a wrong six-digit code."""
    recovery = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if recovery is not None and recovery.verify_token(code):
        otp_login(request, recovery)
        request.session.cycle_key()
        record_event(
            actor=user, action="login_recovery_code", obj=user, detail={"left": recovery.token_set.count()}
        )
        return SecondFactor.RECOVERED
    device.throttle_increment()
    record_event(actor=user, action="two_factor_failed", obj=user, detail={"kind": "recovery_code"})
    if second_factor_locked(device):
        record_event(actor=user, action="two_factor_locked", obj=user)
        return SecondFactor.LOCKED
    return SecondFactor.REFUSED


@transaction.atomic
def generate_recovery_codes(*, user: User) -> list[str]:
    """New one-time recovery codes for the user; the earlier ones stop working at once.

    The codes are returned to be shown once (and downloaded or printed); each opens the second
    login step once, for the day the phone with the authenticator is lost.
    """
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    record_event(actor=user, action="recovery_codes_generated", obj=user, detail={"count": len(codes)})
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset_second_factor(*, member, by: User) -> None:
    """An organisation administrator resets the second factor of a member who lost their phone.

    The member's authenticator and recovery codes are removed: their open sessions lose the second
    factor at the next request and they enrol a new authenticator at the next login. The member is
    told by e-mail (in their language), so that a reset they did not ask for does not go unnoticed.
    """
    user = member.user
    removed = (
        TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
    )
    record_event(
        actor=by,
        action="second_factor_reset",
        obj=user,
        organisation=member.organisation,
        detail={"member": str(member.code), "devices_removed": removed},
    )
    transaction.on_commit(lambda: _send_second_factor_reset(user=user, by=by))


def _send_second_factor_reset(*, user: User, by: User) -> None:
    with translation.override(user.preferred_language):
        queue_mail(
            subject=_("Your Kompass second login step was reset"),
            body=render_to_string(
                "emails/second_factor_reset.txt",
                {"user": user, "by": by, "login": settings.SITE_URL + reverse("accounts:login")},
            ),
            recipients=[user.email],
        )


def password_reset_link(user: User) -> str:
    """The link that sets a new password; Django's token: it expires after PASSWORD_RESET_TIMEOUT
    and once the password has changed or the user has logged in since."""
    return settings.SITE_URL + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def request_password_reset(*, email: str) -> None:
    """Send a reset link to the account with this address, if there is one (Django's rule: active,
    with a usable password). The caller answers the same whether or not there is one: nobody learns
    from the page which addresses have an account; the audit trail records both."""
    users = list(PasswordResetForm().get_users(email))
    for user in users:
        with translation.override(user.preferred_language):
            queue_mail(
                subject=_("Reset your Kompass password"),
                body=render_to_string(
                    "emails/password_reset.txt",
                    {
                        "user": user,
                        "link": password_reset_link(user),
                        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
                    },
                ),
                recipients=[user.email],
            )
    record_event(
        actor=None,
        action="password_reset_requested",
        obj=users[0] if users else None,
        actor_label=email[:254],
        detail={"known": bool(users)},
    )


@transaction.atomic
def reset_password(*, form: SetPasswordForm) -> User:
    """Set the new password from a valid reset link (Django's SetPasswordForm). Other sessions end
    (Django's session hash); the second factor is unchanged."""
    user = form.save()
    record_event(actor=user, action="password_reset_completed", obj=user)
    return user


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def set_language(*, user: User, language: str) -> User:
    user.preferred_language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["preferred_language"])
    return user
