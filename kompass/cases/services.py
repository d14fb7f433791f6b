"""Use cases that change case data. Views, the API, commands and tests all call these.

Each service validates, saves, and records one audit event; none logs case contents.
"""

import datetime
import functools
import io
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompass.audit.services import record_access, record_event
from kompass.cases.codes import STAGE_TRANSITIONS, Platform, Stage
from kompass.cases.models import (
    AssistancePlan,
    Attachment,
    Case,
    CaseIdentity,
    CaseNote,
    CaseRecruitmentPlatform,
    Consent,
    DashboardVisit,
    NeedsAssessment,
    PlanGoal,
    Proceeding,
    RiskAssessment,
    ServiceDelivery,
    StageChange,
    Task,
)
from kompass.cases.visibility import (
    CASE_FIELD_GROUPS,
    CASEWORK,
    EXPLOITATION,
    PROFILE,
    RECORD,
    STATUS,
    owner_groups,
    visible_fields,
)
from kompass.lib import spreadsheet
from kompass.lib.i18n import language_choices
from kompass.ops.tasks import queue_mail
from kompass.organisations.services import notify_organisation

# Attributes of a case that services may set: the editable fields of the case map's groups (the rest
# is managed: code, reference, version, is_anonymous, is_recruited_online…).
CASE_FIELDS = tuple(
    name
    for group in (CASEWORK, PROFILE, STATUS, EXPLOITATION)
    for name in CASE_FIELD_GROUPS[group]
    if Case._meta.get_field(name).editable and name != "is_anonymous"
)

# What apps above cases do when a case closes, or when the person withdraws consent to share it:
# each registers its step from its AppConfig.ready() (referrals ends the open referrals), and the
# step runs inside the same transaction. cases imports no app above it (docs/architecture.md).
CASE_CLOSED_STEPS: list[Callable[..., object]] = []  # step(case=…, by=…)
SHARING_WITHDRAWN_STEPS: list[Callable[..., object]] = []  # step(consent=…, by=…)


class ConcurrentEditError(Exception):
    """Someone else saved the case since this edit started."""

    def __init__(self, case: Case):
        super().__init__(_("Someone else saved this case while you were editing it."))
        self.case = case


class TransitionNotAllowed(ValidationError):
    pass


def retention_days() -> int:
    return int(getattr(settings, "KOMPASS_CASE_RETENTION_DAYS", 365 * 5))


def next_reference(year: int) -> str:
    prefix = f"KMP-{year}-"
    last = Case.objects.filter(reference__startswith=prefix).aggregate(m=Max("reference"))["m"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _validate_platforms(platforms) -> list[str]:
    platforms = sorted(set(platforms or []))
    unknown = [p for p in platforms if p not in Platform.values]
    if unknown:
        raise ValidationError(
            {"platforms": [_("Unknown platform: %(code)s") % {"code": code} for code in unknown]}
        )
    return platforms


def _set_platforms(case: Case, platforms: list[str]) -> None:
    case.platforms.exclude(platform__in=platforms).delete()
    existing = set(case.platforms.values_list("platform", flat=True))
    CaseRecruitmentPlatform.objects.bulk_create(
        [CaseRecruitmentPlatform(case=case, platform=p) for p in platforms if p not in existing]
    )


@transaction.atomic
def create_case(
    *, owner, by, identity: dict | None = None, platforms: list[str] | None = None, **attrs: Any
) -> Case:
    """Open a case owned by `owner`. `identity` (optional) is stored encrypted, apart from the case."""
    unknown = set(attrs) - set(CASE_FIELDS) - {"source_report", "is_anonymous", "stage"}
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in sorted(unknown)})
    platforms = _validate_platforms(platforms)
    now = timezone.now()
    case = Case(owner=owner, created_at=now, updated_at=now, **attrs)
    case.is_anonymous = attrs.get("is_anonymous", False) or identity is None
    case.is_recruited_online = case.compute_recruited_online(platforms)
    for attempt in range(5):
        case.reference = next_reference((case.identified_on or now.date()).year)
        case.full_clean()
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
    _set_platforms(case, platforms)
    if identity:
        identity_row = CaseIdentity(case=case, **identity)
        identity_row.full_clean(exclude=["case"])
        identity_row.save()
    StageChange.objects.create(
        case=case, from_stage="", to_stage=case.stage, changed_on=case.identified_on, by=by
    )
    record_event(actor=by, action="case_created", obj=case, detail={"source_report": case.source_report})
    return case


