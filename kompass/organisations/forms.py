from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kompass.organisations.models import Membership, Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "country", "city", "kind", "email", "phone"]

    def clean_country(self):
        return self.cleaned_data["country"].upper()


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, allow_coordinator: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_coordinator:
            self.fields["role"].choices = [
                c for c in Membership.Role.choices if c[0] != Membership.Role.COORDINATOR
            ]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
