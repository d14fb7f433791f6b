from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompass.cases.codes import Platform
from kompass.recruitment.services import CONTACT_CHANNELS

MAX_TEXT = 20000

# Where the ad was seen (ISO 3166-1 alpha-3, as the statistics use).
COUNTRIES = (
    ("", _("Not known or another country")),
    ("ROU", _("Romania")),
    ("MDA", _("Moldova")),
    ("UKR", _("Ukraine")),
    ("SRB", _("Serbia")),
    ("BGR", _("Bulgaria")),
    ("HUN", _("Hungary")),
    ("POL", _("Poland")),
    ("DEU", _("Germany")),
)


# Countries whose helplines the checker can show (the directory's hotlines), ISO 3166-1 alpha-2.
HOME_COUNTRIES = (
    ("", _("Not known or another country")),
    ("UA", _("Ukraine")),
    ("MD", _("Moldova")),
    ("RO", _("Romania")),
    ("RS", _("Serbia")),
    ("PL", _("Poland")),
    ("DE", _("Germany")),
    ("CZ", _("Czechia")),
    ("IT", _("Italy")),
    ("ES", _("Spain")),
    ("NL", _("Netherlands")),
    ("AT", _("Austria")),
    ("GB", _("United Kingdom")),
)
# Where a reader of the page most likely lives, until they say (the page's language).
HOME_COUNTRY_BY_LANGUAGE = {"uk": "UA", "ro": "RO", "sr-latn": "RS", "sr": "RS"}


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the job offer"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Paste the whole ad. It is checked here and not saved."),
    )
    title = forms.CharField(label=_("Job title"), max_length=300, required=False)
    pay = forms.CharField(label=_("Pay offered"), max_length=200, required=False)
    place = forms.CharField(label=_("Place of work"), max_length=200, required=False)
    contact_channel = forms.ChoiceField(
        label=_("How are you asked to get in touch?"), choices=CONTACT_CHANNELS, required=False
    )
    company = forms.CharField(label=_("Company named in the ad"), max_length=300, required=False)
    home_country = forms.ChoiceField(
        label=_("Where do you live?"),
        choices=HOME_COUNTRIES,
        required=False,
        help_text=_("To show the helplines of your country beside those of the country of the job."),
    )


class _AdForm(forms.Form):
    platform = forms.ChoiceField(label=_("Where did you see the ad?"), choices=Platform.choices)
    link = forms.URLField(label=_("Link to the ad"), max_length=500, required=False, assume_scheme="https")
    text = forms.CharField(
        label=_("Text of the ad"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    country = forms.ChoiceField(label=_("Country where you saw it"), choices=COUNTRIES, required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("link") or "").strip() and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Give the link to the ad or its text (or both)."))
        return data


class ReportForm(_AdForm):
    """The public report: only the ad, nothing about the person reporting it."""


class LogAdForm(_AdForm):
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices)
    country = forms.ChoiceField(label=_("Country where it was seen"), choices=COUNTRIES, required=False)
    seen_on = forms.DateField(
        label=_("Date seen"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    case_reference = forms.CharField(
        label=_("Case reference"),
        max_length=20,
        required=False,
        help_text=_("Optional: the reference of a case of your organisation that this ad belongs to."),
    )

    def clean_seen_on(self):
        seen_on = self.cleaned_data["seen_on"]
        if seen_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return seen_on


class LinkCaseForm(forms.Form):
    case_reference = forms.CharField(label=_("Case reference"), max_length=20)


class StatisticsFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    country = forms.ChoiceField(
        label=_("Country"), choices=(("", _("All countries")), *COUNTRIES[1:]), required=False
    )