def _locked_update(case: Case, expected_version: int, fields: list[str]) -> None:
    """Save `fields` only if nobody saved the case since `expected_version` was read."""
    case.updated_at = timezone.now()
    values = {name: getattr(case, name) for name in fields}
    updated = Case.objects.filter(pk=case.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=case.updated_at, **values
    )
    if not updated:
        raise ConcurrentEditError(Case.objects.get(pk=case.pk))
    case.version = expected_version + 1


@transaction.atomic
def update_case(
    *, case: Case, by, expected_version: int, platforms: list[str] | None = None, **attrs: Any
) -> Case:
    """Change case attributes. Refused with ConcurrentEditError when the case changed meanwhile."""
    unknown = set(attrs) - set(CASE_FIELDS)
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in sorted(unknown)})
    changed = sorted(name for name, value in attrs.items() if getattr(case, name) != value)
    for name, value in attrs.items():
        setattr(case, name, value)
    case.full_clean(exclude=["reference"])
    if platforms is not None:
        platforms = _validate_platforms(platforms)
        if set(platforms) != set(case.platforms.values_list("platform", flat=True)):
            changed.append("platforms")
        _set_platforms(case, platforms)
    case.is_recruited_online = case.compute_recruited_online(platforms)
    _locked_update(case, expected_version, list(attrs) + ["is_recruited_online"])
    record_event(actor=by, action="case_updated", obj=case, detail={"fields": changed})
    return case


@transaction.atomic
def update_identity(*, case: Case, by, expected_version: int, **fields: Any) -> CaseIdentity:
    """Change the person's identity (encrypted). Same optimistic lock as the case."""
    unknown = set(fields) - set(CaseIdentity.IDENTITY_FIELDS)
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in sorted(unknown)})
    identity = CaseIdentity.objects.filter(case=case).first() or CaseIdentity(case=case)
    changed = sorted(name for name, value in fields.items() if getattr(identity, name) != value)
    for name, value in fields.items():
        setattr(identity, name, value)
    identity.updated_at = timezone.now()
    identity.full_clean(exclude=["case"])
    _locked_update(case, expected_version, [])
    identity.save()
    if case.is_anonymous and any(fields.values()):
        case.is_anonymous = False
        case.save(update_fields=["is_anonymous"])
    record_event(actor=by, action="case_identity_updated", obj=case, detail={"fields": changed})
    return identity


@transaction.atomic
def change_stage(*, case: Case, by, to_stage: str, on: datetime.date | None = None, note: str = "") -> Case:
    """Move the case to its next TRM phase (see STAGE_TRANSITIONS)."""
    if to_stage not in STAGE_TRANSITIONS.get(case.stage, ()):
        raise TransitionNotAllowed(
            _("A case cannot move from %(from)s to %(to)s.")
            % {
                "from": Stage(case.stage).label,
                "to": Stage(to_stage).label if to_stage in Stage.values else to_stage,
            }
        )
    on = on or timezone.localdate()
    StageChange.objects.create(
        case=case, from_stage=case.stage, to_stage=to_stage, changed_on=on, by=by, note=note
    )
    previous = case.stage
    case.stage = to_stage
    if to_stage == Stage.FIRST_ASSISTANCE and case.reflection_start is None:
        case.reflection_start = on
        case.reflection_end = on + datetime.timedelta(days=30)
    case.closed_at = timezone.now() if to_stage == Stage.CLOSED else None
    _locked_update(case, case.version, ["stage", "closed_at", "reflection_start", "reflection_end"])
    record_event(actor=by, action="case_stage_changed", obj=case, detail={"from": previous, "to": to_stage})
    if to_stage == Stage.CLOSED:
        for step in CASE_CLOSED_STEPS:
            step(case=case, by=by)
    return case


