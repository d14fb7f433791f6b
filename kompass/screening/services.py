"""Every change to screening data goes through these services (views, API, commands and tests)."""

import copy
import datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompass.audit.services import record_event
from kompass.cases.services import open_case_from_report
from kompass.organisations.models import Organisation
from kompass.organisations.services import notify_organisation
from kompass.screening import content as content_module
from kompass.screening import rules
from kompass.screening.models import (
    BASE_PROTOCOL_COUNTRY,
    Indicator,
    Protocol,
    ProtocolRevision,
    Report,
    Screening,
    WorkerRecording,
)

# --- catalogue -------------------------------------------------------------------------------------


@transaction.atomic
def load_catalogue() -> int:
    """Create or update the 67 indicators from the catalogue file; returns how many were written."""
    data = content_module.load_catalogue_file()["indicators"]
    for position, indicator in enumerate(rules.CATALOGUE):
        Indicator.objects.update_or_create(
            code=indicator.code,
            defaults={
                "element": indicator.element,
                "weight_adult": indicator.adult or "",
                "weight_child": indicator.child or "",
                "text": data[indicator.code],
                "position": position,
            },
        )
    return len(rules.CATALOGUE)


# --- protocols -------------------------------------------------------------------------------------


def _next_number(protocol: Protocol) -> int:
    return (protocol.revisions.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def import_protocol(
    *,
    content: dict,
    by=None,
    publish: bool = False,
    change_note: str = "",
    effective_date: datetime.date | None = None,
    country: str = BASE_PROTOCOL_COUNTRY,
) -> ProtocolRevision:
    """Store a protocol document as the sector's draft in `country` (replacing an open draft),
    optionally publishing it."""
    content_module.validate_content(content)
    protocol, _created = Protocol.objects.get_or_create(sector=content["sector"], country=country.upper())
    revision = protocol.draft
    if revision is None:
        revision = ProtocolRevision(protocol=protocol, number=_next_number(protocol), created_by=by)
    revision.content = content
    revision.change_note = change_note or revision.change_note
    revision.effective_date = effective_date or revision.effective_date
    revision.full_clean()
    revision.save()
    record_event(actor=by, action="protocol_draft_saved", obj=revision, detail={"version": revision.version})
    if publish:
        revision = publish_revision(revision=revision, by=by)
    return revision


@transaction.atomic
def start_country_protocol(*, country: str, sector: str, by) -> Protocol:
    """A country's own protocol for `sector`, made when its coordinator starts its first revision.

    Its draft starts from the revision the country screens with until then (the base country's
    published one); from then on each country publishes alone (decision 0051).
    """
    country = country.upper()
    own = Protocol.objects.filter(country=country, sector=sector).first()
    if own is not None:
        return own
    base = Protocol.objects.filter(country=BASE_PROTOCOL_COUNTRY, sector=sector).first()
    published = base.published if base is not None else None
    if published is None:
        raise ValidationError(_("This protocol has nothing to copy from; import a YAML document instead."))
    protocol = Protocol(country=country, sector=sector)
    protocol.full_clean()
    protocol.save()
    draft = ProtocolRevision(protocol=protocol, number=1, content=copy.deepcopy(published.content),
                             created_by=by, change_note=published.change_note)  # fmt: skip
    draft.full_clean()
    draft.save()
    record_event(actor=by, action="protocol_draft_started", obj=draft,
                 detail={"version": draft.version, "copied_from": published.version})  # fmt: skip
    return protocol


@transaction.atomic
def start_draft(*, protocol: Protocol, by) -> ProtocolRevision:
    """The sector's open draft, or a new one copied from the published revision."""
    draft = protocol.draft
    if draft is not None:
        return draft
    published = protocol.published
    if published is None:
        raise ValidationError(_("This protocol has nothing to copy from; import a YAML document instead."))
    draft = ProtocolRevision(
        protocol=protocol,
        number=_next_number(protocol),
        content=copy.deepcopy(published.content),
        created_by=by,
    )
    draft.full_clean()
    draft.save()
    record_event(actor=by, action="protocol_draft_started", obj=draft, detail={"version": draft.version})
    return draft


def _require_draft(revision: ProtocolRevision) -> None:
    if revision.status != ProtocolRevision.Status.DRAFT:
        raise ValidationError(_("Only a draft can be changed."))


@transaction.atomic
def update_draft_details(
    *, revision: ProtocolRevision, by, change_note: str, effective_date: datetime.date | None, texts: dict
) -> ProtocolRevision:
    """Change the draft's change note, effective date and protocol-level texts ({key: {language: text}})."""
    _require_draft(revision)
    content = copy.deepcopy(revision.content)
    for key, value in texts.items():
        if key not in content_module.TEXT_KEYS:
            raise ValidationError(_("Unknown protocol text."))
        content[key] = value
    content_module.validate_content(content, sector=revision.sector)
    revision.content = content
    revision.change_note = change_note
    revision.effective_date = effective_date
    revision.full_clean()
    revision.save(update_fields=["content", "change_note", "effective_date"])
    record_event(actor=by, action="protocol_draft_saved", obj=revision, detail={"version": revision.version})
    return revision


@transaction.atomic
def save_draft_question(
    *, revision: ProtocolRevision, by, question: dict, replace_key: str | None = None
) -> ProtocolRevision:
    """Add a question to the draft, or replace the question with `replace_key`."""
    _require_draft(revision)
    content = copy.deepcopy(revision.content)
    questions = content.setdefault("questions", [])
    if replace_key is None:
        questions.append(question)
    else:
        index = next((i for i, q in enumerate(questions) if q["key"] == replace_key), None)
        if index is None:
            raise ValidationError(_("This question is not in the draft."))
        questions[index] = question
    content_module.validate_content(content, sector=revision.sector)
    revision.content = content
    revision.save(update_fields=["content"])
    record_event(
        actor=by,
        action="protocol_question_saved",
        obj=revision,
        detail={"version": revision.version, "key": question["key"]},
    )
    return revision


@transaction.atomic
def remove_draft_question(*, revision: ProtocolRevision, by, key: str) -> ProtocolRevision:
    _require_draft(revision)
    content = copy.deepcopy(revision.content)
    content["questions"] = [q for q in content.get("questions", []) if q["key"] != key]
    content_module.validate_content(content, sector=revision.sector)
    revision.content = content
    revision.save(update_fields=["content"])
    record_event(
        actor=by,
        action="protocol_question_removed",
        obj=revision,
        detail={"version": revision.version, "key": key},
    )
    return revision


@transaction.atomic
def publish_revision(*, revision: ProtocolRevision, by) -> ProtocolRevision:
    """Publish a draft; the previously published revision is retired. Screenings keep their revision."""
    revision = ProtocolRevision.objects.select_for_update().get(pk=revision.pk)
    if not revision.can_become(ProtocolRevision.Status.PUBLISHED):
        raise ValidationError(_("Only a draft can be published."))
    content_module.validate_content(revision.content, sector=revision.sector)
    now = timezone.now()
    previous = revision.protocol.revisions.filter(status=ProtocolRevision.Status.PUBLISHED).first()
    if previous is not None:
        retire_revision(revision=previous, by=by, at=now)
    revision.status = ProtocolRevision.Status.PUBLISHED
    revision.published_at = now
    revision.published_by = by
    revision.effective_date = revision.effective_date or timezone.localdate()
    revision.full_clean()
    revision.save(update_fields=["status", "published_at", "published_by", "effective_date"])
    record_event(
        actor=by,
        action="protocol_published",
        obj=revision,
        detail={"version": revision.version, "retired": previous.version if previous else None},
    )
    return revision


@transaction.atomic
def retire_revision(
    *, revision: ProtocolRevision, by, at: datetime.datetime | None = None
) -> ProtocolRevision:
    if not revision.can_become(ProtocolRevision.Status.RETIRED):
        raise ValidationError(_("Only the published revision can be retired."))
    revision.status = ProtocolRevision.Status.RETIRED
    revision.retired_at = at or timezone.now()
    revision.save(update_fields=["status", "retired_at"])
    record_event(actor=by, action="protocol_retired", obj=revision, detail={"version": revision.version})
    return revision


@transaction.atomic
def discard_draft(*, revision: ProtocolRevision, by) -> None:
    _require_draft(revision)
    if revision.screenings.exists():
        raise ValidationError(_("This draft has been used and cannot be discarded."))
    record_event(
        actor=by, action="protocol_draft_discarded", obj=revision, detail={"version": revision.version}
    )
    revision.delete()


# --- screening -------------------------------------------------------------------------------------


def build_screening(
    *,
    revision: ProtocolRevision,
    subject: str,
    answers: dict[str, bool | None],
    age_uncertain: bool = False,
    mode: str = Screening.Mode.FULL,
    country: str = "",
    region: str = "",
    language: str = "",
    created_at: datetime.datetime | None = None,
) -> Screening:
    """Assess answers to a protocol's questions: the screening, validated but not stored.

    `age_uncertain` records that the professional was not sure the person is an adult; the child
    rule then applies whatever `subject` says (a presumed child, CoE Convention art. 10(3)).
    The worker mode shows this to the professional without storing anything (issue #18); every
    screening, stored or not, is assessed here.
    """
    if subject not in rules.SUBJECTS:
        raise ValidationError({"subject": _("Choose adult or child.")})
    if age_uncertain:
        subject = rules.subject_for_age(rules.AGE_UNCERTAIN)
    questions = revision.questions_for(subject)
    keys = {q["key"] for q in questions}
    unknown = sorted(set(answers) - keys)
    if unknown:
        raise ValidationError({"answers": _("Unknown questions: %(keys)s") % {"keys": ", ".join(unknown)}})
    indicator_answers = rules.indicators_from_questions(questions, answers)
    assessment = rules.assess(subject, indicator_answers)
    screening = Screening(
        revision=revision,
        sector=revision.sector,
        subject=subject,
        age_uncertain=age_uncertain,
        mode=mode,
        answers={key: answers.get(key) for key in (q["key"] for q in questions)},
        indicator_answers=indicator_answers,
        verdict=assessment.verdict,
        urgent=assessment.urgent,
        language=language,
        country=country,
        region=region,
        created_at=created_at or timezone.now(),
    )
    screening.full_clean()
    return screening


@transaction.atomic
def run_screening(**kwargs) -> Screening:
    """Assess answers to a protocol's questions and store the screening with the revision it used.

    Takes the keyword arguments of `build_screening`.
    """
    screening = build_screening(**kwargs)
    screening.save()
    return screening


# --- reports ---------------------------------------------------------------------------------------


@transaction.atomic
def send_report(
    *,
    sector: str,
    country: str,
    screening: Screening | None = None,
    region: str = "",
    location: str = "",
    observations: str = "",
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    reporter_role: str = "",
    platform: str = "",
    platform_account: str = "",
    concern: str = "",
    subject: str = "",
    reported_by=None,
    created_at: datetime.datetime | None = None,
) -> Report:
    """A report reaches the national coordinator's triage inbox; it gets a reference to quote.

    Reports of online exploitation (sector `online`) also name the platform, the account or link
    and what the report is about; they never carry files or images (see kompass/online).
    A signed-in professional is recorded as `reported_by`: they follow the report's status on
    "My reports" (never the case's contents).
    """
    report = Report(
        screening=screening,
        sector=sector,
        country=country,
        region=region,
        location=location,
        observations=observations,
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        reporter_email=reporter_email,
        reporter_role=reporter_role,
        platform=platform,
        platform_account=platform_account,
        concern=concern,
        subject=subject,
        reported_by=reported_by if reported_by is not None and reported_by.is_authenticated else None,
        created_at=created_at or timezone.now(),
    )
    report.full_clean(exclude=["reference"])
    report.save()
    report.reference = f"R-{timezone.localtime(report.created_at).year}-{report.pk:06d}"
    report.save(update_fields=["reference"])
    detail = {"sector": sector, "country": country}
    if platform:
        detail["platform"] = platform
    record_event(actor=None, action="report_received", obj=report, detail=detail)
    return report


def _require_new(report: Report, status: str) -> None:
    if not report.can_become(status):
        raise ValidationError(_("This report has already been triaged."))


@transaction.atomic
def accept_report(*, report: Report, organisation, by) -> Report:
    """Accept a report for an organisation; a case is opened there when the cases app offers it."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_new(report, Report.Status.ACCEPTED)
    report.status = Report.Status.ACCEPTED
    report.accepted_by_organisation = organisation
    report.triaged_at = timezone.now()
    report.triaged_by = by
    case = open_case_from_report(report=report, owner=organisation, by=by)
    report.case_code = case.code
    report.full_clean()
    report.save(update_fields=["status", "accepted_by_organisation", "triaged_at", "triaged_by", "case_code"])
    record_event(
        actor=by,
        action="report_accepted",
        obj=report,
        organisation=organisation,
        detail={"organisation": organisation.name, "case": report.case_code},
    )
    return report


@transaction.atomic
def dismiss_report(*, report: Report, reason: str, category: str, by) -> Report:
    """Dismiss a report. The reporter sees the category of the reason, never the reason."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_new(report, Report.Status.DISMISSED)
    if category not in Report.DismissCategory.values:
        raise ValidationError({"dismiss_category": _("Choose what kind of reason it is.")})
    if not reason.strip():
        raise ValidationError({"dismiss_reason": _("Give a reason for dismissing the report.")})
    report.status = Report.Status.DISMISSED
    report.dismiss_category = category
    report.dismiss_reason = reason.strip()
    report.triaged_at = timezone.now()
    report.triaged_by = by
    report.full_clean()
    report.save(update_fields=["status", "dismiss_category", "dismiss_reason", "triaged_at", "triaged_by"])
    record_event(
        actor=by,
        action="report_dismissed",
        obj=report,
        detail={"category": report.dismiss_category, "reason": report.dismiss_reason},
    )
    return report


def report_coordinator(report: Report) -> Organisation | None:
    """The coordinator organisation whose inbox holds the report (as `ReportQuerySet.visible_to`):
    the country's, else the platform's first coordinator."""
    coordinators = Organisation.objects.filter(is_national_coordinator=True, is_active=True).order_by("pk")
    return coordinators.filter(country=report.country).first() or coordinators.first()


def raise_waiting_report_alerts(*, now: datetime.datetime | None = None) -> list[Report]:
    """Tell the coordinator about every new report waiting longer than KOMPASS_TRIAGE_ALERT_HOURS.

    Once per report (`waiting_alert_at`), audited; the e-mail carries the reference and a link only,
    never the report's contents, and is sent after the mark is committed.
    """
    now = now or timezone.now()
    alerted = []
    for pk in (
        Report.objects.waiting_too_long(now=now)
        .filter(waiting_alert_at__isnull=True)
        .values_list("pk", flat=True)
    ):
        with transaction.atomic():
            report = Report.objects.select_for_update().filter(pk=pk, waiting_alert_at__isnull=True).first()
            if report is None or report.status != Report.Status.NEW:
                continue
            coordinator = report_coordinator(report)
            report.waiting_alert_at = now
            report.save(update_fields=["waiting_alert_at"])
            record_event(
                actor=None, action="report_waiting_alert", obj=report, organisation=coordinator,
                actor_label="alert_waiting_reports",
                detail={"hours": settings.KOMPASS_TRIAGE_ALERT_HOURS, "days": (now - report.created_at).days},
            )  # fmt: skip
            if coordinator is not None:
                transaction.on_commit(partial(_send_waiting_alert, report, coordinator, now))
        alerted.append(report)
    return alerted


def _send_waiting_alert(report: Report, coordinator: Organisation, now: datetime.datetime) -> None:
    days = (now - report.created_at).days

    def compose() -> tuple[str, str]:
        subject = ngettext(
            "Report %(reference)s has waited %(days)d day for triage",
            "Report %(reference)s has waited %(days)d days for triage",
            days,
        ) % {"reference": report.reference, "days": days}
        body = _("It is still new in your triage inbox. Open it (sign-in needed):\n\n%(url)s") % {
            "url": settings.SITE_URL.rstrip("/") + report.get_absolute_url()
        }
        return subject, body

    notify_organisation(organisation=coordinator, compose=compose, capability="can_triage_reports")


# --- worker mode: recorded voices ------------------------------------------------------------------


@transaction.atomic
def add_worker_recording(
    *, organisation, language: str, clip: str, upload, content_type: str, by
) -> WorkerRecording:
    """An organisation's recording replaces the synthetic voice of one clip for every visit."""
    from kompass.screening import worker

    lang = worker.languages().get(language)
    if lang is None or clip not in lang.clips():
        raise ValidationError(_("Unknown language or clip."))
    recording = WorkerRecording(
        organisation=organisation,
        language=language,
        clip=clip,
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    recording.file.save(upload.name, upload, save=False)
    recording.full_clean()
    recording.save()
    record_event(
        actor=by,
        action="worker_recording_added",
        obj=recording,
        organisation=organisation,
        detail={"language": language, "clip": clip, "size": upload.size},
    )
    return recording


@transaction.atomic
def withdraw_worker_recording(*, recording: WorkerRecording, by) -> WorkerRecording:
    """Stop using a recording; the synthetic voice (or an older recording) is used again."""
    recording.is_active = False
    recording.save(update_fields=["is_active"])
    record_event(
        actor=by,
        action="worker_recording_withdrawn",
        obj=recording,
        organisation=recording.organisation,
        detail={"language": recording.language, "clip": recording.clip},
    )
    return recording
