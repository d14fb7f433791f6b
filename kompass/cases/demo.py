"""Demo cases: a few hundred fictional people across the demo coalition.

Realistic in shape, fictional in every detail. About 60 % of the people followed by Romanian
organisations were exploited inside Romania (national reports); some were recruited online, with
platforms; a few people are followed by two organisations under spelling variants of their names
(the statistics deduplicate them). Idempotent: nothing is added when demo cases already exist.
"""

import datetime
import random

from django.db import transaction

from kompass.cases.codes import Stage
from kompass.cases.models import Case, Consent
from kompass.cases.services import (
    add_goal,
    add_note,
    add_proceeding,
    add_task,
    assess_need,
    change_stage,
    create_case,
    record_consent,
    record_service,
    save_plan,
)
from kompass.organisations.models import Membership, Organisation

REGIONS = {
    "Iași": ["Iași", "Iași", "Vaslui", "Botoșani"], "Cluj-Napoca": ["Cluj", "Cluj", "Bistrița-Năsăud", "Sălaj"],
    "Timișoara": ["Timiș", "Timiș", "Arad", "Caraș-Severin"], "Constanța": ["Constanța", "Constanța", "Tulcea"],
    "Craiova": ["Dolj", "Dolj", "Olt", "Mehedinți"], "Brașov": ["Brașov", "Brașov", "Covasna"],
    "Galați": ["Galați", "Galați", "Brăila"], "Suceava": ["Suceava", "Suceava", "Neamț"],
    "Baia Mare": ["Maramureș", "Satu Mare"], "București": ["București", "București", "Ilfov", "Giurgiu"],
    "Chișinău": ["Chișinău", "Chișinău", "Strășeni", "Ialoveni"], "Bălți": ["Bălți", "Fălești", "Sîngerei"],
    "Cahul": ["Cahul", "Cantemir"], "Ungheni": ["Ungheni", "Nisporeni"],
    "Beograd": ["Beograd", "Beograd", "Pančevo"], "Novi Sad": ["Novi Sad", "Novi Sad", "Sremska Mitrovica"],
    "Niš": ["Niš", "Leskovac"], "Subotica": ["Subotica", "Sombor"], "Kragujevac": ["Kragujevac", "Jagodina"],
}  # fmt: skip
ISO3 = {"RO": "ROU", "MD": "MDA", "RS": "SRB"}
# Citizenship of the people each country's organisations follow: (code, weight).
CITIZENSHIP = {
    "RO": [("ROU", 85), ("MDA", 8), ("UKR", 5), ("", 2)],
    "MD": [("MDA", 88), ("UKR", 10), ("", 2)],
    "RS": [("SRB", 75), ("BIH", 6), ("MKD", 5), ("UKR", 6), ("AFG", 4), ("", 4)],
}
# Share exploited at home, and where the others were exploited.
DOMESTIC_SHARE = {"RO": 0.6, "MD": 0.3, "RS": 0.5}
ABROAD = {
    "RO": ["DEU", "ITA", "ESP", "GBR", "FRA", "AUT", "NLD", "BEL"],
    "MD": ["RUS", "TUR", "ROU", "ISR", "ARE", "ITA", "POL"],
    "RS": ["DEU", "AUT", "HRV", "SVN", "MNE", "GRC"],
}
SECTORS = [
    ("police", 28), ("social_services", 16), ("health", 10), ("emergency_line", 8), ("online", 8),
    ("labour_inspection", 7), ("general_public", 7), ("education", 5), ("refugee_support", 5),
    ("hospitality_tourism", 4), ("beauty_wellness", 2),
]  # fmt: skip
OFFLINE_METHODS = [
    ("friends_social_events", 30), ("family", 15), ("place_of_business", 12), ("at_work", 8),
    ("newspaper_advert", 6), ("educational_institution", 4), ("tv_advert", 2), ("other", 23),
]  # fmt: skip
PLATFORMS = [
    ("facebook", 30), ("instagram", 15), ("telegram", 12), ("tiktok", 10), ("whatsapp", 10), ("olx", 8),
    ("job_site", 6), ("facebook_messenger", 5), ("viber", 5), ("dating_site", 4), ("snapchat", 3),
]  # fmt: skip
NAMES = {
    "RO": {
        "female": ["Ana-Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Alexandra", "Cristina", "Roxana", "Gabriela", "Denisa"],
        "male": ["Ion", "Andrei", "Mihai", "Alexandru", "Florin", "Marian", "Gheorghe", "Daniel", "Ionuț", "Vasile"],
        "surname": ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Rusu", "Munteanu", "Lungu", "Ciobanu", "Moldovan", "Matei", "Constantin"],
    },
    "MD": {
        "female": ["Natalia", "Olga", "Tatiana", "Svetlana", "Ludmila", "Cristina", "Mariana", "Irina"],
        "male": ["Vasile", "Sergiu", "Ion", "Victor", "Dumitru", "Nicolae", "Igor", "Vitalie"],
        "surname": ["Cebotari", "Rotari", "Ceban", "Lupu", "Bivol", "Cojocari", "Țurcanu", "Sîrbu", "Guțu", "Prodan"],
    },
    "RS": {
        "female": ["Jelena", "Milica", "Ana", "Marija", "Ivana", "Jovana", "Tamara", "Dragana"],
        "male": ["Marko", "Nikola", "Stefan", "Miloš", "Dejan", "Nemanja", "Aleksandar", "Vladimir"],
        "surname": ["Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Pavlović"],
    },
}  # fmt: skip
# One person, two organisations: how the second one spelled the name.
SHARED_PEOPLE = [
    # (given, surname, variant given, variant surname, sex, born, citizenship)
    ("Ana-Maria", "Popescu", "Anamaria", "Popescu", "female", datetime.date(2002, 4, 11), "ROU"),
    ("Ioan", "Rusu", "Ion", "Rusu", "male", datetime.date(1987, 9, 2), "ROU"),
    ("Elena", "Coval", "Olena", "Kovalenko", "female", datetime.date(1999, 1, 23), "UKR"),
    ("Natalia", "Cebotari", "Natalia", "Cebotaru", "female", datetime.date(1995, 6, 30), "MDA"),
    ("Mihaela", "Lungu", "Mihaela", "Lungu-Stan", "female", datetime.date(2007, 11, 5), "ROU"),
    ("Tatiana", "Țurcanu", "Tatiana", "Turcanu", "female", datetime.date(2001, 2, 14), "MDA"),
    ("Jelena", "Đorđević", "Jelena", "Djordjevic", "female", datetime.date(1998, 8, 8), "SRB"),
    ("Sergiu", "Guțu", "Serghei", "Gutu", "male", datetime.date(1990, 3, 19), "MDA"),
    ("Andreea", "Munteanu", "Andreea", "Munteanu", "female", datetime.date(2004, 12, 1), "ROU"),
    ("Roxana", "Matei", "Roxanna", "Matei", "female", datetime.date(2000, 5, 27), "ROU"),
    ("Daniel", "Constantin", "Daniel", "Constantinescu", "male", datetime.date(1983, 7, 7), "ROU"),
    ("Irina", "Ceban", "Irina", "Cheban", "female", datetime.date(1997, 10, 9), "MDA"),
]
STAGE_PATHS = [
    ([], 18), ([Stage.FIRST_ASSISTANCE], 22), ([Stage.FIRST_ASSISTANCE, Stage.LONG_TERM_ASSISTANCE], 25),
    ([Stage.FIRST_ASSISTANCE, Stage.RETURN], 6),
    ([Stage.FIRST_ASSISTANCE, Stage.LONG_TERM_ASSISTANCE, Stage.SOCIAL_INCLUSION], 12),
    ([Stage.FIRST_ASSISTANCE, Stage.LONG_TERM_ASSISTANCE, Stage.SOCIAL_INCLUSION, Stage.CLOSED], 12),
    ([Stage.FIRST_ASSISTANCE, Stage.RETURN, Stage.CLOSED], 5),
]  # fmt: skip
NEEDS = [
    ("crisis_intervention", 6), ("emergency_accommodation", 10), ("counselling", 12), ("psychotherapy", 6),
    ("legal_assistance", 12), ("medical_care", 12), ("interpretation", 3), ("transport", 4),
    ("education_training", 5), ("employment_support", 7), ("financial_support", 6), ("return_assistance", 3),
    ("information", 4),
]  # fmt: skip
CASES_PER_COUNTRY = {"RO": 200, "MD": 80, "RS": 60}


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