# Risk --------------------------------------------------------------------------------------------


@transaction.atomic
def assess_risk(
    *, case: Case, by, level: str, reason: str, assessed_on: datetime.date | None = None
) -> RiskAssessment:
    """Record the person's risk level with its reason; the newest assessment is the case's current one.

    History is kept (one row per assessment); the case holds the current level and date so that lists
    show and filter it. An assessment dated before the current one joins the history only.
    """
    assessment = RiskAssessment(
        case=case, level=level, reason=(reason or "").strip(), assessed_on=assessed_on or timezone.localdate(),
        assessed_by=by,
    )  # fmt: skip
    assessment.full_clean()
    assessment.save()
    if case.risk_assessed_on is None or assessment.assessed_on >= case.risk_assessed_on:
        case.risk_level, case.risk_assessed_on = assessment.level, assessment.assessed_on
        case.updated_at = timezone.now()
        case.save(update_fields=["risk_level", "risk_assessed_on", "updated_at"])
    # The level is recorded, not the reason: audit details never hold case contents.
    record_event(
        actor=by, action="risk_assessed", obj=case,
        detail={"level": assessment.level, "assessed_on": assessment.assessed_on.isoformat()},
    )  # fmt: skip
    return assessment


# Dashboard visits --------------------------------------------------------------------------------

# Reloads within this gap are one visit: news stay on the dashboard until the member comes back later.
VISIT_GAP = datetime.timedelta(minutes=30)
# A member's first visit shows the news of this many days.
FIRST_VISIT_NEWS = datetime.timedelta(days=14)


@transaction.atomic
def record_dashboard_visit(*, membership, now: datetime.datetime | None = None) -> datetime.datetime:
    """Note that the member opened the dashboard; answer the start of its news window.

    The window starts at the member's previous visit (reloads within VISIT_GAP are the same visit),
    so partners' answers stay in view for the whole visit. Not audited: it reads no case data.
    """
    now = now or timezone.now()
    visit, created = DashboardVisit.objects.select_for_update().get_or_create(
        membership=membership, defaults={"last_at": now, "previous_at": now - FIRST_VISIT_NEWS}
    )
    if not created and now - visit.last_at >= VISIT_GAP:
        visit.previous_at = visit.last_at
    visit.last_at = now
    if not created:
        visit.save(update_fields=["previous_at", "last_at"])
    return visit.previous_at or now - FIRST_VISIT_NEWS


# Consent -----------------------------------------------------------------------------------------


@transaction.atomic
def record_consent(
    *, case: Case, by, purpose: str, organisation=None, service: str = "",
    given_on: datetime.date | None = None, note: str = "", given_by: str = Consent.GivenBy.PERSON,
    giver_name: str = "", giver_relation: str = "", presumed_child: bool = False, language: str = "",
    interpreter_used: bool = False, interpreter_name: str = "", interpreter_organisation: str = "",
    expires_on: datetime.date | None = None, signed_form=None,
) -> Consent:  # fmt: skip
    """Record what the person agreed to, who gave the consent and how.

    For a child (under 18, or presumed one when the age is not established, decision 0055) the
    consent is given by a parent or guardian or a legal representative, named with their relation.
    `signed_form` (an upload) is checked like any attachment and kept as the case's
    "signed consent form"; nothing is stored when anything is wrong.
    """
    if language and language not in dict(language_choices()):
        raise ValidationError({"language": [_("Choose the language from the list.")]})
    consent = Consent(
        case=case, purpose=purpose, organisation=organisation, service=service,
        given_on=given_on or timezone.localdate(), note=note, recorded_by=by, given_by=given_by,
        giver_name=giver_name.strip(), giver_relation=giver_relation.strip(), presumed_child=presumed_child,
        language=language, interpreter_used=interpreter_used, interpreter_name=interpreter_name.strip(),
        interpreter_organisation=interpreter_organisation.strip(), expires_on=expires_on,
    )  # fmt: skip
    consent.full_clean()
    if signed_form is not None:
        consent.form = add_attachment(case=case, by=by, upload=signed_form, kind=Attachment.Kind.CONSENT_FORM)
    consent.save()
    record_event(
        actor=by, action="consent_recorded", obj=case,
        detail={"purpose": purpose, "organisation": getattr(organisation, "name", ""), "service": service,
                "given_by": given_by, "language": language, "interpreter": interpreter_used,
                "signed_form": consent.form_id is not None,
                "expires_on": expires_on.isoformat() if expires_on else None},
    )  # fmt: skip
    return consent


