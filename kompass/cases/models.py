"""Cases of the National Referral Mechanism: pseudonymous, with identity kept apart and encrypted.

A case is addressed by a random `code` in URLs and a human `reference`; the person's identity lives
in `CaseIdentity` (encrypted at rest) and is shown only to roles that need it.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.cases.codes import (
    ONLINE_METHODS,
    DecidingBody,
    Platform,
    RecruiterRelation,
    RecruitmentMethod,
    RiskLevel,
    SectorCode,
    ServiceCode,
    Sex,
    Stage,
    TraffickingStatus,
    age_band,
)
from kompass.cases.fields import EncryptedDateField, EncryptedTextField
from kompass.cases.visibility import visible_case_filter

REFLECTION_MIN_DAYS = 30


class CaseQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """Cases a membership may open: owned (case roles), or referred to its organisation."""
        condition = visible_case_filter(membership)
        if condition is None:
            return self.none()
        return self.filter(condition)

    def open(self):
        return self.exclude(stage=Stage.CLOSED)


class Case(models.Model):
    """One presumed or identified victim as followed by one owning organisation."""

    Stage = Stage
    Sex = Sex
    TraffickingStatus = TraffickingStatus

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    owner = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="cases", verbose_name=_("owner")
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("caseworker"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    identified_on = models.DateField(_("identified on"), default=datetime.date.today)
    identifying_sector = models.CharField(
        _("identifying sector"), max_length=30, choices=SectorCode.choices, blank=True
    )
    country = models.CharField(_("country where assisted (ISO 3166-1 alpha-2)"), max_length=2)
    region = models.CharField(_("region"), max_length=120, blank=True)

    # CTDC-compatible attributes.
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    age_at_identification = models.PositiveSmallIntegerField(
        _("age at identification"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    citizenship = models.CharField(_("citizenship (ISO 3166-1 alpha-3)"), max_length=3, blank=True)
    country_of_exploitation = models.CharField(
        _("country of exploitation (ISO 3166-1 alpha-3)"), max_length=3, blank=True
    )
    is_sexual_exploitation = models.BooleanField(_("sexual exploitation"), default=False)
    is_forced_labour = models.BooleanField(_("forced labour"), default=False)
    is_other_exploitation = models.BooleanField(_("other exploitation"), default=False)
    labour_agriculture = models.BooleanField(_("labour: agriculture"), default=False)
    labour_construction = models.BooleanField(_("labour: construction"), default=False)
    labour_domestic_work = models.BooleanField(_("labour: domestic work"), default=False)
    labour_hospitality = models.BooleanField(_("labour: hospitality"), default=False)
    sex_prostitution = models.BooleanField(_("sexual: prostitution"), default=False)
    sex_pornography = models.BooleanField(_("sexual: pornography"), default=False)
    means_debt_bondage = models.BooleanField(_("debt bondage or earnings taken"), default=False)
    means_threats = models.BooleanField(_("threats"), default=False)
    means_abuse = models.BooleanField(_("psychological, physical or sexual abuse"), default=False)
    means_false_promises = models.BooleanField(_("false promises"), default=False)
    means_drugs_alcohol = models.BooleanField(_("drugs or alcohol"), default=False)
    means_deny_basic_needs = models.BooleanField(_("denial of basic needs"), default=False)
    means_excessive_hours = models.BooleanField(_("excessive working hours"), default=False)
    means_withhold_docs = models.BooleanField(_("documents withheld"), default=False)
    recruiter_relation = models.CharField(
        _("relation to the recruiter"), max_length=20, choices=RecruiterRelation.choices, blank=True
    )
    trafficking_months = models.PositiveSmallIntegerField(_("months in trafficking"), null=True, blank=True)
    recruitment_method = models.CharField(
        _("recruitment method"), max_length=30, choices=RecruitmentMethod.choices, blank=True
    )
    # Kept in sync with the method and platforms by the services (queried by statistics).
    is_recruited_online = models.BooleanField(_("recruited online"), default=False, editable=False)

    trafficking_status = models.CharField(
        _("trafficking status"),
        max_length=20,
        choices=TraffickingStatus.choices,
        default=TraffickingStatus.POSSIBLE,
    )
    deciding_body = models.CharField(
        _("deciding body"), max_length=30, choices=DecidingBody.choices, blank=True
    )
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices, default=Stage.IDENTIFICATION)
    reflection_start = models.DateField(_("reflection period start"), null=True, blank=True)
    reflection_end = models.DateField(_("reflection period end"), null=True, blank=True)
    is_anonymous = models.BooleanField(_("anonymous (no identity recorded)"), default=False)
    source_report = models.UUIDField(_("screening report"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    # The latest risk assessment (its history: RiskAssessment), kept here by `assess_risk` so that
    # lists show and filter it without a join. Blank: not assessed yet.
    risk_level = models.CharField(
        _("risk level"), max_length=20, choices=RiskLevel.choices, blank=True, editable=False
    )
    risk_assessed_on = models.DateField(_("risk assessed on"), null=True, blank=True, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            # The case list reads an organisation's cases in this order and stops after a page
            # (selectors.case_page); with a stage filter, the second one (bench/bench_cases.py).
            models.Index(fields=["owner", "-updated_at", "-id"], name="case_owner_updated_idx"),
            models.Index(
                fields=["owner", "stage", "-updated_at", "-id"], name="case_owner_stage_updated_idx"
            ),
            models.Index(fields=["owner", "-created_at"], name="case_owner_created_idx"),
            models.Index(fields=["stage", "closed_at"], name="case_stage_closed_idx"),
            # The annual statistics read one year of cases (kompass/stats/report.py).
            models.Index(fields=["identified_on"], name="case_identified_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="case_country_iso2"),
            models.CheckConstraint(
                condition=Q(citizenship="") | Q(citizenship__regex=r"^[A-Z]{3}$"),
                name="case_citizenship_iso3",
            ),
            models.CheckConstraint(
                condition=Q(country_of_exploitation="") | Q(country_of_exploitation__regex=r"^[A-Z]{3}$"),
                name="case_exploitation_country_iso3",
            ),
            models.CheckConstraint(
                condition=Q(reflection_start__isnull=True)
                | Q(reflection_end__isnull=True)
                | Q(
                    reflection_end__gte=models.F("reflection_start")
                    + datetime.timedelta(days=REFLECTION_MIN_DAYS)
                ),
                name="case_reflection_at_least_30_days",
            ),
            models.CheckConstraint(
                condition=Q(stage=Stage.CLOSED) | Q(closed_at__isnull=True),
                name="case_closed_at_only_when_closed",
            ),
            models.CheckConstraint(
                condition=Q(risk_level="", risk_assessed_on__isnull=True)
                | Q(risk_level__in=RiskLevel.values, risk_assessed_on__isnull=False),
                name="case_risk_level_with_date",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"code": self.code})

    def clean(self) -> None:
        errors = {}
        if (
            self.reflection_start
            and self.reflection_end
            and self.reflection_end < self.reflection_start + datetime.timedelta(days=REFLECTION_MIN_DAYS)
        ):
            errors["reflection_end"] = _("The reflection period lasts at least 30 days.")
        if self.reflection_end and not self.reflection_start:
            errors["reflection_start"] = _("Give the start of the reflection period.")
        if self.trafficking_status == TraffickingStatus.ACTUAL and not self.deciding_body:
            errors["deciding_body"] = _("Say which body formally identified the person.")
        for field in ("citizenship", "country_of_exploitation"):
            value = getattr(self, field)
            if value and not (len(value) == 3 and value.isalpha() and value.isupper()):
                errors[field] = _("Use a three-letter ISO country code, e.g. ROU.")
        if self.country and not (
            len(self.country) == 2 and self.country.isalpha() and self.country.isupper()
        ):
            errors["country"] = _("Use a two-letter ISO country code, e.g. RO.")
        if errors:
            raise ValidationError(errors)

    @property
    def age(self) -> int | None:
        if self.age_at_identification is not None:
            return self.age_at_identification
        if self.birth_year and self.identified_on:
            return self.identified_on.year - self.birth_year
        return None

    @property
    def age_band(self) -> str:
        """CTDC ageBroad band (e.g. "18--20"), "" when unknown."""
        return age_band(self.age)

    @property
    def is_child(self) -> bool:
        return self.age is not None and self.age < 18

    @property
    def is_closed(self) -> bool:
        return self.stage == Stage.CLOSED

    def exploitation_labels(self) -> list[str]:
        """The recorded forms of exploitation and their sub-types, as display labels."""
        names = (
            "is_sexual_exploitation", "sex_prostitution", "sex_pornography", "is_forced_labour", "labour_agriculture",
            "labour_construction", "labour_domestic_work", "labour_hospitality", "is_other_exploitation",
        )  # fmt: skip
        return [str(self._meta.get_field(name).verbose_name) for name in names if getattr(self, name)]

    def means_labels(self) -> list[str]:
        names = (
            "means_debt_bondage", "means_threats", "means_abuse", "means_false_promises", "means_drugs_alcohol",
            "means_deny_basic_needs", "means_excessive_hours", "means_withhold_docs",
        )  # fmt: skip
        return [str(self._meta.get_field(name).verbose_name) for name in names if getattr(self, name)]

    def compute_recruited_online(self, platforms: list[str] | None = None) -> bool:
        if platforms is None:
            platforms = list(self.platforms.values_list("platform", flat=True)) if self.pk else []
        return self.recruitment_method in ONLINE_METHODS or bool(platforms)


class RiskAssessment(models.Model):
    """One assessment of the person's risk: the level, why, when and by whom (newest is current)."""

    RiskLevel = RiskLevel

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    level = models.CharField(_("risk level"), max_length=20, choices=RiskLevel.choices)
    reason = models.TextField(_("reason"))
    assessed_on = models.DateField(_("assessed on"), default=datetime.date.today)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["case", "-assessed_on", "-recorded_at", "-id"]
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=RiskLevel.values), name="risk_assessment_level_known"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="risk_assessment_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.assessed_on} {self.get_level_display()}"

    def clean(self) -> None:
        if self.assessed_on and self.assessed_on > timezone.localdate():
            raise ValidationError({"assessed_on": _("The assessment date cannot be in the future.")})
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("Say why you assess the risk at this level.")})


