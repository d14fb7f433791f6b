"""Fictional demo data: about three years of screenings and reports to the national coordinator across
sectors and regions of Romania, Moldova and Serbia.

Volumes are plausible for a national referral system (a few reports a month per busy place), grow
slowly over time, follow the tourist season in hospitality, and rise in the places where sector
trainings took place (the training demo finds those rises and dates its trainings before them).
"""

from __future__ import annotations

import datetime
import math
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kompass.organisations.models import Organisation
from kompass.screening import rules
from kompass.screening.models import ProtocolRevision, Report, Screening

MONTHS = 36

# (sector, country, region, monthly baseline, months before the last complete month when reports
# start to rise — after a training — or None for places without a training effect).
PLACES = [
    ("health", "RO", "Iași", 1.6, 19),
    ("emergency_line", "RO", "Iași", 1.2, 15),
    ("police", "RO", "Cluj", 2.0, 21),
    ("health", "RO", "Cluj", 1.3, 13),
    ("labour_inspection", "RO", "Timiș", 1.1, 17),
    ("hospitality_tourism", "RO", "Constanța", 1.0, 18),
    ("beauty_wellness", "RO", "București", 0.9, 14),
    ("education", "RO", "Suceava", 0.8, 16),
    ("social_services", "RO", "Dolj", 1.2, 20),
    ("police", "RO", "București", 2.6, None),
    ("social_services", "RO", "București", 1.8, None),
    ("general_public", "RO", "Galați", 0.7, None),
    ("online", "RO", "Brașov", 0.9, None),
    ("refugee_support", "RO", "Suceava", 1.1, None),
    ("health", "MD", "Chișinău", 1.2, 17),
    ("police", "MD", "Bălți", 1.0, 15),
    ("refugee_support", "MD", "Chișinău", 1.4, 25),
    ("emergency_line", "MD", "Cahul", 0.7, 12),
    ("social_services", "MD", "Ungheni", 0.6, None),
    ("police", "RS", "Beograd", 1.8, 19),
    ("health", "RS", "Novi Sad", 1.0, 16),
    ("labour_inspection", "RS", "Subotica", 0.8, 14),
    ("social_services", "RS", "Niš", 0.9, 18),
    ("online", "RS", "Beograd", 0.8, None),
    ("hospitality_tourism", "RS", "Kragujevac", 0.5, None),
]

DEMO_REPORTER = "frontline.iasi@demo.kompass"
LANGUAGE = {"RO": "ro", "MD": "ro", "RS": "sr-latn"}
# (category the reporter sees, reason the coordinator wrote)
DISMISS_REASONS = [
    ("handled_elsewhere", "Labour dispute without signs of coercion; referred to the labour inspectorate."),
    ("duplicate", "Duplicate of an earlier report about the same place."),
    ("duplicate", "The person was already known and assisted by a coalition organisation."),
    ("not_enough_information", "Not enough information to act; the reporter left no contact."),
]
OBSERVATIONS = [
    "A companion answered every question and would not leave the room.",
    "Several workers live at the site; one said their passports are kept by the boss.",
    "Young woman, frightened, says she owes money for the journey.",
    "Caller whispering, says she cannot leave the apartment.",
    "Seasonal workers paid far less than promised, working every day.",
    "A teenager met online was asked to travel to meet a 'modelling agent'.",
    "",
]


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small rates used here.
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def _rate(base: float, month_index: int, month: datetime.date, sector: str, rise_index: int | None) -> float:
    rate = base * (1 + 0.1 * month_index / 12)  # slow growth in awareness
    if sector == "hospitality_tourism" and month.month in (6, 7, 8, 9):
        rate *= 1.7
    if rise_index is not None and month_index >= rise_index:
        rate *= 1.5 if month_index == rise_index else 2.2
    return rate


