"""Every change to training data goes through these services (views, commands and tests alike)."""

from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kompass.audit.services import record_event
from kompass.organisations.models import Organisation
from kompass.training.codes import MODULE_FIELDS, Phase
from kompass.training.models import (
    Attendee,
    CheckAnswer,
    CheckResponse,
    ParentSession,
    School,
    SchoolSession,
    SchoolSessionVisit,
    Training,
)
from kompass.training.questions import questions_for

TRAINING_FIELDS = (
    "title",
    "audience_sector",
    "date",
    "is_online",
    "locality",
    "region",
    "country",
    "participant_count",
    "external_trainers",
    "materials",
    "check_open",
)


def _check_trainers(organisation: Organisation, trainers) -> None:
    outsiders = [
        t for t in trainers if not t.memberships.filter(organisation=organisation, is_active=True).exists()
    ]
    if outsiders:
        raise ValidationError({"trainers": _("Trainers must be members of the organisation.")})


@transaction.atomic
def create_training(*, organisation: Organisation, by, modules: list[str], trainers=(), **attrs) -> Training:
    """Record a training given by `organisation`."""
    training = Training(
        organisation=organisation, created_by=by, **{k: v for k, v in attrs.items() if k in TRAINING_FIELDS}
    )
    training.set_modules(modules)
    if training.is_online:
        training.locality = training.region = ""
    training.full_clean()
    _check_trainers(organisation, trainers)
    training.save()
    training.trainers.set(trainers)
    record_event(
        actor=by, action="training_created", obj=training, detail={"sector": training.audience_sector}
    )
    return training


@transaction.atomic
def update_training(*, training: Training, by, modules: list[str], trainers=(), **attrs) -> Training:
    for name, value in attrs.items():
        if name in TRAINING_FIELDS:
            setattr(training, name, value)
    training.set_modules(modules)
    if training.is_online:
        training.locality = training.region = ""
    training.full_clean()
    _check_trainers(training.organisation, trainers)
    training.save(update_fields=[*TRAINING_FIELDS, *MODULE_FIELDS.values(), "updated_at"])
    training.trainers.set(trainers)
    record_event(actor=by, action="training_updated", obj=training)
    return training


@transaction.atomic
def add_attendee(*, training: Training, by, name: str, consent_to_be_named: bool) -> Attendee:
    """Name an attendee. Only people who agreed to be named are recorded by name."""
    if not consent_to_be_named:
        raise ValidationError({"consent_to_be_named": _("Record a name only when the person agreed to it.")})
    attendee = Attendee(training=training, name=name.strip(), consent_to_be_named=True)
    attendee.full_clean()
    attendee.save()
    record_event(actor=by, action="training_attendee_added", obj=training)
    return attendee


@transaction.atomic
def remove_attendee(*, attendee: Attendee, by) -> None:
    training = attendee.training
    attendee.delete()
    record_event(actor=by, action="training_attendee_removed", obj=training)


@transaction.atomic
def get_or_create_school(*, name: str, locality: str, region: str, country: str, by) -> School:
    name, locality = name.strip(), locality.strip()
    school = School.objects.filter(name__iexact=name, locality__iexact=locality, country=country).first()
    if school is not None:
        return school
    school = School(name=name, locality=locality, region=region.strip(), country=country)
    school.full_clean()
    school.save()
    record_event(actor=by, action="school_created", obj=school)
    return school


@transaction.atomic
def record_school_session(
    *,
    organisation: Organisation,
    school: School,
    by,
    topics: list[str],
    date: date,
    grade_from: int,
    grade_to: int,
    pupils_reached: int,
    teachers_present: int = 0,
) -> SchoolSession:
    """Record a session of the schools programme."""
    session = SchoolSession(
        organisation=organisation,
        school=school,
        created_by=by,
        date=date,
        grade_from=grade_from,
        grade_to=grade_to,
        pupils_reached=pupils_reached,
        teachers_present=teachers_present,
    )
    session.set_topics(topics)
    if not session.topics:
        raise ValidationError({"topics": _("Choose at least one topic.")})
    if grade_from > grade_to:
        raise ValidationError({"grade_to": _("The last grade cannot be lower than the first.")})
    session.full_clean()
    session.save()
    record_event(actor=by, action="school_session_recorded", obj=session, detail={"pupils": pupils_reached})
    return session


@transaction.atomic
def record_parent_session(
    *, organisation: Organisation, school: School, by, date: date, parents_reached: int
) -> ParentSession:
    session = ParentSession(
        organisation=organisation, school=school, created_by=by, date=date, parents_reached=parents_reached
    )
    session.full_clean()
    session.save()
    record_event(actor=by, action="parent_session_recorded", obj=session, detail={"parents": parents_reached})
    return session


@transaction.atomic
def delete_school_session(*, session: SchoolSession, by) -> None:
    record_event(actor=by, action="school_session_deleted", obj=session, organisation=session.organisation)
    session.delete()


class AlreadyAnswered(Exception):
    def __init__(self, response: CheckResponse):
        self.response = response


@transaction.atomic
def submit_check(
    *,
    training: Training,
    phase: str,
    participant: uuid.UUID,
    answers: dict[str, int],
    consent_to_name: bool = False,
    name: str = "",
) -> CheckResponse:
    """Score a participant's pre- or post-test. Anonymous: a name is kept only with consent.

    `answers` maps question id → chosen option index; unanswered questions count as wrong.
    A participant answers each phase once (AlreadyAnswered carries the earlier response).
    """
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Unknown phase.")})
    if not training.check_open:
        raise ValidationError(_("This knowledge check is closed."))
    earlier = CheckResponse.objects.filter(training=training, phase=phase, participant=participant).first()
    if earlier is not None:
        raise AlreadyAnswered(earlier)
    questions = questions_for(training.modules)
    known = {q.id for q in questions}
    unknown = set(answers) - known
    if unknown:
        raise ValidationError(
            {"answers": _("Unknown questions: %(ids)s") % {"ids": ", ".join(sorted(unknown))}}
        )
    marks = [(q, answers.get(q.id) == q.answer) for q in questions]
    name = name.strip() if consent_to_name else ""
    response = CheckResponse(
        training=training,
        phase=phase,
        participant=participant,
        consent_to_name=bool(consent_to_name and name),
        name=name,
        score=sum(ok for _q, ok in marks),
        total=len(marks),
    )
    response.full_clean()
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:  # the same phone submitted twice at once
        raise AlreadyAnswered(
            CheckResponse.objects.get(training=training, phase=phase, participant=participant)
        )
    CheckAnswer.objects.bulk_create(
        [CheckAnswer(response=response, question=q.id, module=q.module, is_correct=ok) for q, ok in marks]
    )
    # No actor and no name in the audit trail: participants are anonymous.
    record_event(
        actor=None,
        action="knowledge_check_submitted",
        obj=training,
        organisation=training.organisation,
        detail={"phase": phase, "score": response.score, "total": response.total},
    )
    return response


@transaction.atomic
def record_pupil_visit(*, session: SchoolSession, language: str, day: date | None = None) -> None:
    """Count one opening of a session's pupil QR code: a number per day and language, nothing more.

    Deliberately no audit event: an event would keep the visitor's address, which is tracking.
    """
    day = day or timezone.localdate()
    visit, _created = SchoolSessionVisit.objects.get_or_create(session=session, day=day, language=language)
    SchoolSessionVisit.objects.filter(pk=visit.pk).update(count=F("count") + 1)