@transaction.atomic
def withdraw_consent(*, consent: Consent, by, on: datetime.date | None = None) -> Consent:
    """The person takes consent back. Open referrals that relied on it are withdrawn with it."""
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    consent.withdrawn_on = max(on or timezone.localdate(), consent.given_on)
    consent.full_clean()
    consent.save(update_fields=["withdrawn_on"])
    record_event(actor=by, action="consent_withdrawn", obj=consent.case, detail={"purpose": consent.purpose})
    if consent.purpose in (Consent.Purpose.SHARING, Consent.Purpose.CROSS_BORDER):
        for step in SHARING_WITHDRAWN_STEPS:
            step(consent=consent, by=by)
    return consent


def consent_renewal_notice_days() -> int:
    return settings.KOMPASS_CONSENT_RENEWAL_DAYS


def send_consent_renewal_reminders(*, today: datetime.date | None = None) -> list[Consent]:
    """Remind the case's caseworker (else the organisation's caseworkers) that a consent expires
    soon: once per consent, audited. Run daily by the scheduler."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=consent_renewal_notice_days())
    due = Consent.objects.filter(
        expires_on__gt=today, expires_on__lte=horizon, withdrawn_on__isnull=True, renewal_reminded_at__isnull=True,
        case__anonymised_at__isnull=True,
    ).exclude(case__stage=Stage.CLOSED).select_related("case", "case__owner", "case__assigned_to")  # fmt: skip
    reminded = []
    for consent in due:
        with transaction.atomic():
            if not Consent.objects.filter(pk=consent.pk, renewal_reminded_at__isnull=True).update(
                renewal_reminded_at=timezone.now()
            ):
                continue
            record_event(
                actor=None, actor_label="scheduler", action="consent_renewal_reminder_sent", obj=consent.case,
                detail={"purpose": consent.purpose, "expires_on": str(consent.expires_on)},
            )  # fmt: skip
            transaction.on_commit(functools.partial(_remind_renewal, consent))
        reminded.append(consent)
    return reminded


def _remind_renewal(consent: Consent) -> None:
    case = consent.case
    expires_on = consent.expires_on
    assert expires_on is not None  # only expiring consents are reminded

    def compose() -> tuple[str, str]:
        subject = _("Consent in case %(reference)s expires on %(date)s") % {
            "reference": case.reference, "date": date_format(expires_on, "SHORT_DATE_FORMAT"),
        }  # fmt: skip
        body = _(
            "The person's consent (%(purpose)s) in case %(reference)s expires on %(date)s. Ask them whether "
            "they agree again and record the renewed consent; after that day nothing is shared on it.\n\n%(url)s"
        ) % {
            "purpose": consent.get_purpose_display(), "reference": case.reference,
            "date": date_format(expires_on, "SHORT_DATE_FORMAT"),
            "url": settings.SITE_URL + case.get_absolute_url() + "#consent",
        }  # fmt: skip
        return subject, body

    caseworker = case.assigned_to
    if caseworker is not None and caseworker.is_active:
        with translation.override(caseworker.preferred_language or settings.LANGUAGE_CODE):
            subject, body = compose()
            queue_mail(subject=subject, body=body, recipients=[caseworker.email])
    else:
        notify_organisation(organisation=case.owner, compose=compose, capability="can_edit_cases")


def end_sharing_on_expired_consents(*, today: datetime.date | None = None) -> int:
    """An expired consent to share allows no more sharing: the open referrals that relied on it end
    (as on withdrawal, with their own reason). Run daily; returns the consents looked at."""
    today = today or timezone.localdate()
    expired = Consent.objects.filter(
        purpose__in=[Consent.Purpose.SHARING, Consent.Purpose.CROSS_BORDER], expires_on__lte=today,
        withdrawn_on__isnull=True,
    ).select_related("case")  # fmt: skip
    count = 0
    for consent in expired:
        with transaction.atomic():
            for step in SHARING_WITHDRAWN_STEPS:
                step(consent=consent, by=None, reason="consent_expired")
        count += 1
    return count


def sharing_consent(case: Case, organisation, service: str = "") -> Consent | None:
    """The active consent to share this case with `organisation` for `service`, if any."""
    today = timezone.localdate()
    for consent in case.consents.filter(purpose=Consent.Purpose.SHARING, organisation=organisation):
        if consent.is_active_on(today) and consent.service in ("", service):
            return consent
    return None


def cross_border_consent(case: Case, organisation) -> Consent | None:
    """The person's active explicit consent to transfer their data to `organisation` abroad, if any."""
    today = timezone.localdate()
    for consent in case.consents.filter(purpose=Consent.Purpose.CROSS_BORDER, organisation=organisation):
        if consent.is_active_on(today):
            return consent
    return None


