from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from kompass.accounts import services
from kompass.accounts.forms import LoginForm, TokenForm
from kompass.accounts.models import User
from kompass.audit.services import record_event
from kompass.lib.qr import qr_svg
from kompass.organisations.permissions import get_membership, needs_second_factor


def _next_url(request, default: str = "core:dashboard"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@sensitive_post_parameters("password")
def login_view(request):
    if request.user.is_authenticated and not needs_second_factor(request.user, request.membership):
        return redirect(_next_url(request))
    form = LoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            services.log_in_with_password(request=request, user=user)
            if needs_second_factor(user, get_membership(user)) or services.has_confirmed_device(user):
                request.session["after_two_factor"] = _next_url(request, "")
                return redirect("accounts:two_factor")
            return redirect(_next_url(request))
        services.record_failed_login(username=request.POST.get("username", ""))
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


def locked_out(request, response=None, credentials=None):
    """Answer of django-axes once an account has too many failed logins."""
    username = (credentials or {}).get("username", "") or request.POST.get("username", "")
    services.record_failed_login(username=username, reason="locked_out")
    return render(request, "accounts/locked_out.html", status=403)


@login_required
def two_factor(request):
    """Second factor: enrol an authenticator app by QR code the first time, then verify a code."""
    user = request.user
    if user.is_verified():
        return redirect(request.session.pop("after_two_factor", "") or "core:dashboard")
    enrolling = not services.has_confirmed_device(user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = services.verify_second_factor(request=request, user=user, token=form.cleaned_data["token"])
        if result is services.SecondFactor.ACCEPTED:
            if enrolling:
                messages.success(request, _("Your authenticator app is set up."))
            return redirect(request.session.pop("after_two_factor", "") or "core:dashboard")
        if result is services.SecondFactor.LOCKED:
            # Whoever typed the codes must start again from the password (which django-axes counts).
            logout(request)
            return render(
                request,
                "accounts/two_factor_locked.html",
                {"lockout_minutes": settings.KOMPASS_OTP_LOCKOUT_MINUTES},
                status=403,
            )
        form.add_error(
            "token", _("This code is not valid. Check the time on your phone and try the newest code.")
        )
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        device = user.totpdevice_set.filter(confirmed=False).first()
        if device is None or request.method == "GET":
            device = services.start_totp_enrolment(user=user)
        context["qr_svg"] = qr_svg(device.config_url, scale=5, dark="#111", light="#fff")
        context["secret"] = _base32(device.bin_key)
    return render(request, "accounts/two_factor.html", context)


def _base32(key: bytes) -> str:
    from base64 import b32encode

    raw = b32encode(key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        record_event(actor=request.user, action="logout", obj=request.user)
    logout(request)
    return redirect("core:home")


@sensitive_post_parameters("new_password1", "new_password2")
def accept_invitation(request, uidb64: str, token: str):
    """An invited member sets their password through the link in the invitation email."""
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/invitation_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        form.save()
        record_event(actor=user, action="password_set", obj=user)
        messages.success(request, _("Your password is set. Log in to continue."))
        return redirect("accounts:login")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invited": user})
