from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from kompass.accounts import services
from kompass.organisations.models import available_time_zones


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


class PreferencesForm(forms.Form):
    """A user's own language and time zone; the zone's empty choice is the organisation's."""

    preferred_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Times on every page, in downloads and in e-mails to you are shown in this zone."),
    )

    def __init__(self, *args, organisation_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        own = _("Your organisation's time zone (%(zone)s)") % {"zone": organisation_zone}
        zones = sorted(
            z for z in available_time_zones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))
        )
        self.fields["time_zone"].choices = [("", own), *((z, z.replace("_", " ")) for z in zones)]
        self.fields["time_zone"].error_messages["invalid_choice"] = _(
            "Unknown time zone: choose one from the list, such as Europe/Belgrade."
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