# Assistance --------------------------------------------------------------------------------------


@transaction.atomic
def assess_need(*, case: Case, by, service: str, priority: str = "normal", note: str = "") -> NeedsAssessment:
    need = NeedsAssessment.objects.filter(case=case, service=service).first() or NeedsAssessment(
        case=case, service=service
    )
    need.priority, need.note, need.assessed_by = priority, note, by
    need.assessed_on = timezone.localdate()
    need.met_on = None
    need.full_clean()
    need.save()
    record_event(
        actor=by, action="need_assessed", obj=case, detail={"service": service, "priority": priority}
    )
    return need


@transaction.atomic
def mark_need_met(*, need: NeedsAssessment, by, on: datetime.date | None = None) -> NeedsAssessment:
    need.met_on = on or timezone.localdate()
    need.save(update_fields=["met_on"])
    record_event(actor=by, action="need_met", obj=need.case, detail={"service": need.service})
    return need


@transaction.atomic
def save_plan(
    *, case: Case, by, agreed_on: datetime.date, review_on: datetime.date | None = None, summary: str = ""
) -> AssistancePlan:
    plan = AssistancePlan.objects.filter(case=case).first() or AssistancePlan(case=case)
    plan.agreed_on, plan.review_on, plan.summary = agreed_on, review_on, summary
    plan.updated_at = timezone.now()
    plan.full_clean()
    plan.save()
    record_event(actor=by, action="plan_saved", obj=case)
    return plan


@transaction.atomic
def add_goal(
    *, case: Case, by, description: str, service: str = "", target_on: datetime.date | None = None
) -> PlanGoal:
    plan = AssistancePlan.objects.filter(case=case).first()
    if plan is None:
        plan = save_plan(case=case, by=by, agreed_on=timezone.localdate())
    goal = PlanGoal(plan=plan, description=description, service=service, target_on=target_on)
    goal.full_clean()
    goal.save()
    record_event(actor=by, action="goal_added", obj=case, detail={"service": service})
    return goal


