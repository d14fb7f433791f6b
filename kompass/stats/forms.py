"""The annual report's choices: year, country (from a list, names in the reader's language) and the
disclosure control (plain words; the privacy budget under "advanced")."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kompass.directory.codes import country_name
from kompass.organisations.models import Organisation
from kompass.stats import countries
from kompass.stats.report import REGIONAL

SUPPRESSION = "suppression"
NOISE = "noise"
# The privacy budget used when a coordinator asks for noise without choosing one: noise of about
# four persons on a total, small beside a national year's count and enough to hide any one person.
DEFAULT_EPSILON = 3.0


def country_choices(membership) -> list[tuple[str, str]]:
    """The countries whose report the member may open (ISO3, name in the active language), and the
    regional report for those who see it."""
    coalition = Organisation.objects.filter(is_national_coordinator=True).values_list("country", flat=True)
    codes = sorted({c for c in coalition if membership.sees_country(c)}, key=lambda c: country_name(c))
    choices = [(countries.to_alpha3(c), country_name(c)) for c in codes if countries.to_alpha3(c)]
    if membership.can_view_regional_statistics:
        choices.append((REGIONAL, str(_("All countries (regional report, each person counted once)"))))
    return choices


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    country = forms.ChoiceField(label=_("Country"))
    privacy = forms.ChoiceField(
        label=_("Protection of the people counted"),
        widget=forms.RadioSelect,
        choices=[
            (SUPPRESSION, _("Withhold small numbers (standard)")),
            (NOISE, _("Also add a little random noise (differential privacy)")),
        ],
        required=False,
    )
    epsilon = forms.FloatField(
        label=_("Privacy budget (epsilon)"),
        min_value=0.1,
        max_value=10,
        required=False,
        help_text=_("Smaller means more noise and more privacy. Leave it empty for the default, 3."),
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )

    def __init__(self, data, *, membership, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["country"].choices = country_choices(membership)

    def clean(self):
        data = super().clean()
        # An epsilon alone (older links, the PDF job) asks for noise too.
        if data.get("epsilon") is not None and not data.get("privacy"):
            data["privacy"] = NOISE
        if data.get("privacy") == NOISE and data.get("epsilon") is None:
            data["epsilon"] = DEFAULT_EPSILON
        if data.get("privacy") != NOISE:
            data["epsilon"] = None
        return data
