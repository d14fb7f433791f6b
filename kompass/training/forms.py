from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.accounts.models import User
from kompass.training.codes import Module, Sector, Topic
from kompass.training.models import School

COUNTRY_HELP = _("Two letters, e.g. RO, MD, RS.")


class DateInput(forms.DateInput):
    input_type = "date"


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    audience_sector = forms.ChoiceField(label=_("Audience sector"), choices=Sector.choices)
    modules = forms.MultipleChoiceField(
        label=_("Modules"), choices=Module.choices, widget=forms.CheckboxSelectMultiple
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    is_online = forms.BooleanField(label=_("Online training"), required=False)
    locality = forms.CharField(label=_("Locality"), max_length=120, required=False)
    region = forms.CharField(label=_("Region (county, raion or district)"), max_length=120, required=False)
    country = forms.CharField(label=_("Country"), max_length=2, help_text=COUNTRY_HELP)
    participant_count = forms.IntegerField(label=_("Number of participants"), min_value=0, initial=0)
    trainers = forms.ModelMultipleChoiceField(
        label=_("Trainers"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    external_trainers = forms.CharField(label=_("Other trainers (names)"), max_length=300, required=False)
    materials = forms.CharField(
        label=_("Materials"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Links or titles of the materials used, one per line."),
    )
    check_open = forms.BooleanField(label=_("Knowledge check open for answers"), required=False, initial=True)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = User.objects.filter(
            memberships__organisation=organisation, memberships__is_active=True
        ).order_by("full_name", "email")
        self.fields["trainers"].label_from_instance = lambda user: user.full_name or user.email

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()

    def clean(self):
        data = super().clean()
        if not data.get("is_online") and not (data.get("region") or "").strip():
            self.add_error("region", _("Give the region of an in-person training."))
        return data


class AttendeeForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=150)
    consent_to_be_named = forms.BooleanField(
        label=_("This person agreed to be named in the training record."), required=True
    )


class SchoolForm(forms.Form):
    name = forms.CharField(label=_("School"), max_length=200)
    locality = forms.CharField(label=_("Locality"), max_length=120)
    region = forms.CharField(label=_("Region (county, raion or district)"), max_length=120)
    country = forms.CharField(label=_("Country"), max_length=2, help_text=COUNTRY_HELP)

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()


class SchoolSessionForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.all())
    date = forms.DateField(label=_("Date"), widget=DateInput)
    grade_from = forms.IntegerField(label=_("From grade"), min_value=0, max_value=13)
    grade_to = forms.IntegerField(label=_("To grade"), min_value=0, max_value=13)
    pupils_reached = forms.IntegerField(label=_("Pupils reached"), min_value=0)
    teachers_present = forms.IntegerField(label=_("Teachers present"), min_value=0, initial=0)
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("grade_from") is not None
            and data.get("grade_to") is not None
            and data["grade_from"] > data["grade_to"]
        ):
            self.add_error("grade_to", _("The last grade cannot be lower than the first."))
        return data


class ParentSessionForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.all())
    date = forms.DateField(label=_("Date"), widget=DateInput)
    parents_reached = forms.IntegerField(label=_("Parents reached"), min_value=0)


class KnowledgeCheckForm(forms.Form):
    """The questions of a test, built from the question bank in the active language."""

    consent_to_name = forms.BooleanField(
        label=_(
            "I agree to give my name (for example for a certificate). Without it, my answers stay anonymous."
        ),
        required=False,
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=150, required=False)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            self.fields[question.id] = forms.TypedChoiceField(
                label=f"{number}. {question.text_in()}",
                choices=list(enumerate(question.options_in())),
                coerce=int,
                widget=forms.RadioSelect,
                required=True,
            )
        self.order_fields([q.id for q in questions] + ["consent_to_name", "name"])

    def clean(self):
        data = super().clean()
        if data.get("name", "").strip() and not data.get("consent_to_name"):
            self.add_error(
                "consent_to_name", _("Tick the box if you want to give your name, or leave the name empty.")
            )
        return data

    def question_fields(self):
        return [self[q.id] for q in self.questions]

    def answers(self) -> dict[str, int]:
        return {q.id: self.cleaned_data[q.id] for q in self.questions if q.id in self.cleaned_data}


class CertificateForm(forms.Form):
    name = forms.CharField(label=_("Name on the certificate"), max_length=150)


class ImpactForm(forms.Form):
    place = forms.ChoiceField(label=_("Sector and region"))

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [
            (
                f"{p['audience_sector']}|{p['country']}|{p['region']}",
                f"{Sector(p['audience_sector']).label} — {p['region']} ({p['country']})",
            )
            for p in places
        ]