@transaction.atomic
def achieve_goal(*, goal: PlanGoal, by, on: datetime.date | None = None) -> PlanGoal:
    goal.achieved_on = on or timezone.localdate()
    goal.save(update_fields=["achieved_on"])
    record_event(actor=by, action="goal_achieved", obj=goal.plan.case)
    return goal


@transaction.atomic
def record_service(
    *, case: Case, by, service: str, provider, delivered_on: datetime.date | None = None,
    note: str = "", referral=None,
) -> ServiceDelivery:  # fmt: skip
    """A service was given to the person (by the owner or by a receiving organisation)."""
    delivery = ServiceDelivery(
        case=case, service=service, provider=provider, delivered_on=delivered_on or timezone.localdate(),
        note=note, recorded_by=by, referral_code=getattr(referral, "code", None),
    )  # fmt: skip
    delivery.full_clean()
    delivery.save()
    NeedsAssessment.objects.filter(case=case, service=service, met_on__isnull=True).update(
        met_on=delivery.delivered_on
    )
    record_event(
        actor=by, action="service_recorded", obj=case, detail={"service": service, "provider": provider.name}
    )
    return delivery


@transaction.atomic
def add_task(*, case: Case, by, title: str, due_on: datetime.date, assigned_to=None) -> Task:
    task = Task(case=case, title=title, due_on=due_on, assigned_to=assigned_to, created_by=by)
    task.full_clean()
    task.save()
    record_event(actor=by, action="task_added", obj=case, detail={"due_on": due_on.isoformat()})
    return task


@transaction.atomic
def complete_task(*, task: Task, by) -> Task:
    if task.done_at is not None:
        raise ValidationError(_("This task is already done."))
    task.done_at = timezone.now()
    task.save(update_fields=["done_at"])
    record_event(actor=by, action="task_done", obj=task.case)
    return task


@transaction.atomic
def add_note(*, case: Case, by, text: str, level: str = CaseNote.Level.NORMAL) -> CaseNote:
    note = CaseNote(case=case, text=text, level=level, author=by)
    note.full_clean()
    note.save()
    record_event(actor=by, action="note_added", obj=case, detail={"level": level})
    return note


@transaction.atomic
def add_proceeding(*, case: Case, by, **attrs: Any) -> Proceeding:
    proceeding = Proceeding(case=case, **attrs)
    proceeding.full_clean()
    proceeding.save()
    record_event(actor=by, action="proceeding_added", obj=case, detail={"kind": proceeding.kind})
    return proceeding


# Attachments: only these types, recognised by their first bytes as well as their name.
ATTACHMENT_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": ("text/plain", ()),
}


