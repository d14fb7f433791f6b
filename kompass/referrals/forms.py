from django import forms
from django.utils.translation import gettext_lazy as _

from kompass.cases.codes import ServiceCode
from kompass.cases.forms import DateInput
from kompass.organisations.models import Organisation
from kompass.referrals.models import Referral


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Referral.Kind.choices, initial=Referral.Kind.SERVICE)
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", "—")] + ServiceCode.choices,
        help_text=_("Needed for a service referral; the list of organisations shows who offers it."),
    )  # fmt: skip
    to_organisation = forms.ModelChoiceField(
        label=_("To organisation"), queryset=Organisation.objects.none(), widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _(
            "This organisation does not offer the chosen service or takes no referrals for it now: choose one from the list."
        )},
    )  # fmt: skip
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Referral.Urgency.choices, initial=Referral.Urgency.ROUTINE, required=False,
        help_text=_("Sets the deadline for an answer: routine 5 days, urgent 48 hours, emergency 4 hours."),
    )  # fmt: skip
    respond_by = forms.DateTimeField(
        label=_("Answer expected by"), required=False, widget=DateTimeInput(),
        help_text=_("Leave empty for the deadline of the urgency chosen."),
    )  # fmt: skip
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only what the receiving organisation needs to know. Do not write names here."),
    )  # fmt: skip
    legal_basis = forms.CharField(
        label=_("Legal basis of the transfer"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for an organisation in another country. Left empty, it reads: the person's explicit "
                    "consent (GDPR art. 49(1)(a)) and the receiving organisation's own law."),
    )  # fmt: skip

    def __init__(self, *args, case, providers, **kwargs):
        """`providers`: the ranked organisations the chosen service allows (referrals.services.referral_targets)."""
        super().__init__(*args, **kwargs)
        self.providers = providers
        self.fields["to_organisation"].queryset = Organisation.objects.filter(
            pk__in=[p.organisation.pk for p in providers]
        ).exclude(pk=case.owner_id)


class ServiceStepForm(forms.Form):
    """The first step, by GET: the service chosen filters the organisations (no JavaScript needed)."""

    TRANSFER = "transfer"

    service = forms.ChoiceField(
        label=_("What the person is referred for"), required=False,
        choices=[("", "—"), *ServiceCode.choices, (TRANSFER, _("A transfer of the whole case"))],
    )  # fmt: skip


class DeadlineForm(forms.Form):
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Referral.Urgency.choices)
    respond_by = forms.DateTimeField(label=_("Answer expected by"), widget=DateTimeInput())


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CompleteForm(forms.Form):
    note = forms.CharField(label=_("Closing note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReferralServiceForm(forms.Form):
    delivered_on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    complete = forms.BooleanField(label=_("This completes the referral"), required=False)
