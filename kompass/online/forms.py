from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kompass.online.uploads import refuse_embedded_files
from kompass.screening.models import OnlineConcern, ReportPlatform, Subject

COUNTRY_CHOICES = [
    ("RO", _("Romania")),
    ("MD", _("Moldova")),
    ("RS", _("Serbia")),
    ("UA", _("Ukraine")),
]
# The country most readers of each language are in (the form and the help pages start there).
DEFAULT_COUNTRY = {"ro": "RO", "uk": "UA", "ru": "MD", "sr-latn": "RS", "en": "RO"}
SUBJECT_CHOICES = [*Subject.choices, ("", _("I don't know"))]
MAX_TEXT = 4000


class OnlineReportForm(forms.Form):
    """Report online exploitation to the national coordinator. Text only: never a file or an image."""

    platform = forms.ChoiceField(
        label=_("Where did it happen?"), choices=[("", "—"), *ReportPlatform.choices]
    )
    platform_account = forms.CharField(
        label=_("Account name or link"),
        max_length=500,
        required=False,
        validators=[refuse_embedded_files],
        help_text=_("The profile, channel, group or post: its name or its link. It helps the platform act."),
    )
    concern = forms.ChoiceField(
        label=_("What is it about?"),
        choices=OnlineConcern.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what it is about.")},
    )
    subject = forms.ChoiceField(
        label=_("Is the person who was harmed under 18?"),
        choices=SUBJECT_CHOICES,
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    observations = forms.CharField(
        label=_("What happened?"),
        max_length=MAX_TEXT,
        validators=[refuse_embedded_files],
        error_messages={"required": _("Describe what happened, in words.")},
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_TEXT}),
        help_text=_("In your own words: what was said or asked, and when. Never attach or paste images."),
    )
    country = forms.ChoiceField(label=_("Country you are in"), choices=COUNTRY_CHOICES)
    region = forms.CharField(label=_("Town or region"), max_length=120, required=False)
    reporter_role = forms.CharField(
        label=_("Who are you?"),
        max_length=200,
        required=False,
        help_text=_("For example: a pupil, a parent, a teacher, a social worker."),
    )
    reporter_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    reporter_phone = forms.CharField(
        label=_("Your phone"), max_length=40, required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    reporter_email = forms.EmailField(label=_("Your e-mail"), required=False)
    # A field people never see (hidden by CSS) but form-filling robots do: a filled one is refused.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""

    def clean_platform_account(self):
        value = self.cleaned_data.get("platform_account", "").strip()
        if "://" in value and not value.lower().startswith(("http://", "https://")):
            raise ValidationError(_("Give a web link (https://…) or the account's name."))
        return value

    def report_fields(self) -> dict:
        """The keyword arguments of `screening.services.send_report` for this report."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "website"}
        return {**data, "sector": "online"}
