"""Identification: the indicator catalogue, versioned sector protocols, screenings and reports."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.cases.codes import Platform as RecruitmentPlatform
from kompass.lib.i18n import translated
from kompass.organisations.models import Organisation
from kompass.screening import rules


class Sector(models.TextChoices):
    HEALTH = "health", _("Health care")
    EMERGENCY_LINE = "emergency_line", _("Emergency lines (112 / 119)")
    POLICE = "police", _("Police and border police")
    EDUCATION = "education", _("Schools and education")
    SOCIAL_SERVICES = "social_services", _("Social services")
    REFUGEE_SUPPORT = "refugee_support", _("Refugee and migrant support")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    BEAUTY_WELLNESS = "beauty_wellness", _("Beauty salons and fitness centres")
    HOSPITALITY_TOURISM = "hospitality_tourism", _("Hotels, restaurants and tourism")
    ONLINE = "online", _("Online: grooming, sextortion, job offers")
    GENERAL_PUBLIC = "general_public", _("Anyone (general public)")


class Subject(models.TextChoices):
    ADULT = "adult", _("An adult (18 or older)")
    CHILD = "child", _("A child (under 18)")


# Where something happened online (reports of the `online` sector): the platform codes of docs/interfaces.md
# §3, so that counts join with reported ads and cases, plus two places young people name often.
ReportPlatform = models.TextChoices(
    "ReportPlatform",
    [
        *[(m.name, (m.value, m.label)) for m in RecruitmentPlatform if m != RecruitmentPlatform.OTHER],
        ("DISCORD", ("discord", "Discord")),
        ("ONLINE_GAME", ("online_game", _("Chat in an online game"))),
        ("OTHER", (RecruitmentPlatform.OTHER.value, RecruitmentPlatform.OTHER.label)),
    ],
)


class OnlineConcern(models.TextChoices):
    """What a report of online exploitation is about (the topics of the young people's pages)."""

    GROOMING = "grooming", _("Grooming: an adult building trust to abuse")
    SEXTORTION = "sextortion", _("Sextortion: threats to share intimate images")
    LOVERBOY = "loverboy", _("A “boyfriend” or “girlfriend” pushing someone into sex for money")
    RECRUITMENT = "recruitment", _("A job, modelling or travel offer that looks like a trap")
    IMAGE_ABUSE = "image_abuse", _("Intimate images shared or made without consent")
    OTHER = "other", _("Something else")


class Verdict(models.TextChoices):
    PRESUMED_VICTIM = "presumed_victim", _("Presumed victim")
    POSSIBLE_VICTIM = "possible_victim", _("Possible victim")
    INDICATORS_PRESENT = "indicators_present", _("Indicators present")
    NO_INDICATORS = "no_indicators", _("No indicators")


class Element(models.TextChoices):
    DR = "dr", _("Deceptive recruitment")
    CR = "cr", _("Coercive recruitment")
    VR = "vr", _("Recruitment by abuse of vulnerability")
    EX = "ex", _("Exploitative conditions of work")
    CD = "cd", _("Coercion at destination")
    VD = "vd", _("Abuse of vulnerability at destination")


class Weight(models.TextChoices):
    STRONG = "S", _("strong")
    MEDIUM = "M", _("medium")
    WEAK = "W", _("weak")


class Indicator(models.Model):
    """One ILO/EC operational indicator; codes and weights mirror `rules.CATALOGUE` (a test checks)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    element = models.CharField(_("element"), max_length=2, choices=Element.choices)
    weight_adult = models.CharField(_("weight for adults"), max_length=1, choices=Weight.choices, blank=True)
    weight_child = models.CharField(
        _("weight for children"), max_length=1, choices=Weight.choices, blank=True
    )
    # Per-language text {"en": ..., "ro": ...}; see kompass.lib.i18n.translated.
    text = models.JSONField(_("text"), default=dict)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(element__in=[e.value for e in Element]), name="indicator_element_valid"
            ),
            models.CheckConstraint(
                condition=Q(weight_adult__in=["S", "M", "W", ""]), name="indicator_weight_adult"
            ),
            models.CheckConstraint(
                condition=Q(weight_child__in=["S", "M", "W", ""]), name="indicator_weight_child"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def label(self) -> str:
        return translated(self.text)


# The country whose protocols ship with Kompass (Romania's NRM lists, its health sub-sectors among
# them): a country that has not revised a sector protocol of its own screens with this one.
BASE_PROTOCOL_COUNTRY = "RO"


class ProtocolQuerySet(models.QuerySet):
    def for_country(self, country: str):
        """Per sector, the country's own protocol, else the base country's (decision 0051)."""
        country = (country or BASE_PROTOCOL_COUNTRY).upper()
        own = self.filter(country=country)
        base = self.filter(country=BASE_PROTOCOL_COUNTRY).exclude(
            sector__in=Protocol.objects.filter(country=country).values("sector")
        )
        return own | base if country != BASE_PROTOCOL_COUNTRY else own

    def with_published(self):
        return self.prefetch_related(
            models.Prefetch(
                "revisions",
                queryset=ProtocolRevision.objects.filter(status=ProtocolRevision.Status.PUBLISHED),
                to_attr="published_revisions",
            )
        )


class Protocol(models.Model):
    """One country's NRM indicator set for one sector. Its content lives in revisions; each country
    revises its own (the ILO/EC catalogue is common)."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    country = models.CharField(_("country"), max_length=2, default=BASE_PROTOCOL_COUNTRY)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProtocolQuerySet.as_manager()

    class Meta:
        ordering = ["country", "sector"]
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")
        constraints = [
            models.UniqueConstraint(fields=["country", "sector"], name="protocol_one_per_country_sector"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="protocol_country_iso2"),
        ]

    def __str__(self) -> str:
        return f"{self.get_sector_display()} ({self.country})"

    def get_absolute_url(self) -> str:
        return reverse("screening:protocol", kwargs={"country": self.country.lower(), "sector": self.sector})

    @property
    def published(self) -> "ProtocolRevision | None":
        if hasattr(self, "published_revisions"):
            return self.published_revisions[0] if self.published_revisions else None
        return self.revisions.filter(status=ProtocolRevision.Status.PUBLISHED).first()

    @property
    def draft(self) -> "ProtocolRevision | None":
        return self.revisions.filter(status=ProtocolRevision.Status.DRAFT).first()


class ProtocolRevision(models.Model):
    """One version of a sector protocol: draft → published → retired.

    `content` is the protocol document (title, guidance and questions, each text per language). It is
    one immutable document per revision, validated by `kompass.screening.content.validate_content`
    on the way in; screenings point at the revision they used, so it never changes once published.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("revision", "Published")
        RETIRED = "retired", _("Retired")

    # The revision state machine: allowed transitions, one service each (services.py).
    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.RETIRED},
        Status.RETIRED: set(),
    }

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    protocol = models.ForeignKey(Protocol, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(_("revision number"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    change_note = models.TextField(_("change note"), blank=True)
    content = models.JSONField(_("content"), default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["protocol__sector", "-number"]
        verbose_name = _("protocol revision")
        verbose_name_plural = _("protocol revisions")
        constraints = [
            models.UniqueConstraint(fields=["protocol", "number"], name="revision_unique_number"),
            models.UniqueConstraint(
                fields=["protocol"], condition=Q(status="published"), name="revision_one_published"
            ),
            models.UniqueConstraint(
                fields=["protocol"], condition=Q(status="draft"), name="revision_one_draft"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "retired"]), name="revision_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.protocol} — {self.version}"

    @property
    def sector(self) -> str:
        return self.protocol.sector

    @property
    def version(self) -> str:
        """`health-3` for the base country's protocols, `rs-health-1` for another country's own."""
        version = f"{self.protocol.sector}-{self.number}"
        if self.protocol.country != BASE_PROTOCOL_COUNTRY:
            version = f"{self.protocol.country.lower()}-{version}"
        return version

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def questions_for(self, subject: str) -> list[dict]:
        return [q for q in self.content.get("questions", []) if subject in q.get("subjects", [])]

    def text(self, key: str, language: str | None = None) -> str:
        return translated(self.content.get(key), language)


class Screening(models.Model):
    """One use of the screening tool. Nothing about the person is stored, only the answers."""

    class Mode(models.TextChoices):
        FULL = "full", _("Full screening")
        EMERGENCY = "emergency", _("Emergency-line short form")
        WORKER = "worker", _("Worker answered on the professional's phone")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    revision = models.ForeignKey(ProtocolRevision, on_delete=models.PROTECT, related_name="screenings")
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    subject = models.CharField(_("subject"), max_length=5, choices=Subject.choices)
    # The professional was not sure the person is an adult: the child rule applied (CoE art. 10(3)).
    age_uncertain = models.BooleanField(_("age uncertain"), default=False)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.FULL)
    # {question key: true | false | null} as answered, and the indicator answers derived from them.
    answers = models.JSONField(_("answers"), default=dict)
    indicator_answers = models.JSONField(_("indicator answers"), default=dict)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices)
    urgent = models.BooleanField(_("urgent"), default=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict__in=list(rules.VERDICTS)), name="screening_verdict_valid"
            ),
            models.CheckConstraint(
                condition=Q(subject__in=list(rules.SUBJECTS)), name="screening_subject_valid"
            ),
            models.CheckConstraint(
                condition=Q(age_uncertain=False) | Q(subject="child"),
                name="screening_age_uncertain_is_child",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"), name="screening_country_iso2"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_sector_display()} — {self.get_verdict_display()}"

    def get_absolute_url(self) -> str:
        return reverse("screening:result", kwargs={"code": self.code})

    def assessment(self) -> rules.Assessment:
        return rules.assess(self.subject, self.indicator_answers)


class ReportQuerySet(models.QuerySet):
    def visible_to(self, membership):
        """Reports go to the national coordinator of the country they were made in, only.

        A report made where no coordinator works on the platform (Ukraine, a country of transit or of
        exploitation, or no country given) goes to the platform's first coordinator, the one
        `nrm_statistics` defaults to, so that no report is left unread (decision 0050).
        """
        if membership is None or not membership.can_triage_reports:
            return self.none()
        country = membership.statistics_country
        if country is None:
            return self
        mine = Q(country=country)
        coordinators = Organisation.objects.filter(is_national_coordinator=True)
        if coordinators.order_by("pk").values_list("pk", flat=True).first() == membership.organisation_id:
            mine |= ~Q(country__in=coordinators.values("country"))
        return self.filter(mine)

    def with_urgency(self):
        """Annotate `is_urgent`: the screening saw signs of immediate danger (DOMAIN "urgent") or
        found a presumed victim (refer to the NRM now). A report without a screening is not urgent."""
        return self.annotate(
            is_urgent=models.Case(
                models.When(
                    Q(screening__urgent=True) | Q(screening__verdict=rules.PRESUMED_VICTIM),
                    then=models.Value(True),
                ),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )

    def triage_order(self):
        """Urgent first, then the longest waiting (oldest first)."""
        return self.with_urgency().order_by("-is_urgent", "created_at", "pk")

    def waiting_too_long(self, *, now=None):
        """New reports received more than KOMPASS_TRIAGE_ALERT_HOURS ago."""
        now = now or timezone.now()
        limit = now - datetime.timedelta(hours=settings.KOMPASS_TRIAGE_ALERT_HOURS)
        return self.filter(status=Report.Status.NEW, created_at__lte=limit)


class Report(models.Model):
    """A report to the national coordinator of `country` (where it was made, as the reporter chose
    it), usually sent from a screening result."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    class DismissCategory(models.TextChoices):
        """Why a report was dismissed, in words the reporter may read (the reason itself is not shown)."""

        NO_INDICATORS = "no_indicators", _("No signs of trafficking were found")
        NOT_ENOUGH_INFORMATION = "not_enough_information", _("Not enough information to act")
        DUPLICATE = "duplicate", _("Already reported")
        HANDLED_ELSEWHERE = "handled_elsewhere", _("Handled by another service")
        OTHER = "other", pgettext_lazy("dismissal", "Other reason")

    TRANSITIONS = {
        Status.NEW: {Status.ACCEPTED, Status.DISMISSED},
        Status.ACCEPTED: set(),
        Status.DISMISSED: set(),
    }

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(
        pgettext_lazy("report", "reference"), max_length=20, unique=True, null=True, blank=True
    )
    screening = models.ForeignKey(
        Screening, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region"), max_length=120, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    observations = models.TextField(_("observations"), blank=True)
    reporter_name = models.CharField(_("your name"), max_length=200, blank=True)
    reporter_phone = models.CharField(_("your phone"), max_length=40, blank=True)
    reporter_email = models.EmailField(_("your e-mail"), blank=True)
    reporter_role = models.CharField(_("your role or organisation"), max_length=200, blank=True)
    # Reports of online exploitation (sector `online`): where it happened and what it is about.
    platform = models.CharField(_("platform"), max_length=30, choices=ReportPlatform.choices, blank=True)
    platform_account = models.CharField(_("account name or link"), max_length=500, blank=True)
    concern = models.CharField(
        _("what it is about"), max_length=20, choices=OnlineConcern.choices, blank=True
    )
    subject = models.CharField(_("the person harmed"), max_length=5, choices=Subject.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    dismiss_reason = models.TextField(_("reason for dismissal"), blank=True)
    # The reason's category is what the reporter sees; the reason itself stays with the coordinator.
    dismiss_category = models.CharField(
        _("kind of reason"), max_length=30, choices=DismissCategory.choices, blank=True
    )
    # The signed-in professional who sent it (None for the public): they follow its status.
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_reports",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The case opened from this report (cases.Case.code); a UUID avoids a dependency on the cases app.
    case_code = models.UUIDField(null=True, blank=True)
    # When the coordinator was told the report waits too long (once per report, audited).
    waiting_alert_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["platform", "created_at"], name="report_platform_created"),
            models.Index(fields=["reported_by", "created_at"], name="report_reporter_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="report_country_iso2"),
            models.CheckConstraint(
                condition=Q(platform__in=["", *ReportPlatform.values]), name="report_platform_valid"
            ),
            models.CheckConstraint(
                condition=Q(concern__in=["", *OnlineConcern.values]), name="report_concern_valid"
            ),
            models.CheckConstraint(
                condition=Q(subject__in=["", *rules.SUBJECTS]), name="report_subject_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["new", "accepted", "dismissed"]), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="dismissed") | ~Q(dismiss_reason=""), name="report_dismissal_has_reason"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="dismissed")
                    & Q(
                        dismiss_category__in=[
                            "no_indicators",
                            "not_enough_information",
                            "duplicate",
                            "handled_elsewhere",
                            "other",
                        ]
                    )
                )
                | (~Q(status="dismissed") & Q(dismiss_category="")),
                name="report_dismissal_has_category",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_by_organisation__isnull=False),
                name="report_acceptance_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or str(self.code)

    def get_absolute_url(self) -> str:
        return reverse("screening:report_detail", kwargs={"code": self.code})

    @property
    def audit_organisation(self):
        return self.accepted_by_organisation

    @property
    def has_contact(self) -> bool:
        return bool(self.reporter_name or self.reporter_phone or self.reporter_email)

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    @property
    def waiting_days(self) -> int:
        """Whole days a new report has waited for triage (until triage for a triaged one)."""
        return ((self.triaged_at or timezone.now()) - self.created_at).days

    @property
    def waits_too_long(self) -> bool:
        """A new report past KOMPASS_TRIAGE_ALERT_HOURS: shown as overdue, the coordinator is alerted."""
        limit = datetime.timedelta(hours=settings.KOMPASS_TRIAGE_ALERT_HOURS)
        return self.status == self.Status.NEW and timezone.now() - self.created_at > limit


class WorkerRecordingQuerySet(models.QuerySet):
    def current_for(self, language: str) -> dict[str, "WorkerRecording"]:
        """The recorded voice that replaces each synthetic clip of a language: the latest active one."""
        current: dict[str, WorkerRecording] = {}
        for item in self.filter(language=language, is_active=True).order_by("created_at"):
            current[item.clip] = item
        return current


class WorkerRecording(models.Model):
    """A voice an organisation recorded for one clip of the worker mode (a question, an answer, an
    instruction); it replaces the synthetic espeak-ng clip for everyone until it is withdrawn."""

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="worker_recordings"
    )
    language = models.CharField(_("language"), max_length=10)
    clip = models.CharField(_("what it says"), max_length=60)
    file = models.FileField(_("recording"), upload_to="worker-voices/%Y/")
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = WorkerRecordingQuerySet.as_manager()

    class Meta:
        ordering = ["language", "clip", "-created_at"]
        verbose_name = _("recorded voice")
        verbose_name_plural = _("recorded voices")
        indexes = [models.Index(fields=["language", "clip"], name="worker_recording_clip")]
        constraints = [
            models.CheckConstraint(condition=Q(size__lte=2_000_000), name="worker_recording_size_limit"),
        ]

    def __str__(self) -> str:
        return f"{self.language}/{self.clip}"

    def get_absolute_url(self) -> str:
        return reverse("screening:worker_recording", kwargs={"code": self.code})