def _answers(revision: ProtocolRevision, subject: str, rng: random.Random) -> dict[str, bool | None]:
    p_yes = rng.choice([0.05, 0.15, 0.3, 0.45, 0.6, 0.75])
    answers: dict[str, bool | None] = {}
    for question in revision.questions_for(subject):
        roll = rng.random()
        answers[question["key"]] = (
            True if roll < p_yes else (False if roll < p_yes + (1 - p_yes) * 0.6 else None)
        )
    return answers


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    """Idempotent: does nothing when reports already exist."""
    if Report.objects.exists():
        return
    revisions = {
        r.protocol.sector: r
        for r in ProtocolRevision.objects.select_related("protocol").filter(
            status=ProtocolRevision.Status.PUBLISHED
        )
    }
    organisations = [o for o in Organisation.objects.filter(is_active=True) if not o.is_national_coordinator]
    today = timezone.localdate()
    last = _add_months(_month_start(today), -1)
    first = _add_months(last, -MONTHS + 1)
    screenings: list[Screening] = []
    reports: list[Report] = []
    for sector, country, region, base, rise_before in PLACES:
        revision = revisions.get(sector)
        if revision is None:
            continue
        rise_index = None if rise_before is None else MONTHS - rise_before
        for index in range(MONTHS + 1):
            month = _add_months(first, index)
            days = (_add_months(month, 1) - month).days
            for _ in range(_poisson(rng, _rate(base, index, month, sector, rise_index))):
                moment = timezone.make_aware(
                    datetime.datetime.combine(
                        month + datetime.timedelta(days=rng.randrange(days)),
                        datetime.time(rng.randrange(7, 22), rng.randrange(60)),
                    )
                )
                if moment > timezone.now():
                    continue
                subject = (
                    "child"
                    if rng.random() < (0.45 if sector in ("education", "online") else 0.15)
                    else "adult"
                )
                answers = _answers(revision, subject, rng)
                indicator_answers = rules.indicators_from_questions(revision.questions_for(subject), answers)
                assessment = rules.assess(subject, indicator_answers)
                if assessment.verdict == rules.NO_INDICATORS:
                    continue  # people rarely report when they saw nothing
                screening = Screening(
                    revision=revision,
                    sector=sector,
                    subject=subject,
                    mode=Screening.Mode.EMERGENCY if sector == "emergency_line" else Screening.Mode.FULL,
                    answers=answers,
                    indicator_answers=indicator_answers,
                    verdict=assessment.verdict,
                    urgent=assessment.urgent,
                    language=LANGUAGE[country],
                    country=country,
                    region=region,
                    created_at=moment,
                )
                screenings.append(screening)
                reports.append(_report(screening, moment, today, organisations, rng))
    Screening.objects.bulk_create(screenings, batch_size=500)
    for screening, report in zip(screenings, reports, strict=True):
        report.screening = screening
    # The demo nurse of Iași (kompass/demo/coalition.py) sent her hospital's reports signed in: she
    # follows them on "My reports".
    nurse = get_user_model().objects.filter(email=DEMO_REPORTER).first()
    for report in reports:
        if nurse is not None and (report.sector, report.region) == ("health", "Iași"):
            report.reported_by = nurse
    Report.objects.bulk_create(reports, batch_size=500)
    for report in Report.objects.filter(reference__isnull=True):
        report.reference = f"R-{timezone.localtime(report.created_at).year}-{report.pk:06d}"
        report.save(update_fields=["reference"])


def _report(screening, moment, today, organisations, rng) -> Report:
    report = Report(
        sector=screening.sector,
        country=screening.country,
        region=screening.region,
        location=rng.choice(["", "", "city centre", "near the bus station", "industrial area", "outskirts"]),
        observations=rng.choice(OBSERVATIONS),
        created_at=moment,
    )
    if rng.random() < 0.35:
        report.reporter_role = rng.choice(
            ["nurse", "teacher", "police officer", "social worker", "neighbour"]
        )
        report.reporter_phone = f"+40 7{rng.randrange(10**7, 10**8)}"
    age_days = (today - timezone.localtime(moment).date()).days
    if age_days > 21 or rng.random() < 0.4:
        local = [o for o in organisations if o.country == screening.country] or organisations
        if rng.random() < (0.75 if screening.verdict != rules.INDICATORS_PRESENT else 0.35) and local:
            report.status = Report.Status.ACCEPTED
            report.accepted_by_organisation = rng.choice(local)
        else:
            report.status = Report.Status.DISMISSED
            report.dismiss_category, report.dismiss_reason = rng.choice(DISMISS_REASONS)
        report.triaged_at = moment + datetime.timedelta(hours=rng.randrange(2, 96))
    return report
