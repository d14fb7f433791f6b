from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from kompass.accounts import services
from kompass.accounts.forms import LoginForm, PasswordResetRequestForm, RecoveryCodeForm, TokenForm
from kompass.accounts.models import User
from kompass.audit.services import record_event
from kompass.lib.qr import qr_svg
from kompass.organisations.permissions import (
    get_member_for_second_factor_reset,
    get_membership,
    needs_second_factor,
    staff_required,
)

# The recovery codes just made, kept in the session until the user says they are saved (shown once).
NEW_CODES_KEY = "new_recovery_codes"


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
                request.session[NEW_CODES_KEY] = services.generate_recovery_codes(user=user)
                return redirect("accounts:recovery_codes")
            return redirect(request.session.pop("after_two_factor", "") or "core:dashboard")
        if result is services.SecondFactor.RECOVERED:
            left = services.recovery_codes_left(user)
            messages.warning(
                request,
                _(
                    "You logged in with a recovery code; %(left)s codes are left. If your phone is lost, "
                    "ask your organisation's administrator to reset your second login step, and make new "
                    "codes in Account security."
                )
                % {"left": left},
            )
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
    context = {"form": form, "enrolling": enrolling, "recovery_form": RecoveryCodeForm(auto_id="recovery_%s")}
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


@login_required
def recovery_codes(request):
    """The recovery codes just made, shown once: download, print, then confirm they are saved."""
    if needs_second_factor(request.user, request.membership):
        return redirect("accounts:two_factor")
    codes = request.session.get(NEW_CODES_KEY)
    if not codes:
        return redirect("accounts:security")
    if request.method == "POST":
        del request.session[NEW_CODES_KEY]
        messages.success(request, _("Keep your recovery codes somewhere safe, away from your phone."))
        return redirect(request.session.pop("after_two_factor", "") or "core:dashboard")
    response = render(request, "accounts/recovery_codes.html", {"codes": [_show(c) for c in codes]})
    add_never_cache_headers(response)
    return response


@login_required
def recovery_codes_download(request):
    if needs_second_factor(request.user, request.membership):
        return redirect("accounts:two_factor")
    codes = request.session.get(NEW_CODES_KEY)
    if not codes:
        return redirect("accounts:security")
    lines = [
        _("Kompass recovery codes for %(email)s") % {"email": request.user.email},
        _("Each code opens the second login step once, if you cannot use your authenticator app."),
        "",
        *[_show(c) for c in codes],
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kompass-recovery-codes.txt"'
    add_never_cache_headers(response)
    return response


def _show(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


@login_required
def security(request):
    """The user's own second factor: how many recovery codes are left, and new ones (old ones end)."""
    if needs_second_factor(request.user, request.membership) or not request.user.is_verified():
        return redirect("accounts:two_factor")
    if request.method == "POST":
        request.session[NEW_CODES_KEY] = services.generate_recovery_codes(user=request.user)
        return redirect("accounts:recovery_codes")
    return render(request, "accounts/security.html", {"left": services.recovery_codes_left(request.user)})


@staff_required("can_reset_second_factors")
def reset_second_factor(request, code):
    """An organisation administrator resets a member's second factor (lost phone), after a confirm step."""
    member = get_member_for_second_factor_reset(request.membership, code)
    if request.method == "POST":
        services.reset_second_factor(member=member, by=request.user)
        messages.success(
            request,
            _(
                "The second login step of %(name)s was reset. They set up their authenticator app at their next login."
            )
            % {"name": member.user},
        )
        return redirect(member)
    return render(request, "accounts/reset_second_factor.html", {"member": member})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view: the same answer for every address (no account enumeration); rate-limited by
    kompass.core.ratelimit (group `password_reset`); the e-mail goes through the queue."""

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view and token (expires after PASSWORD_RESET_TIMEOUT, and once used)."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        services.reset_password(form=form)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.success_url)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