def attachment_max_bytes() -> int:
    return int(getattr(settings, "KOMPASS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def check_upload(upload) -> str:
    """The content type of an acceptable upload; ValidationError for a wrong type or size."""
    name = upload.name or ""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError({"file": [_("Only PDF, PNG, JPEG and plain-text files can be attached.")]})
    if upload.size > attachment_max_bytes():
        raise ValidationError(
            {
                "file": [
                    _("The file is too large (at most %(mb)d MB).") % {"mb": attachment_max_bytes() // 2**20}
                ]
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("The file is empty.")]})
    content_type, magics = ATTACHMENT_TYPES[suffix]
    head = upload.read(16)
    upload.seek(0)
    if magics and not any(head.startswith(magic) for magic in magics):
        raise ValidationError({"file": [_("The file's content does not match its type.")]})
    if not magics:
        try:
            upload.read(4096).decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError({"file": [_("The file's content does not match its type.")]})
        finally:
            upload.seek(0)
    return content_type


@transaction.atomic
def add_attachment(*, case: Case, by, upload, kind: str = Attachment.Kind.OTHER) -> Attachment:
    content_type = check_upload(upload)
    attachment = Attachment(
        case=case, kind=kind, original_name=upload.name[:200], content_type=content_type,
        size=upload.size, uploaded_by=by,
    )  # fmt: skip
    attachment.file.save(upload.name, upload, save=False)
    attachment.full_clean()
    attachment.save()
    record_event(actor=by, action="attachment_added", obj=case, detail={"kind": kind, "size": upload.size})
    return attachment


# Triage ------------------------------------------------------------------------------------------


@transaction.atomic
def open_case_from_report(*, report, owner, by) -> Case:
    """Turn a screening report into a case owned by `owner` (called by the coordinator's triage).

    Idempotent: a report opens at most one case. The report's observations become a restricted note.
    """
    existing = Case.objects.filter(source_report=report.code).first()
    if existing is not None:
        return existing
    created = report.created_at or timezone.now()
    case = create_case(
        owner=owner, by=by, identity=None, source_report=report.code,
        identified_on=timezone.localtime(created).date(),
        identifying_sector=report.sector or "", country=report.country, region=report.region or "",
    )  # fmt: skip
    reference = report.reference or str(report.code)
    text = _("Opened from report %(reference)s.") % {"reference": reference}
    if report.observations:
        text = f"{text}\n\n{report.observations}"
    add_note(case=case, by=by, text=text, level=CaseNote.Level.RESTRICTED)
    add_task(
        case=case,
        by=by,
        title=_("First contact with the person"),
        due_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    record_event(actor=by, action="case_opened_from_report", obj=case, detail={"report": reference})

    def compose() -> tuple[str, str]:
        subject = _("New case %(reference)s assigned to your organisation") % {"reference": case.reference}
        body = _("The national coordinator opened case %(reference)s for your organisation: %(url)s") % {
            "reference": case.reference,
            "url": settings.SITE_URL + case.get_absolute_url(),
        }
        return subject, body

    # Sent once the triage is committed: a rolled-back triage must not announce a case.
    transaction.on_commit(
        lambda: notify_organisation(organisation=owner, compose=compose, capability="can_work_on_cases")
    )
    return case


# Retention, erasure and export -------------------------------------------------------------------


@transaction.atomic
def anonymise_case(*, case: Case, by, reason: str) -> Case:
    """Remove everything that could identify the person; keep the statistical attributes."""
    if case.anonymised_at is not None:
        return case
    CaseIdentity.objects.filter(case=case).delete()
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
    case.attachments.all().delete()
    case.notes.all().delete()
    case.tasks.all().update(title=_("(removed)"))
    case.deliveries.all().update(note="")
    case.needs.all().update(note="")
    case.consents.all().update(note="")
    case.proceedings.all().update(note="", file_reference="")
    StageChange.objects.filter(case=case).update(note="")
    AssistancePlan.objects.filter(case=case).update(summary="")
    PlanGoal.objects.filter(plan__case=case).update(description=_("(removed)"))
    case.risk_assessments.update(reason=_("(removed)"))
    case.referrals.update(message="", response_note="")
    case.is_anonymous = True
    case.birth_year = None
    case.anonymised_at = timezone.now()
    case.assigned_to = None
    case.version += 1
    case.save(update_fields=["is_anonymous", "birth_year", "anonymised_at", "assigned_to", "version"])
    record_event(actor=by, action="case_anonymised", obj=case, detail={"reason": reason})
    return case


def erase_case_on_request(*, case: Case, by, reason: str) -> Case:
    """The person asked for their data to be erased (GDPR art. 17): anonymise now, audited."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Record the request (who asked, when, how).")]})
    return anonymise_case(case=case, by=by, reason=f"erasure request: {reason.strip()}")


def cases_due_for_anonymisation(*, now: datetime.datetime | None = None, days: int | None = None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days() if days is None else days)
    return Case.objects.filter(stage=Stage.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise_closed_cases(*, by=None, dry_run: bool = False, days: int | None = None) -> list[str]:
    """Anonymise closed cases older than the retention period; returns their references."""
    references = []
    for case in cases_due_for_anonymisation(days=days).order_by("closed_at"):
        references.append(case.reference)
        if not dry_run:
            anonymise_case(case=case, by=by, reason="retention period elapsed")
    return references


# The organisation's export: the case map's groups an exporter sees, without identity, without
# internal keys and who works on it, and with the age band instead of the exact age (data minimisation).
EXPORT_GROUPS = (RECORD, PROFILE, CASEWORK, STATUS, EXPLOITATION)
NOT_EXPORTED = frozenset(
    {"id", "owner", "assigned_to", "version", "source_report", "created_at", "updated_at", "anonymised_at",
     "birth_year", "age_at_identification", "platforms"}
)  # fmt: skip


def export_columns(membership) -> list[str]:
    groups = owner_groups(membership)
    return [
        name for group in EXPORT_GROUPS for name in visible_fields(groups, group) if name not in NOT_EXPORTED
    ]


def export_cases(*, membership, by) -> str:
    """The organisation's own cases as CSV (no identity). Only for roles allowed to export; audited.

    Cells are spreadsheet-safe (`kompass.lib.spreadsheet`): text typed by the public cannot run.
    """
    if membership is None or not membership.can_export_cases:
        raise PermissionDenied
    columns = export_columns(membership)
    cases = Case.objects.filter(owner_id=membership.organisation_id).order_by("reference")
    out = io.StringIO()
    writer = spreadsheet.writer(out)
    writer.writerow(columns)
    count = 0
    for case in cases.iterator():
        writer.writerow([_export_value(getattr(case, column)) for column in columns])
        count += 1
    record_access(
        actor=by,
        obj=membership.organisation,
        action="cases_exported",
        detail={"cases": count, "format": "csv"},
    )
    return out.getvalue()


def _export_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value


# Key rotation ------------------------------------------------------------------------------------


def rotate_field_keys(*, dry_run: bool = False, batch: int = 500) -> dict[str, int]:
    """Re-encrypt every encrypted field that is not under the first key of FIELD_ENCRYPTION_KEYS.

    Put the new key first in `KOMPASS_FIELD_ENCRYPTION_KEYS` (old keys after it), run this, check
    that `to_rotate` is 0, then drop the old keys. Tokens are rotated as they are (no plaintext is
    formed in Python), in batches of one transaction each; `updated_at` is not touched, so record
    linkage does not re-encode anyone. Returns {"checked", "to_rotate", "rotated"} (values, not rows).
    """
    from cryptography.fernet import Fernet, InvalidToken
    from django.apps import apps
    from django.db import connection

    from kompass.cases.fields import EncryptedDateField, EncryptedTextField, fernet

    primary = Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode())
    every_key = fernet()
    counts = {"checked": 0, "to_rotate": 0, "rotated": 0}
    quote = connection.ops.quote_name
    for model in apps.get_models():
        columns = [
            f.column
            for f in model._meta.concrete_fields
            if isinstance(f, EncryptedTextField | EncryptedDateField) and f.column
        ]
        if not columns or model._meta.pk is None or not model._meta.pk.column:
            continue
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        last = 0
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {pk}, {', '.join(quote(c) for c in columns)} FROM {table} WHERE {pk} > %s ORDER BY {pk} LIMIT %s",  # noqa: S608
                    [last, batch],
                )
                rows = cursor.fetchall()
                for pk_value, *tokens in rows:
                    changes = {}
                    for column, token in zip(columns, tokens, strict=True):
                        if not token:
                            continue
                        counts["checked"] += 1
                        try:
                            primary.decrypt(token.encode())
                        except InvalidToken:
                            counts["to_rotate"] += 1
                            changes[column] = every_key.rotate(token.encode()).decode()
                    if changes and not dry_run:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in changes)
                        sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608 — names from the model
                        cursor.execute(sql, [*changes.values(), pk_value])
                        counts["rotated"] += len(changes)
            if len(rows) < batch:
                break
            last = rows[-1][0]
    if not dry_run:
        record_event(
            actor=None, action="field_keys_rotated", actor_label="manage.py rotate_field_keys", detail=counts
        )
    return counts