class CaseRecruitmentPlatform(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="platforms")
    platform = models.CharField(_("platform"), max_length=30, choices=Platform.choices)

    class Meta:
        verbose_name = _("recruitment platform")
        verbose_name_plural = _("recruitment platforms")
        constraints = [models.UniqueConstraint(fields=["case", "platform"], name="case_platform_unique")]

    def __str__(self) -> str:
        return self.get_platform_display()


class CaseIdentity(models.Model):
    """Who the person is. Every field is encrypted at rest and never queried in SQL."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="identity")
    given_name = EncryptedTextField(_("given name"), blank=True)
    surname = EncryptedTextField(_("surname"), blank=True)
    other_names = EncryptedTextField(_("other names or spellings"), blank=True)
    date_of_birth = EncryptedDateField(_("date of birth"), blank=True, null=True)
    place_of_birth = EncryptedTextField(_("place of birth"), blank=True)
    sex = EncryptedTextField(_("sex as on documents"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    address = EncryptedTextField(pgettext_lazy("postal", "address"), blank=True)
    document_numbers = EncryptedTextField(_("identity document numbers"), blank=True)
    languages = EncryptedTextField(_("languages spoken"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    IDENTITY_FIELDS = (
        "given_name",
        "surname",
        "other_names",
        "date_of_birth",
        "place_of_birth",
        "sex",
        "phone",
        "address",
        "document_numbers",
        "languages",
    )

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identities")

    def __str__(self) -> str:
        return str(_("Identity of %(case)s") % {"case": self.case_id})

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.surname) if part)


class StageChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=30, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=30, choices=Stage.choices)
    changed_on = models.DateField(_("date"), default=datetime.date.today)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["case", "at", "id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


class Consent(models.Model):
    """What the person agreed to, dated, expiring and withdrawable; who gave it and how (language,
    interpreter, signed form). Sharing is always with a named organisation."""

    class GivenBy(models.TextChoices):
        PERSON = "person", _("The person")
        GUARDIAN = "parent_or_guardian", _("A parent or guardian")
        LEGAL_REPRESENTATIVE = "legal_representative", _("A legal representative")

    class Purpose(models.TextChoices):
        DATA_PROCESSING = "data_processing", _("Processing of personal data")
        SHARING = "sharing", _("Sharing with an organisation for a service")
        POLICE_CONTACT = "contact_with_police", _("Contact with the police")
        # Explicit consent to the transfer of their data to an organisation in another country
        # (GDPR art. 49(1)(a); decision 0052), asked separately from sharing.
        CROSS_BORDER = (
            "cross_border_transfer",
            _("Transfer of their data to an organisation in another country"),
        )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    # Blank: sharing with that organisation for any service (e.g. a transfer).
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices, blank=True)
    given_on = models.DateField(_("given on"), default=datetime.date.today)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    note = models.TextField(_("how it was given"), blank=True)
    # Who gave it: the person, or for them (always for a child) a parent or guardian or a legal
    # representative, named (encrypted, as the identity is) with their relation to the person.
    given_by = models.CharField(_("given by"), max_length=30, choices=GivenBy.choices, default=GivenBy.PERSON)
    giver_name = EncryptedTextField(_("name of the parent, guardian or representative"), blank=True)
    giver_relation = models.CharField(
        _("relation to the person"), max_length=120, blank=True,
        help_text=_("E.g. mother, guardian appointed by the court, lawyer."),
    )  # fmt: skip
    # Age not established and the person may be a child: the child's path applies (decision 0055).
    presumed_child = models.BooleanField(_("the person may be a child (age not established)"), default=False)
    language = models.CharField(_("language of the conversation"), max_length=10, blank=True)
    interpreter_used = models.BooleanField(_("an interpreter was used"), default=False)
    interpreter_name = EncryptedTextField(_("interpreter's name"), blank=True)
    interpreter_organisation = models.CharField(_("interpreter's organisation"), max_length=200, blank=True)
    form = models.ForeignKey(
        "cases.Attachment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("signed form"),
    )  # fmt: skip
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    renewal_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=~Q(purpose__in=["sharing", "cross_border_transfer"])
                | Q(organisation__isnull=False),
                name="consent_sharing_names_organisation",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("given_on")),
                name="consent_expires_after_given",
            ),
            models.CheckConstraint(
                condition=Q(given_by="person") | ~Q(giver_relation=""), name="consent_representative_relation"
            ),
        ]

    def __str__(self) -> str:
        return self.get_purpose_display()

    def clean(self) -> None:
        if self.purpose in (self.Purpose.SHARING, self.Purpose.CROSS_BORDER) and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("Name the organisation the person agreed to share with.")}
            )
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            raise ValidationError({"withdrawn_on": _("Consent cannot be withdrawn before it was given.")})
        errors: dict[str, str] = {}
        if self.expires_on and self.given_on and self.expires_on <= self.given_on:
            errors["expires_on"] = _("The consent must expire after the day it was given.")
        if self.given_by != self.GivenBy.PERSON:
            if not self.giver_name.strip():
                errors["giver_name"] = _("Give the name of the person who consented for them.")
            if not self.giver_relation.strip():
                errors["giver_relation"] = _(
                    "Say how they are related to the person (e.g. mother, guardian)."
                )
        elif self.presumed_child or (self.case_id and self.case.is_child):
            errors["given_by"] = _(
                "The person is a child: consent is given by a parent or guardian or by a legal representative."
            )
        if not self.interpreter_used and (self.interpreter_name or self.interpreter_organisation):
            errors["interpreter_used"] = _(
                "Tick “an interpreter was used” or leave the interpreter's details empty."
            )
        if errors:
            raise ValidationError(errors)

    def is_active_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (
            self.given_on <= day
            and (self.withdrawn_on is None or self.withdrawn_on > day)
            and (self.expires_on is None or self.expires_on > day)
        )

    def is_expired_on(self, day: datetime.date | None = None) -> bool:
        return self.expires_on is not None and self.expires_on <= (day or timezone.localdate())

    @property
    def is_expired(self) -> bool:
        return self.is_expired_on()

    @property
    def is_active(self) -> bool:
        return self.is_active_on()


class Proceeding(models.Model):
    """Criminal or civil proceedings, recorded alongside the assistance."""

    class Kind(models.TextChoices):
        CRIMINAL = "criminal", _("Criminal")
        CIVIL = "civil", _("Civil")
        ADMINISTRATIVE = "administrative", _("Administrative")

    class Status(models.TextChoices):
        INVESTIGATION = "investigation", _("Investigation")
        PROSECUTION = "prosecution", _("Prosecution")
        TRIAL = "trial", _("Trial")
        CONVICTION = "conviction", _("Conviction")
        ACQUITTAL = "acquittal", _("Acquittal")
        COMPENSATION = "compensation", _("Compensation awarded")
        CLOSED = "closed", _("Closed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="proceedings")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVESTIGATION
    )
    authority = models.CharField(_("authority"), max_length=200, blank=True)
    file_reference = models.CharField(_("file reference"), max_length=100, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "started_on", "id"]
        verbose_name = _("proceeding")
        verbose_name_plural = _("proceedings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.get_status_display()}"


class NeedsAssessment(models.Model):
    """One assessed need, by service code."""

    class Priority(models.TextChoices):
        URGENT = "urgent", _("Urgent")
        HIGH = "high", _("High")
        NORMAL = "normal", _("Normal")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="needs")
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    assessed_on = models.DateField(_("assessed on"), default=datetime.date.today)
    note = models.TextField(_("note"), blank=True)
    met_on = models.DateField(_("met on"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "met_on", "service"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(fields=["case", "service"], name="need_unique_service_per_case")
        ]

    def __str__(self) -> str:
        return self.get_service_display()


class AssistancePlan(models.Model):
    """The individual assistance plan agreed with the person."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="plan")
    agreed_on = models.DateField(_("agreed on"), default=datetime.date.today)
    review_on = models.DateField(_("next review"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("assistance plan")
        verbose_name_plural = _("assistance plans")

    def __str__(self) -> str:
        return str(_("Assistance plan"))


class PlanGoal(models.Model):
    plan = models.ForeignKey(AssistancePlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal"), max_length=300)
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "target_on", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.description


class ServiceDelivery(models.Model):
    """A service actually delivered to the person, by whichever organisation gave it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deliveries")
    delivered_on = models.DateField(_("date"), default=datetime.date.today)
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices)
    provider = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("provider")
    )
    note = models.TextField(_("note"), blank=True)
    referral_code = models.UUIDField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-delivered_on", "-id"]
        verbose_name = _("service delivered")
        verbose_name_plural = _("services delivered")

    def __str__(self) -> str:
        return f"{self.delivered_on} {self.get_service_display()}"


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def overdue(self, today: datetime.date | None = None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Task(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
        verbose_name=_("assigned to"),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["case", "done_at", "due_on", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["done_at", "due_on"], name="task_open_due_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


class DashboardVisit(models.Model):
    """When a member last opened the dashboard: its news are what happened since the visit before."""

    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.CASCADE, related_name="dashboard_visit"
    )
    # The start of the news window (the visit before the current one); None before a second visit.
    previous_at = models.DateTimeField(null=True, blank=True)
    last_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dashboard visit")
        verbose_name_plural = _("dashboard visits")

    def __str__(self) -> str:
        return f"{self.membership_id} {self.last_at:%Y-%m-%d %H:%M}"


class CaseNote(models.Model):
    """A caseworker's note. Restricted notes are for the owning organisation's caseworkers only."""

    class Level(models.TextChoices):
        NORMAL = "normal", _("Normal")
        RESTRICTED = "restricted", _("Restricted")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.NORMAL)
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-created_at", "-id"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.get_level_display()}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name reveals nothing: a random name under the case's random code.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"cases/{instance.case.code}/{uuid.uuid4().hex}.{suffix}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IDENTITY_DOCUMENT = "identity_document", _("Identity document")
        MEDICAL = "medical", _("Medical record")
        LEGAL = "legal", _("Legal document")
        CONSENT_FORM = "consent_form", _("Signed consent form")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "-uploaded_at", "-id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name
