from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kompass.organisations.models import Organisation
from kompass.screening import content, rules
from kompass.screening.models import Report, Sector, Subject

COUNTRY_CHOICES = [
    ("RO", _("Romania")),
    ("MD", _("Moldova")),
    ("RS", _("Serbia")),
    ("UA", _("Ukraine")),
]
DEFAULT_COUNTRY = {"sr-latn": "RS"}

YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWER_CHOICES = [(YES, _("Yes")), (NO, _("No")), (UNKNOWN, _("Don't know"))]
ANSWER_VALUES = {YES: True, NO: False, UNKNOWN: None, "": None}

LANGUAGE_NAMES = {
    "en": _("English"),
    "ro": _("Romanian"),
    "uk": _("Ukrainian"),
    "ru": _("Russian"),
    "sr-latn": _("Serbian (Latin)"),
}


class StartForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Where do you work?"), choices=Sector.choices, widget=forms.RadioSelect
    )
    subject = forms.ChoiceField(
        label=_("Who is the person?"),
        choices=[*Subject.choices, (rules.AGE_UNCERTAIN, _("Not sure: the person may be under 18"))],
        widget=forms.RadioSelect,
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES)


class AnswersForm(forms.Form):
    """One yes / no / don't know question per protocol question; unanswered means don't know."""

    def __init__(self, *args, questions: list[dict], language: str | None = None, **kwargs):
        from kompass.lib.i18n import translated

        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q_{question['key']}"] = forms.ChoiceField(
                label=translated(question["text"], language),
                help_text=translated(question["guidance"], language),
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                initial=UNKNOWN,
            )

    def answers(self) -> dict[str, bool | None]:
        return {q["key"]: ANSWER_VALUES[self.cleaned_data.get(f"q_{q['key']}") or ""] for q in self.questions}

    def rows(self):
        """(question, bound field) pairs, in protocol order, for the template."""
        return [(q, self[f"q_{q['key']}"]) for q in self.questions]


class ReportForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES)
    # A field people never see (hidden by CSS) but form-filling robots do: a filled one is refused.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Report
        fields = [
            "country",
            "region",
            "location",
            "observations",
            "reporter_name",
            "reporter_role",
            "reporter_phone",
            "reporter_email",
        ]
        labels = {
            "region": _("County, district or city"),
            "location": _("Where did you see this? (place, address or landmark)"),
            "observations": _("What did you see or hear?"),
        }
        help_texts = {
            "observations": _(
                "Facts help most: what, when, who was there. Do not include anything you are unsure of."
            ),
            "reporter_name": _("Optional. Leave your contact only if the coordinator may call you back."),
        }
        widgets = {
            "observations": forms.Textarea(attrs={"rows": 5, "maxlength": 4000}),
            "reporter_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "reporter_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "reporter_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""

    def clean_observations(self):
        text = self.cleaned_data.get("observations", "")
        if len(text) > 4000:
            raise ValidationError(_("Please keep it under 4000 characters."))
        return text

    def report_fields(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "website"}


# --- worker mode (issue #18) ---------------------------------------------------------------------

# The worker languages' names in the professional's language (the data files give the own name).
WORKER_LANGUAGE_NAMES = {
    "bn": _("Bengali"),
    "en": _("English"),
    "hi": _("Hindi"),
    "ne": _("Nepali"),
    "ro": _("Romanian"),
    "ru": _("Russian"),
    "si": _("Sinhala"),
    "sr": _("Serbian"),
    "ta": _("Tamil"),
    "uk": _("Ukrainian"),
    "ur": _("Urdu"),
    "vi": _("Vietnamese"),
}


class WorkerSetupForm(forms.Form):
    """What the professional chooses before handing the phone to the worker."""

    SETTING_CHOICES = [
        ("labour_inspection", _("Labour inspection (any workplace)")),
        ("agriculture", _("Agriculture: farm, greenhouse, orchard")),
        ("construction", _("Construction site")),
        ("domestic_work", _("Domestic work in a private home")),
        ("hospitality_tourism", _("Hotel, restaurant or tourism")),
        ("general_public", _("Somewhere else (general questions)")),
    ]

    setting = forms.ChoiceField(label=_("Where do you meet the worker?"), widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("The worker's language"), widget=forms.RadioSelect)
    subject = forms.ChoiceField(
        label=_("Who is the worker?"),
        choices=[*Subject.choices, (rules.AGE_UNCERTAIN, _("Not sure: the person may be under 18"))],
        widget=forms.RadioSelect,
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES)

    def __init__(self, *args, **kwargs):
        from kompass.screening import worker

        super().__init__(*args, **kwargs)
        self.fields["setting"].choices = [
            c for c in self.SETTING_CHOICES if c[0] in worker.mapping().settings
        ]
        self.fields["language"].choices = [
            (code, self.language_label(language)) for code, language in worker.languages().items()
        ]

    @staticmethod
    def language_label(language) -> str:
        name = WORKER_LANGUAGE_NAMES.get(language.code, language.english_name)
        return f"{language.name} — {name}" if str(name) != language.name else language.name


AUDIO_SIGNATURES = {
    "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "audio/ogg": (b"OggS",),
    "audio/wav": (b"RIFF",),
}
MAX_RECORDING_BYTES = 1_000_000


class WorkerRecordingForm(forms.Form):
    """An organisation's own recording of one worker clip: MP3, Ogg (Opus/Vorbis) or WAV, at most 1 MB."""

    language = forms.ChoiceField(label=_("Language"))
    clip = forms.ChoiceField(label=_("What the recording says"))
    file = forms.FileField(
        label=_("Recording"),
        help_text=_("MP3, Ogg or WAV, at most 1 MB. Speak slowly and clearly; a few seconds is enough."),
    )

    def __init__(self, *args, clips: dict[str, str], **kwargs):
        from kompass.screening import worker

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, WorkerSetupForm.language_label(lang)) for code, lang in worker.languages().items()
        ]
        self.fields["clip"].choices = list(clips.items())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RECORDING_BYTES:
            raise ValidationError(
                _("The recording is larger than 1 MB; record a shorter one or compress it.")
            )
        if upload.size == 0:
            raise ValidationError(_("The file is empty."))
        head = upload.read(12)
        upload.seek(0)
        for content_type, signatures in AUDIO_SIGNATURES.items():
            if head.startswith(signatures):
                if content_type == "audio/wav" and head[8:12] != b"WAVE":
                    continue
                upload.detected_type = content_type
                return upload
        raise ValidationError(_("This is not an MP3, Ogg or WAV audio file."))


