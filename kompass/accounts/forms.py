from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from kompass.accounts import services


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "The email address or the password is wrong. After several failures the account is locked for a while."
        ),
        "inactive": _("This account is inactive."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        # A recovery code ("abcd-efgh") is typed into the same step (RecoveryCodeForm's field).
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )


class RecoveryCodeForm(TokenForm):
    """The second step with a one-time recovery code instead of the phone (letters and digits)."""

    token = forms.CharField(
        label=_("Recovery code"),
        min_length=8,
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class PasswordResetRequestForm(PasswordResetForm):
    """Django's reset form; the e-mail goes out through the queue in the account's language."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def save(self, *args, **kwargs) -> None:
        services.request_password_reset(email=self.cleaned_data["email"])