def _attributes(rng: random.Random, org: Organisation, identified_on: datetime.date, person=None) -> dict:
    country = org.country
    if person:
        sex, born, citizenship = person[4], person[5], person[6]
        age = identified_on.year - born.year
    else:
        sex = _pick(rng, [("female", 70), ("male", 27), ("other", 1), ("unknown", 2)])
        age = rng.randint(13, 17) if rng.random() < 0.2 else min(int(rng.gammavariate(3, 4)) + 18, 64)
        citizenship = _pick(rng, CITIZENSHIP[country])
    sexual = rng.random() < (0.65 if sex == "female" else 0.12)
    labour = not sexual or rng.random() < 0.15
    other = rng.random() < 0.1
    online = rng.random() < (0.45 if age < 25 else 0.25)
    home = ISO3[country]
    exploitation_country = home if rng.random() < DOMESTIC_SHARE[country] else rng.choice(ABROAD[country])
    if rng.random() < 0.05:
        exploitation_country = ""
    attrs = {
        "identified_on": identified_on, "identifying_sector": _pick(rng, SECTORS), "country": country,
        "region": rng.choice(REGIONS.get(org.city, [org.city])), "sex": sex, "age_at_identification": age,
        "birth_year": identified_on.year - age if rng.random() < 0.8 else None, "citizenship": citizenship,
        "country_of_exploitation": exploitation_country, "is_sexual_exploitation": sexual,
        "is_forced_labour": labour, "is_other_exploitation": other,
        "sex_prostitution": sexual and rng.random() < 0.85, "sex_pornography": sexual and rng.random() < 0.15,
        "labour_agriculture": labour and rng.random() < 0.35, "labour_construction": labour and rng.random() < 0.25,
        "labour_domestic_work": labour and rng.random() < 0.2, "labour_hospitality": labour and rng.random() < 0.2,
        "means_debt_bondage": rng.random() < 0.35, "means_threats": rng.random() < 0.55,
        "means_abuse": rng.random() < 0.45, "means_false_promises": rng.random() < 0.6,
        "means_drugs_alcohol": rng.random() < 0.1, "means_deny_basic_needs": rng.random() < 0.2,
        "means_excessive_hours": labour and rng.random() < 0.6, "means_withhold_docs": rng.random() < 0.3,
        "recruiter_relation": _pick(rng, [("intimate_partner", 25 if sexual else 5), ("friend", 25),
                                          ("family", 12), ("other", 30), ("", 8)]),
        "trafficking_months": rng.choice([None, rng.randint(1, 6), rng.randint(3, 14), rng.randint(12, 40)]),
        "recruitment_method": rng.choice(["online_social_network", "online_advertisement"])
        if online else _pick(rng, OFFLINE_METHODS),
    }  # fmt: skip
    status = _pick(rng, [("possible", 40), ("actual", 55), ("not_a_victim", 5)])
    attrs["trafficking_status"] = status
    if status == "actual":
        attrs["deciding_body"] = _pick(rng, [("police", 50), ("court_or_prosecution", 25), ("ngo", 15),
                                             ("other_state_body", 10)])  # fmt: skip
    platforms = []
    if online:
        platforms = sorted({_pick(rng, PLATFORMS) for _ in range(rng.randint(1, 2))})
    elif rng.random() < 0.05:
        platforms = [_pick(rng, PLATFORMS)]  # first contact offline, then a messenger
    return attrs | {"platforms": platforms}