# --- staff ----------------------------------------------------------------------------------------


def _language_fields(prefix: str, label, *, textarea: bool = False, required: bool = True) -> dict:
    widget = forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput
    return {
        f"{prefix}_{code}": forms.CharField(
            label=_("%(what)s — %(language)s") % {"what": label, "language": name},
            widget=widget,
            required=required,
        )
        for code, name in LANGUAGE_NAMES.items()
    }


class QuestionForm(forms.Form):
    key = forms.RegexField(
        label=_("Key"),
        regex=r"^[a-z][a-z0-9_]{1,59}$",
        help_text=_(
            "Stable identifier: lower-case letters, digits and _. Keep it when you reword the question."
        ),
    )
    subjects = forms.MultipleChoiceField(
        label=_("Asked about"), choices=Subject.choices, widget=forms.CheckboxSelectMultiple
    )
    codes = forms.MultipleChoiceField(
        label=_("Indicators this observation points to"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Not in the catalogue: %(value)s")},
    )

    def __init__(self, *args, existing_keys: set[str] = frozenset(), **kwargs):
        from kompass.screening.models import Indicator

        super().__init__(*args, **kwargs)
        self.existing_keys = existing_keys
        labels = {i.code: i.label for i in Indicator.objects.all()}
        self.fields["codes"].choices = [
            (i.code, f"{i.code} — {labels.get(i.code) or i.label}") for i in rules.CATALOGUE
        ]
        self.fields.update(_language_fields("text", _("Question"), textarea=True))
        self.fields.update(_language_fields("guidance", _("How to ask safely"), textarea=True))

    @classmethod
    def initial_from(cls, question: dict) -> dict:
        initial = {
            "key": question["key"],
            "subjects": question["subjects"],
            "codes": list(question["codes"]),
        }
        for code in LANGUAGE_NAMES:
            initial[f"text_{code}"] = question["text"].get(code, "")
            initial[f"guidance_{code}"] = question["guidance"].get(code, "")
        return initial

    def clean_key(self):
        key = self.cleaned_data["key"]
        if key in self.existing_keys:
            raise ValidationError(_("Another question already uses this key."))
        return key

    def clean_codes(self):
        codes = self.cleaned_data["codes"]
        if not codes:
            raise ValidationError(_("Map the question to at least one indicator."))
        return [i.code for i in rules.CATALOGUE if i.code in codes]

    def question(self) -> dict:
        data = self.cleaned_data
        return {
            "key": data["key"],
            "subjects": [s for s in rules.SUBJECTS if s in data["subjects"]],
            "codes": data["codes"],
            "text": {code: data[f"text_{code}"].strip() for code in LANGUAGE_NAMES},
            "guidance": {code: data[f"guidance_{code}"].strip() for code in LANGUAGE_NAMES},
        }


TEXT_LABELS = {
    "title": _("Title"),
    "intro": _("Who it is for"),
    "safety": _("How to ask safely"),
    "next_steps": _("What to do next"),
}


class DraftDetailsForm(forms.Form):
    change_note = forms.CharField(label=_("Change note"), widget=forms.Textarea(attrs={"rows": 3}))
    effective_date = forms.DateField(
        label=_("Effective date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to use the day of publication."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in TEXT_LABELS.items():
            self.fields.update(_language_fields(key, label, textarea=key != "title"))

    @classmethod
    def initial_from(cls, revision) -> dict:
        initial = {"change_note": revision.change_note, "effective_date": revision.effective_date}
        for key in TEXT_LABELS:
            for code in LANGUAGE_NAMES:
                initial[f"{key}_{code}"] = (revision.content.get(key) or {}).get(code, "")
        return initial

    def texts(self) -> dict:
        return {
            key: {code: self.cleaned_data[f"{key}_{code}"].strip() for code in LANGUAGE_NAMES}
            for key in TEXT_LABELS
        }


class YamlImportForm(forms.Form):
    document = forms.FileField(label=_("Protocol YAML file"))

    def clean_document(self):
        upload = self.cleaned_data["document"]
        try:
            data = content.load_yaml(upload.read().decode("utf-8"))
            content.validate_content(data)
        except (UnicodeDecodeError, ValueError) as exc:
            raise ValidationError(str(exc))
        return data


class AcceptReportForm(forms.Form):
    """The organisation that takes the case, among the ranked candidates (the best fit first)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation that takes the case"), queryset=Organisation.objects.none(),
        widget=forms.RadioSelect, empty_label=None,
    )  # fmt: skip

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.providers = providers
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[p.organisation.pk for p in providers]
        )


class DismissReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kind of reason"),
        choices=[("", "—"), *Report.DismissCategory.choices],
        help_text=_("The professional who sent the report sees this, never the reason you write below."),
    )
    reason = forms.CharField(label=_("Reason for dismissal"), widget=forms.Textarea(attrs={"rows": 3}))
