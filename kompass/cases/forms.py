from django import forms
from django.utils.translation import gettext_lazy as _

from kompass.cases.codes import (
    STAGE_TRANSITIONS,
    Platform,
    RiskLevel,
    SectorCode,
    Stage,
    TraffickingStatus,
)
from kompass.cases.models import (
    AssistancePlan,
    Attachment,
    Case,
    CaseIdentity,
    CaseNote,
    Consent,
    NeedsAssessment,
    PlanGoal,
    Proceeding,
    ServiceDelivery,
    Task,
)
from kompass.cases.services import CASE_FIELDS
from kompass.lib import i18n
from kompass.organisations.models import Membership, Organisation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _dates(model_fields):
    return {name: DateInput() for name in model_fields}


class CaseForm(forms.ModelForm):
    """The case's attributes. `version` carries the optimistic lock through the round trip."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    platforms = forms.MultipleChoiceField(
        label=_("Recruitment platforms"),
        choices=Platform.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Case
        fields = CASE_FIELDS
        widgets = _dates(["identified_on", "reflection_start", "reflection_end"])

    def __init__(self, *args, owner: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        from kompass.accounts.models import User

        caseworkers = Membership.objects.filter(organisation=owner, is_active=True).with_capability(
            "can_edit_cases"
        )
        self.fields["assigned_to"].queryset = User.objects.filter(memberships__in=caseworkers).order_by(
            "full_name", "email"
        )
        if self.instance.pk:
            self.fields["platforms"].initial = list(
                self.instance.platforms.values_list("platform", flat=True)
            )
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def _upper(self, name: str) -> str:
        return (self.cleaned_data.get(name) or "").strip().upper()

    def clean_country(self) -> str:
        return self._upper("country")

    def clean_citizenship(self) -> str:
        return self._upper("citizenship")

    def clean_country_of_exploitation(self) -> str:
        return self._upper("country_of_exploitation")

    def attrs(self) -> dict:
        return {name: self.cleaned_data[name] for name in CASE_FIELDS}


class CaseCreateForm(CaseForm):
    given_name = forms.CharField(label=_("Given name"), required=False)
    surname = forms.CharField(label=_("Surname"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False)

    def identity(self) -> dict | None:
        values = {name: self.cleaned_data[name] for name in ("given_name", "surname", "phone")}
        return values if any(values.values()) else None


class IdentityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = CaseIdentity
        fields = CaseIdentity.IDENTITY_FIELDS
        widgets = {
            name: forms.TextInput()
            for name in (
                "given_name",
                "surname",
                "other_names",
                "place_of_birth",
                "sex",
                "phone",
                "languages",
            )
        }


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("New stage"))
    changed_on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (s, Stage(s).label) for s in Stage.values if s in STAGE_TRANSITIONS[case.stage]
        ]


class ConsentForm(forms.ModelForm):
    """Consent as recorded in the field: what, who gave it, in which language, with which interpreter,
    the signed form and until when. The model's `clean()` holds the rules (child's path…)."""

    language = forms.ChoiceField(label=_("Language of the conversation"), required=False)
    signed_form = forms.FileField(
        label=_("Signed consent form"), required=False,
        help_text=_("A scan or photo: PDF, PNG or JPEG, at most 10 MB. Kept with the case's files."),
    )  # fmt: skip

    class Meta:
        model = Consent
        fields = [
            "purpose", "organisation", "service", "given_on", "expires_on", "given_by", "giver_name",
            "giver_relation", "presumed_child", "language", "interpreter_used", "interpreter_name",
            "interpreter_organisation", "note",
        ]  # fmt: skip
        widgets = {
            "given_on": DateInput(), "expires_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2}),
            "giver_name": forms.TextInput(), "interpreter_name": forms.TextInput(),
        }  # fmt: skip
        help_texts = {
            "expires_on": _("Empty: until withdrawn. The caseworker is reminded to renew it before this day."),
            "giver_name": _("Only when a parent, guardian or legal representative gave it."),
            "presumed_child": _("A child's consent is given by a parent or guardian or a legal representative."),
        }  # fmt: skip

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(is_active=True).exclude(
            pk=case.owner_id
        )
        self.fields["language"].choices = [("", "—")] + i18n.language_choices()
        self.instance.case = case

    def _post_clean(self):
        # The service validates (with the uploaded form); errors come back through add_errors.
        pass

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["signed_form"] = data.pop("signed_form") or None
        return data


class NeedForm(forms.ModelForm):
    class Meta:
        model = NeedsAssessment
        fields = ["service", "priority", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def validate_unique(self):
        pass  # assessing a need again updates it


class RiskForm(forms.Form):
    level = forms.ChoiceField(label=_("Risk level"), choices=RiskLevel.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What makes the risk this high or this low now (threats, contact with the traffickers…)."
        ),
    )
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput())


class PlanForm(forms.ModelForm):
    class Meta:
        model = AssistancePlan
        fields = ["agreed_on", "review_on", "summary"]
        widgets = _dates(["agreed_on", "review_on"])


class GoalForm(forms.ModelForm):
    class Meta:
        model = PlanGoal
        fields = ["description", "service", "target_on"]
        widgets = _dates(["target_on"])


class ServiceForm(forms.ModelForm):
    class Meta:
        model = ServiceDelivery
        fields = ["service", "delivered_on", "note"]
        widgets = {"delivered_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "due_on", "assigned_to"]
        widgets = _dates(["due_on"])

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        from kompass.accounts.models import User

        self.fields["assigned_to"].queryset = User.objects.filter(
            memberships__organisation_id=case.owner_id, memberships__is_active=True
        ).order_by("full_name", "email")


class NoteForm(forms.ModelForm):
    class Meta:
        model = CaseNote
        fields = ["text", "level"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Attachment.Kind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG or plain text."))


class ProceedingForm(forms.ModelForm):
    class Meta:
        model = Proceeding
        fields = ["kind", "status", "authority", "file_reference", "started_on", "ended_on", "note"]
        widgets = {**_dates(["started_on", "ended_on"]), "note": forms.Textarea(attrs={"rows": 2})}


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("The person's request"),
        help_text=_("Who asked, when and how. The case's identity, notes and files are removed for good."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."))


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Reference or region"))
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All stages"))] + Stage.choices
    )
    status = forms.ChoiceField(
        label=_("Trafficking status"), required=False, choices=[("", _("All"))] + TraffickingStatus.choices
    )
    sector = forms.ChoiceField(
        label=_("Identifying sector"), required=False, choices=[("", _("All"))] + SectorCode.choices
    )
    risk = forms.ChoiceField(
        label=_("Risk level"), required=False, choices=[("", _("All"))] + RiskLevel.choices
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    closed = forms.BooleanField(label=_("Include closed cases"), required=False)
