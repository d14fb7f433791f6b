from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kompass.directory.codes import SPOKEN_LANGUAGES, ServiceCode
from kompass.directory.models import Entry, Hotline


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("Any service"))] + list(ServiceCode.choices)
    )
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        choices=[("", _("Any language"))] + list(SPOKEN_LANGUAGES.items()),
    )
    near = forms.CharField(
        label=_("Near a place"),
        required=False,
        max_length=120,
        help_text=_("A city or town, in any language."),
    )
    # Filled by the "near me" button from the browser's location (rounded to about 1 km), never stored.
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    radius_km = forms.TypedChoiceField(label=_("Within"), coerce=int, initial=50, required=False, empty_value=50,
                                       choices=[(10, _("10 km")), (25, _("25 km")), (50, _("50 km")),
                                                (100, _("100 km")), (250, _("250 km"))])  # fmt: skip


class EntryForm(forms.ModelForm):
    services = forms.MultipleChoiceField(
        label=_("Services"), choices=ServiceCode.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=list(SPOKEN_LANGUAGES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description_text = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Entry
        fields = ["name", "kind", "location_confidential", "address", "city", "country", "lat", "lon", "phone", "telegram", "whatsapp",
                  "email", "hours", "valid_from", "valid_until"]  # fmt: skip
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The name as people read it in the other interface languages (optional; else `name`).
        for code, language in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language}, max_length=200, required=False,
                initial=self.instance.names.get(code, "") if self.instance.pk else "",
            )  # fmt: skip
        if self.instance.pk:
            self.fields["services"].initial = self.instance.service_list
            self.fields["languages"].initial = self.instance.language_list
            self.fields["description_text"].initial = self.instance.display_description()

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def names(self) -> dict:
        return {code: self.cleaned_data[f"name_{code}"].strip() for code, _l in settings.LANGUAGES
                if self.cleaned_data.get(f"name_{code}", "").strip()}  # fmt: skip


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Note to the organisation"), required=False, max_length=300)


class HotlineForm(forms.ModelForm):
    """Number, source and last-verified date, and the name and hours in each interface language."""

    class Meta:
        model = Hotline
        fields = [
            "number", "number_from_abroad", "purpose", "source_name", "source_url", "last_verified",
            "internal_note", "is_published",
        ]  # fmt: skip
        widgets = {
            "number": forms.TextInput(attrs={"type": "tel"}),
            "number_from_abroad": forms.TextInput(attrs={"type": "tel"}),
            "last_verified": forms.DateInput(attrs={"type": "date"}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
        }

    source_url = forms.URLField(
        label=_("Source page"), max_length=500, required=False, assume_scheme="https",
        help_text=_("The official page where it is published."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in settings.LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language}, max_length=200, required=code == "en",
                initial=self.instance.name.get(code, "") if self.instance.pk else "",
            )  # fmt: skip
        for code, language in settings.LANGUAGES:
            self.fields[f"hours_{code}"] = forms.CharField(
                label=_("Opening hours (%(language)s)") % {"language": language}, max_length=100, required=False,
                initial=self.instance.hours.get(code, "") if self.instance.pk else "",
            )  # fmt: skip

    def _per_language(self, prefix: str) -> dict:
        return {code: self.cleaned_data[f"{prefix}_{code}"].strip() for code, _l in settings.LANGUAGES
                if self.cleaned_data.get(f"{prefix}_{code}", "").strip()}  # fmt: skip

    def names(self) -> dict:
        return self._per_language("name")

    def hours(self) -> dict:
        return self._per_language("hours")


class CapacityForm(forms.Form):
    """One service's declared capacity, as the organisation's staff update it."""

    service = forms.ChoiceField(choices=ServiceCode.choices, widget=forms.HiddenInput)
    places_free = forms.IntegerField(
        label=_("Places free"), required=False, min_value=0, max_value=10000,
        help_text=_("How many more people you can take now; 0 shows you as full. Leave empty if you do not count places."),
    )  # fmt: skip
    accepts_referrals = forms.BooleanField(label=_("We take referrals for this service now"), required=False)