def _identity(rng: random.Random, country: str, sex: str, given=None, surname=None, born=None) -> dict:
    names = NAMES[country]
    given = given or rng.choice(names["male" if sex == "male" else "female"])
    surname = surname or rng.choice(names["surname"])
    prefix = {"RO": "+40 7", "MD": "+373 6", "RS": "+381 6"}[country]
    return {
        "given_name": given, "surname": surname, "date_of_birth": born,
        "phone": f"{prefix}{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "languages": {"RO": "ro", "MD": "ro, ru", "RS": "sr"}[country],
    }  # fmt: skip


def _caseworker(org: Organisation):
    membership = (
        Membership.objects.active()
        .filter(organisation=org)
        .with_capability("can_edit_cases")
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def record_demo_consent(*, case: Case, **kwargs):
    """record_consent with who gave it: for a child, a fictional legal representative (decision 0065)."""
    if case.is_child:
        kwargs.setdefault("given_by", Consent.GivenBy.LEGAL_REPRESENTATIVE)
        kwargs.setdefault("giver_name", "Legal representative (fictional)")
        kwargs.setdefault("giver_relation", "appointed by the child protection service")
    return record_consent(case=case, **kwargs)


def _fill(rng: random.Random, case: Case, by, org: Organisation, today: datetime.date) -> None:
    """Consent, needs, plan, tasks, notes, services and stage history for one case."""
    record_demo_consent(case=case, by=by, purpose="data_processing", given_on=case.identified_on)
    if rng.random() < 0.3:
        record_demo_consent(case=case, by=by, purpose="contact_with_police", given_on=case.identified_on)
    path = _pick(rng, STAGE_PATHS)
    day = case.identified_on
    for stage in path:
        day = min(day + datetime.timedelta(days=rng.randint(2, 90)), today)
        change_stage(case=case, by=by, to_stage=stage, on=day)
    for service in {_pick(rng, NEEDS) for _ in range(rng.randint(1, 3))}:
        assess_need(
            case=case,
            by=by,
            service=service,
            priority=_pick(rng, [("urgent", 2), ("high", 3), ("normal", 5)]),
        )
    if case.stage != Stage.IDENTIFICATION:
        save_plan(case=case, by=by, agreed_on=case.identified_on + datetime.timedelta(days=7),
                  review_on=today + datetime.timedelta(days=rng.randint(-10, 60)),
                  summary="Safe accommodation, health check, legal counselling; then training and work.")  # fmt: skip
        add_goal(case=case, by=by, description="Safe accommodation", service="emergency_accommodation",
                 target_on=case.identified_on + datetime.timedelta(days=14))  # fmt: skip
        add_goal(case=case, by=by, description="Vocational course", service="education_training",
                 target_on=case.identified_on + datetime.timedelta(days=180))  # fmt: skip
        for need in case.needs.all()[:2]:
            record_service(case=case, by=by, service=need.service, provider=org,
                           delivered_on=min(case.identified_on + datetime.timedelta(days=rng.randint(1, 30)), today))  # fmt: skip
    if case.stage != Stage.CLOSED:
        add_task(case=case, by=by, title=rng.choice(["Follow-up call", "Accompany to the hospital",
                 "Prepare the statement for the prosecutor", "Review the assistance plan", "Renew the ID card"]),
                 due_on=today + datetime.timedelta(days=rng.randint(-20, 30)))  # fmt: skip
    add_note(case=case, by=by, text=rng.choice([
        "First meeting in a safe place; the person is tired but calm.",
        "Talked about the reflection period and what it means.",
        "The person asked not to be contacted at home.",
        "Family is supportive; a sister lives nearby.",
    ]))  # fmt: skip
    if rng.random() < 0.15:
        add_note(case=case, by=by, level="restricted",
                 text="Threats received from the recruiter's relatives; police informed with consent.")  # fmt: skip
    if case.trafficking_status == "actual" and rng.random() < 0.4:
        add_proceeding(case=case, by=by, kind="criminal", status=rng.choice(["investigation", "prosecution", "trial", "conviction"]),
                       authority="DIICOT" if case.country == "RO" else "Prosecutor's office",
                       started_on=case.identified_on + datetime.timedelta(days=rng.randint(5, 60)))  # fmt: skip


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    if Case.objects.filter(source_report__isnull=True).exists():
        return
    today = datetime.date.today()
    orgs = [
        o
        for o in Organisation.objects.filter(is_national_coordinator=False, is_active=True)
        if o.country in ISO3
    ]
    by_country = {c: [o for o in orgs if o.country == c] for c in ISO3}
    workers = {o.pk: _caseworker(o) for o in orgs}
    start = today - datetime.timedelta(days=3 * 365)
    for country, count in CASES_PER_COUNTRY.items():
        candidates = by_country[country]
        if not candidates:
            continue
        for _ in range(count):
            org = rng.choice(candidates)
            identified_on = start + datetime.timedelta(days=int(rng.triangular(0, 3 * 365, 2.2 * 365)))
            attrs = _attributes(rng, org, identified_on)
            platforms = attrs.pop("platforms")
            identity = None if rng.random() < 0.05 else _identity(rng, country, attrs["sex"])
            by = workers[org.pk]
            case = create_case(
                owner=org, by=by, identity=identity, platforms=platforms, assigned_to=by, **attrs
            )
            _fill(rng, case, by, org, today)
    # The same person followed by two organisations, under two spellings.
    for person in SHARED_PEOPLE:
        country = {"ROU": "RO", "MDA": "MD", "SRB": "RS", "UKR": "RO"}[person[6]]
        first = rng.choice(by_country[country] or orgs)
        second = rng.choice([o for o in orgs if o.pk != first.pk])
        identified_on = start + datetime.timedelta(days=rng.randint(200, 900))
        for org, given, surname, delay in (
            (first, person[0], person[1], 0),
            (second, person[2], person[3], 40),
        ):
            attrs = _attributes(rng, org, identified_on + datetime.timedelta(days=delay), person=person)
            platforms = attrs.pop("platforms")
            identity = _identity(rng, org.country, person[4], given=given, surname=surname, born=person[5])
            by = workers[org.pk]
            case = create_case(
                owner=org, by=by, identity=identity, platforms=platforms, assigned_to=by, **attrs
            )
            _fill(rng, case, by, org, today)
