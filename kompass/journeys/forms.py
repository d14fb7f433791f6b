import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.directory.codes import SPOKEN_LANGUAGES, ServiceCode
from kompass.directory.models import Entry
from kompass.journeys.models import Journey
from kompass.lib.places import Place, PlaceNotFound, point_place, resolve_place
from kompass.organisations.models import Organisation

POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
PLAN_LANGUAGES = ["uk", "ru", "ro", "en", "pl", "sr", "hu", "sk", "de"]
MAX_STOPS = 3


def resolve_waypoint(text: str) -> Place:
    """A place name in any language, or a map point typed as "lat, lon"."""
    match = POINT.match(text)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return point_place(lat, lon)
    return resolve_place(text)


class PlanForm(forms.Form):
    origin = forms.CharField(
        label=_("Where do you start?"),
        max_length=120,
        help_text=_("A city or town, in any language, or a map point as “latitude, longitude”."),
    )
    stop_1 = forms.CharField(label=_("Stop 1 (optional)"), max_length=120, required=False)
    stop_2 = forms.CharField(label=_("Stop 2 (optional)"), max_length=120, required=False)
    stop_3 = forms.CharField(label=_("Stop 3 (optional)"), max_length=120, required=False)
    destination = forms.CharField(label=_("Where are you going?"), max_length=120)
    start_date = forms.DateField(
        label=_("Departure date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Arrival date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    with_children = forms.BooleanField(label=_("I am travelling with children"), required=False)
    needs = forms.MultipleChoiceField(
        label=_("What help might you need?"),
        choices=ServiceCode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    only_needs = forms.BooleanField(label=_("Show only places that offer what I need"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=[(code, SPOKEN_LANGUAGES[code]) for code in PLAN_LANGUAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    corridor_km = forms.TypedChoiceField(
        label=_("How far from the route may a support point be?"),
        choices=[(10, _("10 km")), (25, _("25 km")), (50, _("50 km"))],
        coerce=int,
        initial=25,
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        self.places: list[Place] = []
        self.suggestions: dict[str, list[Place]] = {}
        for name in ["origin", *[f"stop_{i}" for i in range(1, MAX_STOPS + 1)], "destination"]:
            text = (data.get(name) or "").strip()
            if not text:
                continue
            try:
                self.places.append(resolve_waypoint(text))
            except PlaceNotFound as exc:
                self.suggestions[name] = exc.suggestions
                self.add_error(name, _("We do not know the place “%(name)s”.") % {"name": text})
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The arrival date is before the departure date."))
        return data


class FollowForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Which organisation should follow your journey?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
    )
    nickname = forms.CharField(
        label=_("Nickname"),
        max_length=60,
        help_text=_("Not your real name: just what the worker should call you."),
    )
    contact_channel = forms.ChoiceField(label=_("How can they reach you?"), choices=Journey.Channel.choices)
    contact_value = forms.CharField(
        label=_("Your number, username or address on that channel"), max_length=120
    )
    consent = forms.BooleanField(
        label=_("I agree that Kompass keeps exactly this, for as long as explained above.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_entries = Entry.objects.current().values("organisation_id")
        self.fields["organisation"].queryset = Organisation.objects.filter(
            is_active=True, pk__in=with_entries
        )


class LegForm(forms.Form):
    origin = forms.CharField(label=pgettext_lazy("journey", "From"), max_length=120)
    destination = forms.CharField(label=pgettext_lazy("journey", "To"), max_length=120)
    expected_arrival = forms.DateTimeField(
        label=_("Expected arrival"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


LegFormSet = forms.formset_factory(
    LegForm, extra=0, min_num=1, max_num=6, validate_min=True, validate_max=True
)
# Without a plan to start from: one leg to fill in and three more that may stay empty.
BlankLegFormSet = forms.formset_factory(
    LegForm, extra=3, min_num=1, max_num=6, validate_min=True, validate_max=True
)


class AwarenessPageForm(forms.Form):
    """One title, summary and text box per interface language."""

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name}, max_length=200, required=code == "en",
                initial=(page.title.get(code, "") if page else ""))  # fmt: skip
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary (%(language)s)") % {"language": name}, max_length=400, required=False,
                initial=(page.summary.get(code, "") if page else ""))  # fmt: skip
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name}, required=code == "en",
                widget=forms.Textarea(attrs={"rows": 10}), initial=(page.body.get(code, "") if page else ""),
                help_text=_("Paragraphs separated by an empty line; lines starting with “- ” become a list."))  # fmt: skip
        for code, name in settings.LANGUAGES:
            self.fields[f"authority_{code}"] = forms.CharField(
                label=_("Where to apply (%(language)s)") % {"language": name}, max_length=300, required=False,
                initial=(page.authority.get(code, "") if page else ""),
                help_text=_("Rights pages: the authority that receives applications."))  # fmt: skip
        self.fields["authority_url"] = forms.URLField(
            label=_("Official page of that authority"), required=False, assume_scheme="https",
            initial=page.authority_url if page else "")  # fmt: skip
        self.fields["source_name"] = forms.CharField(
            label=_("Source"), max_length=200, required=False, initial=page.source_name if page else "",
            help_text=_("The organisation or official page the facts on this page come from."))  # fmt: skip
        self.fields["source_url"] = forms.URLField(
            label=_("Source page"),
            required=False,
            assume_scheme="https",
            initial=page.source_url if page else "",
        )
        self.fields["last_verified"] = forms.DateField(
            label=_("Last verified"), required=False, initial=page.last_verified if page else None,
            widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
        self.fields["internal_note"] = forms.CharField(
            label=_("Internal note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
            initial=page.internal_note if page else "",
            help_text=_("For the coordinator only; never shown on a public page."))  # fmt: skip
        self.fields["is_published"] = forms.BooleanField(
            label=_("Published"), required=False, initial=page.is_published if page else True
        )

    def per_language(self, prefix: str) -> dict:
        return {code: self.cleaned_data[f"{prefix}_{code}"].strip() for code, _n in settings.LANGUAGES
                if self.cleaned_data.get(f"{prefix}_{code}", "").strip()}  # fmt: skip


class InfoSessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_url"):
            raise forms.ValidationError(_("Give a place or an online link."))
        return data
