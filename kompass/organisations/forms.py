from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kompass.organisations.models import Membership, Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "country", "city", "kind", "email", "phone", "time_zone"]

    def clean_country(self):
        return self.cleaned_data["country"].upper()


class RoleChoiceMixin:
    """Role choices limited to what the acting member may give (`grantable_roles`), and the auditor's scope."""

    def _limit_roles(self, roles: list[str]) -> None:
        labels = dict(Membership.Role.choices)
        self.fields["role"].choices = [(role, labels[role]) for role in roles]
        if Membership.Role.AUDITOR not in roles:
            del self.fields["audit_scope"]

    def clean(self):
        data = super().clean()
        if data.get("role") == Membership.Role.AUDITOR and not data.get("audit_scope"):
            self.add_error("audit_scope", _("Say what the auditor reads: one organisation or the platform."))
        if data.get("role") != Membership.Role.AUDITOR:
            data["audit_scope"] = ""
        return data


class InviteForm(RoleChoiceMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"))
    audit_scope = forms.ChoiceField(
        label=_("What the auditor reads"),
        choices=[("", "—")] + Membership.AuditScope.choices,
        required=False,
        help_text=_("Only for auditors."),
    )
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_roles(roles)


class RoleForm(RoleChoiceMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"))
    audit_scope = forms.ChoiceField(
        label=_("What the auditor reads"),
        choices=[("", "—")] + Membership.AuditScope.choices,
        required=False,
        help_text=_("Only for auditors."),
    )

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_roles(roles)
