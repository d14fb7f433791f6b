"""Fictional demo data: three years of trainings, school sessions and knowledge checks in Romania,
Moldova and Serbia.

Trainings are placed so the impact chart has something real to look at: where the screening demo
has seeded reports for a sector and region, the first training of that place goes in the month
before the reports rise most (a simple change-point search); elsewhere the fixed plan below is
used. It is demo data: the dates are chosen, not observed.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from kompass.organisations.models import Membership, Organisation
from kompass.screening.models import Report
from kompass.training import impact, selectors
from kompass.training.codes import MODULE_FIELDS, TOPIC_FIELDS, Phase
from kompass.training.models import CheckAnswer, CheckResponse, ParentSession, School, SchoolSession, Training
from kompass.training.questions import questions_for

# (country, region, seat) — regions as people write them.
REGIONS = [
    ("RO", "Iași", "Iași"),
    ("RO", "Cluj", "Cluj-Napoca"),
    ("RO", "Timiș", "Timișoara"),
    ("RO", "Constanța", "Constanța"),
    ("RO", "Dolj", "Craiova"),
    ("RO", "Brașov", "Brașov"),
    ("RO", "Galați", "Galați"),
    ("RO", "Suceava", "Suceava"),
    ("RO", "Maramureș", "Baia Mare"),
    ("RO", "București", "București"),
    ("MD", "Chișinău", "Chișinău"),
    ("MD", "Bălți", "Bălți"),
    ("MD", "Cahul", "Cahul"),
    ("MD", "Ungheni", "Ungheni"),
    ("RS", "Beograd", "Beograd"),
    ("RS", "Novi Sad", "Novi Sad"),
    ("RS", "Niš", "Niš"),
    ("RS", "Subotica", "Subotica"),
    ("RS", "Kragujevac", "Kragujevac"),
]

# Planned trainings: (sector, country, region, months before today of the first training).
PLAN = [
    ("health", "RO", "Iași", 20),
    ("emergency_line", "RO", "Iași", 16),
    ("police", "RO", "Cluj", 22),
    ("health", "RO", "Cluj", 14),
    ("labour_inspection", "RO", "Timiș", 18),
    ("hospitality_tourism", "RO", "Constanța", 19),
    ("beauty_wellness", "RO", "București", 15),
    ("education", "RO", "Suceava", 17),
    ("social_services", "RO", "Dolj", 21),
    ("health", "MD", "Chișinău", 18),
    ("police", "MD", "Bălți", 16),
    ("refugee_support", "MD", "Chișinău", 26),
    ("emergency_line", "MD", "Cahul", 13),
    ("police", "RS", "Beograd", 20),
    ("health", "RS", "Novi Sad", 17),
    ("labour_inspection", "RS", "Subotica", 15),
    ("social_services", "RS", "Niš", 19),
]

TITLES = {
    "ro": {
        "health": "Identificarea victimelor traficului: formare pentru personalul medical",
        "emergency_line": "Apeluri la 112 și 119: cum recunoaștem o posibilă victimă a traficului",
        "police": "Indicatorii traficului de persoane și intervenția informată despre traumă",
        "education": "Traficul și abuzul online: ce pot observa profesorii",
        "social_services": "Referirea victimelor în mecanismul național: ghid pentru asistenții sociali",
        "refugee_support": "Protecția refugiaților față de trafic: recrutare, transport, cazare",
        "labour_inspection": "Munca forțată: indicatori pentru inspectorii muncii",
        "beauty_wellness": "Saloane și săli de fitness: semnele exploatării și cum oferim ajutor discret",
        "hospitality_tourism": "Hoteluri și turism: recunoașterea exploatării în sezon",
        "online": "Recrutarea online și grooming-ul: ce observăm și cum reacționăm",
        "general_public": "Traficul de persoane: ce trebuie să știe oricine",
    },
    "sr-latn": {
        "health": "Prepoznavanje žrtava trgovine ljudima: obuka za zdravstvene radnike",
        "emergency_line": "Pozivi hitnim službama: kako prepoznati moguću žrtvu trgovine ljudima",
        "police": "Indikatori trgovine ljudima i postupanje zasnovano na razumevanju traume",
        "education": "Trgovina ljudima i zlostavljanje na internetu: šta nastavnici mogu da primete",
        "social_services": "Upućivanje žrtava u nacionalni mehanizam: vodič za socijalne radnike",
        "refugee_support": "Zaštita izbeglica od trgovine ljudima",
        "labour_inspection": "Prinudni rad: indikatori za inspektore rada",
        "beauty_wellness": "Saloni i teretane: znaci eksploatacije i diskretna pomoć",
        "hospitality_tourism": "Hoteli i turizam: prepoznavanje eksploatacije u sezoni",
        "online": "Vrbovanje i grumovanje preko interneta",
        "general_public": "Trgovina ljudima: šta svako treba da zna",
    },
}

SCHOOL_NAMES = {
    "ro": [
        "Mihai Eminescu",
        "Ion Creangă",
        "Vasile Alecsandri",
        "George Coșbuc",
        "Nicolae Iorga",
        "Lucian Blaga",
        "Ștefan cel Mare",
        "Mircea Eliade",
        "Grigore Vieru",
        "Alexandru Ioan Cuza",
        "Spiru Haret",
        "Avram Iancu",
    ],
    "sr-latn": [
        "Vuk Karadžić",
        "Jovan Jovanović Zmaj",
        "Desanka Maksimović",
        "Branko Radičević",
        "Nikola Tesla",
        "Dositej Obradović",
        "Sveti Sava",
        "Ivo Andrić",
        "Svetozar Marković",
        "Petar Petrović Njegoš",
    ],
}
SCHOOL_KINDS = {
    "ro": ["Școala Gimnazială „{}”", "Liceul Teoretic „{}”", "Colegiul Național „{}”"],
    "sr-latn": ["OŠ „{}”", "Gimnazija „{}”", "Srednja škola „{}”"],
}
# Schools visited per region: more where the coalition's local partners are strongest.
SCHOOLS_PER_REGION = {
    "Iași": 34,
    "Cluj": 26,
    "București": 30,
    "Chișinău": 28,
    "Beograd": 24,
    "Novi Sad": 18,
    "Timiș": 16,
    "Suceava": 15,
    "Bălți": 14,
    "Constanța": 12,
    "Galați": 11,
    "Niš": 10,
}
SCHOOLS_ELSEWHERE = 7
MONTHS = 36


def _language(country: str) -> str:
    return "sr-latn" if country == "RS" else "ro"


def _organisation_for(country: str, seat: str, organisations: list[Organisation]) -> Organisation:
    local = [
        o for o in organisations if o.country == country and o.city == seat and not o.is_national_coordinator
    ]
    national = [o for o in organisations if o.country == country and not o.is_national_coordinator]
    return (local or national or organisations)[0]


def _rise_month(counts: Counter, first: date, last: date) -> date | None:
    """The month m where the mean of reports in the 6 months after m exceeds the 6 months before m by
    most (None without enough reports). The first training goes into m itself."""
    if sum(counts.values()) < 20:
        return None
    best, best_gain = None, 0.0
    for month in impact.months_between(impact.add_months(first, 6), impact.add_months(last, -6)):
        before = [counts.get(impact.add_months(month, -i), 0) for i in range(1, 7)]
        after = [counts.get(impact.add_months(month, i), 0) for i in range(1, 7)]
        gain = sum(after) / 6 - sum(before) / 6
        if gain > best_gain:
            best, best_gain = month, gain
    return best


def _day_in(month: date, rng: random.Random) -> date:
    return month + timedelta(days=rng.randrange(3, 26))


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    """Idempotent: does nothing when trainings or school sessions already exist."""
    if Training.objects.exists() or SchoolSession.objects.exists():
        return
    organisations = list(Organisation.objects.filter(is_active=True).order_by("pk"))
    if not organisations:
        return
    today = timezone.localdate()
    last = selectors.last_complete_month(today)
    first = impact.add_months(last, -MONTHS + 1)
    seats = {(c, r): s for c, r, s in REGIONS}
    trainers = {
        m.organisation_id: m.user for m in Membership.objects.active().filter(role=Membership.Role.TRAINER)
    }

    # Places: the plan, plus the places with most demo reports (when the screening demo ran first).
    report_counts = selectors.report_month_counts(months=impact.months_between(first, last))
    places = {(s, c, r): impact.add_months(last, -m) for s, c, r, m in PLAN}
    busiest = (
        Report.objects.exclude(region="")
        .values_list("sector", "country", "region")
        .annotate(n=Count("id"))
        .order_by("-n")[:12]
    )
    planned_keys = {(s, c, selectors.region_key(r)) for s, c, r in places}
    for sector, country, region, _n in busiest:
        if (sector, country, selectors.region_key(region)) not in planned_keys:
            places[(sector, country, region)] = impact.add_months(last, -18)

    trainings = []
    for (sector, country, region), planned in places.items():
        counts = report_counts.get((sector, country, selectors.region_key(region)), Counter())
        start = _rise_month(counts, first, last)
        first_month = start or planned
        seat = seats.get((country, region), region)
        organisation = _organisation_for(country, seat, organisations)
        months = [first_month] + [
            impact.add_months(first_month, k) for k in (rng.randint(5, 8), rng.randint(11, 15))
        ]
        for month in months:
            if month > last:
                continue
            trainings.append(_training(organisation, sector, country, region, seat, _day_in(month, rng), rng))
    # Online trainings and trainings for the general public, spread over the three years.
    for _ in range(12):
        org = organisations[rng.randrange(len(organisations))]
        month = impact.add_months(first, rng.randrange(MONTHS))
        trainings.append(
            _training(
                org,
                rng.choice(["online", "general_public", "education"]),
                org.country,
                "",
                "",
                _day_in(month, rng),
                rng,
                online=True,
            )
        )
    Training.objects.bulk_create(trainings)
    for training in Training.objects.all():
        user = trainers.get(training.organisation_id)
        if user is not None:
            training.trainers.add(user)
    _seed_checks(Training.objects.filter(date__gte=impact.add_months(last, -14)), rng)
    _seed_schools(organisations, first, last, rng)


def _training(organisation, sector, country, region, seat, day, rng, *, online=False) -> Training:
    training = Training(
        organisation=organisation,
        title=TITLES[_language(country)][sector],
        audience_sector=sector,
        date=day,
        is_online=online,
        locality="" if online else seat,
        region="" if online else region,
        country=country,
        participant_count=rng.randint(12, 45),
        materials="https://example.org/kompass/training-kit.pdf",
        check_key=uuid.uuid4(),
    )
    modules = {"indicators", "handling_case"} | set(
        rng.sample(["trust_building", "self_care", "sector_specific"], 2)
    )
    for code, field in MODULE_FIELDS.items():
        setattr(training, field, code in modules)
    return training


def _seed_checks(trainings, rng: random.Random) -> None:
    """Pre- and post-tests: about 55 % right before and 80 % after, most people on the same phone."""
    responses, answer_rows = [], []
    for training in trainings:
        questions = questions_for(training.modules)
        people = [uuid.uuid4() for _ in range(rng.randint(8, min(25, training.participant_count)))]
        for phase, p_right in ((Phase.PRE, 0.55), (Phase.POST, 0.8)):
            for person in people:
                if phase == Phase.POST and rng.random() < 0.15:
                    continue  # left early
                marks = [(q, rng.random() < p_right) for q in questions]
                response = CheckResponse(
                    training=training,
                    phase=phase,
                    participant=person,
                    score=sum(ok for _q, ok in marks),
                    total=len(marks),
                )
                responses.append(response)
                answer_rows.append(marks)
    CheckResponse.objects.bulk_create(responses)
    CheckAnswer.objects.bulk_create(
        [
            CheckAnswer(response=r, question=q.id, module=q.module, is_correct=ok)
            for r, marks in zip(responses, answer_rows, strict=True)
            for q, ok in marks
        ],
        batch_size=2000,
    )


def _seed_schools(organisations, first: date, last: date, rng: random.Random) -> None:
    schools = []
    for country, region, seat in REGIONS:
        language = _language(country)
        names = set()
        while len(names) < SCHOOLS_PER_REGION.get(region, SCHOOLS_ELSEWHERE):
            kind = rng.choice(SCHOOL_KINDS[language])
            name = kind.format(rng.choice(SCHOOL_NAMES[language]))
            if name in names:
                name = f"{name} nr. {len(names) + 1}" if language == "ro" else f"{name} {len(names) + 1}"
            names.add(name)
        schools += [School(name=n, locality=seat, region=region, country=country) for n in sorted(names)]
    School.objects.bulk_create(schools)
    schools = list(School.objects.all())
    sessions, parents = [], []
    months = impact.months_between(first, last)
    for school in schools:
        seat = school.locality
        organisation = _organisation_for(school.country, seat, organisations)
        for _ in range(rng.randint(6, 14)):
            month = rng.choice(months)
            if month.month in (7, 8):  # summer holidays
                month = impact.add_months(month, 2)
            if month > last:
                continue
            grade = rng.randint(5, 11)
            session = SchoolSession(
                organisation=organisation,
                school=school,
                date=_day_in(month, rng),
                grade_from=grade,
                grade_to=min(grade + rng.randint(0, 1), 12),
                pupils_reached=rng.randint(20, 75),
                teachers_present=rng.randint(0, 4),
            )
            for code, field in TOPIC_FIELDS.items():
                setattr(session, field, rng.random() < 0.6 or code == "digital_abuse")
            sessions.append(session)
        if rng.random() < 0.5:
            parents.append(
                ParentSession(
                    organisation=organisation,
                    school=school,
                    date=_day_in(rng.choice(months[:-1]), rng),
                    parents_reached=rng.randint(15, 60),
                )
            )
    SchoolSession.objects.bulk_create(sessions, batch_size=2000)
    ParentSession.objects.bulk_create(parents)
