import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.training.codes import MODULE_FIELDS, TOPIC_FIELDS, Module, Phase, Sector, Topic

COUNTRY_ISO2 = Q(country__regex=r"^[A-Z]{2}$")


class OrganisationScopedQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """Trainers and organisation administrators see their own organisation's records."""
        if membership is None or not membership.can_manage_trainings:
            return self.none()
        return self.filter(organisation_id=membership.organisation_id)


class Training(models.Model):
    """A training for professionals of one sector, given by an organisation of the coalition."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="trainings"
    )
    title = models.CharField(_("title"), max_length=200)
    audience_sector = models.CharField(_("audience sector"), max_length=32, choices=Sector.choices)
    date = models.DateField(_("date"))
    is_online = models.BooleanField(_("online"), default=False)
    locality = models.CharField(_("locality"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2)
    participant_count = models.PositiveIntegerField(_("number of participants"), default=0)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="trainings_given", verbose_name=_("trainers")
    )
    external_trainers = models.CharField(_("other trainers"), max_length=300, blank=True)
    materials = models.TextField(_("materials"), blank=True)
    module_indicators = models.BooleanField(Module.INDICATORS.label, default=False)
    module_handling_case = models.BooleanField(Module.HANDLING_CASE.label, default=False)
    module_trust_building = models.BooleanField(Module.TRUST_BUILDING.label, default=False)
    module_self_care = models.BooleanField(Module.SELF_CARE.label, default=False)
    module_sector_specific = models.BooleanField(Module.SECTOR_SPECIFIC.label, default=False)
    # The public, unguessable key of the knowledge check (link and QR code); no account needed.
    check_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    check_open = models.BooleanField(_("knowledge check open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        indexes = [
            models.Index(fields=["audience_sector", "region", "date"], name="training_sector_region_date")
        ]
        constraints = [
            models.CheckConstraint(condition=COUNTRY_ISO2, name="training_country_iso2"),
            models.CheckConstraint(
                condition=Q(module_indicators=True)
                | Q(module_handling_case=True)
                | Q(module_trust_building=True)
                | Q(module_self_care=True)
                | Q(module_sector_specific=True),
                name="training_has_a_module",
            ),
            models.CheckConstraint(
                condition=Q(is_online=True) | ~Q(region=""), name="training_in_person_has_region"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("training:detail", kwargs={"code": self.code})

    @property
    def audit_organisation(self):
        return self.organisation

    @property
    def modules(self) -> list[str]:
        return [code for code, field in MODULE_FIELDS.items() if getattr(self, field)]

    def set_modules(self, codes) -> None:
        for code, field in MODULE_FIELDS.items():
            setattr(self, field, code in codes)

    def get_modules_display(self) -> list[str]:
        return [str(Module(code).label) for code in self.modules]


class Attendee(models.Model):
    """A named participant. Names are kept only for people who agreed to be named."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=150)
    consent_to_be_named = models.BooleanField(_("agreed to be named"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_to_be_named=True), name="attendee_named_only_with_consent"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="attendee_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    """A school of the schools programme; shared by all organisations."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    locality = models.CharField(_("locality"), max_length=120)
    region = models.CharField(_("region"), max_length=120)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "region", "locality", "name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.CheckConstraint(condition=COUNTRY_ISO2, name="school_country_iso2"),
            models.UniqueConstraint(
                fields=["name", "locality", "country"], name="school_unique_name_locality"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.locality}"


class SchoolSession(models.Model):
    """A session of the schools programme with pupils of one or more grades."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="school_sessions"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("date"))
    grade_from = models.PositiveSmallIntegerField(_("from grade"))
    grade_to = models.PositiveSmallIntegerField(_("to grade"))
    pupils_reached = models.PositiveIntegerField(_("pupils reached"))
    teachers_present = models.PositiveIntegerField(_("teachers present"), default=0)
    topic_digital_abuse = models.BooleanField(Topic.DIGITAL_ABUSE.label, default=False)
    topic_online_grooming = models.BooleanField(Topic.ONLINE_GROOMING.label, default=False)
    topic_sextortion = models.BooleanField(Topic.SEXTORTION.label, default=False)
    topic_safe_internet = models.BooleanField(Topic.SAFE_INTERNET.label, default=False)
    topic_online_recruitment = models.BooleanField(Topic.ONLINE_RECRUITMENT.label, default=False)
    # The public, unguessable key of the session's QR code for pupils (leads to the online-safety
    # pages in the pupil's language); the link names neither the school nor anyone.
    pupil_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("school session")
        verbose_name_plural = _("school sessions")
        indexes = [models.Index(fields=["date"], name="schoolsession_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(grade_from__gte=0, grade_to__lte=13, grade_from__lte=models.F("grade_to")),
                name="schoolsession_grades_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} — {self.date:%Y-%m-%d}"

    @property
    def audit_organisation(self):
        return self.organisation

    @property
    def topics(self) -> list[str]:
        return [code for code, field in TOPIC_FIELDS.items() if getattr(self, field)]

    def set_topics(self, codes) -> None:
        for code, field in TOPIC_FIELDS.items():
            setattr(self, field, code in codes)

    def get_topics_display(self) -> list[str]:
        return [str(Topic(code).label) for code in self.topics]


class SchoolSessionVisit(models.Model):
    """How many times a session's QR code was opened on a day, in a language. Nothing else.

    No address, cookie, device or time of day is kept, so a count cannot lead back to a pupil.
    """

    session = models.ForeignKey(SchoolSession, on_delete=models.CASCADE, related_name="visits")
    day = models.DateField()
    language = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("opening of the pupils' QR code")
        verbose_name_plural = _("openings of the pupils' QR code")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "day", "language"], name="sessionvisit_one_per_day_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.day} {self.language}: {self.count}"


class ParentSession(models.Model):
    """A session for parents, held at a school of the programme."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="parent_sessions"
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="parent_sessions")
    date = models.DateField(_("date"))
    parents_reached = models.PositiveIntegerField(_("parents reached"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("parents' session")
        verbose_name_plural = _("parents' sessions")

    def __str__(self) -> str:
        return f"{self.school} — {self.date:%Y-%m-%d}"

    @property
    def audit_organisation(self):
        return self.organisation


class CheckResponse(models.Model):
    """One participant's answers to the pre- or post-test of a training, anonymous by default.

    `participant` is a random key kept in the participant's browser session, so a pre- and a
    post-test from the same phone can be paired without knowing who answered.
    """

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="responses")
    phase = models.CharField(_("phase"), max_length=4, choices=Phase.choices)
    participant = models.UUIDField()
    # Stored only when the participant ticked the consent box.
    name = models.CharField(pgettext_lazy("person", "name"), max_length=150, blank=True)
    consent_to_name = models.BooleanField(_("agreed to give a name"), default=False)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at"]
        verbose_name = _("knowledge check response")
        verbose_name_plural = _("knowledge check responses")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "phase", "participant"], name="checkresponse_one_per_phase"
            ),
            models.CheckConstraint(
                condition=Q(score__lte=models.F("total")), name="checkresponse_score_le_total"
            ),
            models.CheckConstraint(
                condition=Q(consent_to_name=True) | Q(name=""), name="checkresponse_name_only_with_consent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.training} — {self.phase} — {self.score}/{self.total}"

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 0.0


class CheckAnswer(models.Model):
    """Whether one question was answered correctly (the chosen option is not needed for scoring)."""

    response = models.ForeignKey(CheckResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=64)
    module = models.CharField(max_length=32, choices=Module.choices)
    is_correct = models.BooleanField()

    class Meta:
        verbose_name = _("knowledge check answer")
        verbose_name_plural = _("knowledge check answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="checkanswer_one_per_question"),
        ]

    def __str__(self) -> str:
        return self.question
