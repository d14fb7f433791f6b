"""Demo directory: offices of the demo coalition, and support points at real Ukrainian border crossings
and main stations along the routes. Idempotent (update_or_create on organisation and name)."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from unidecode import unidecode

from kompass.directory.models import Entry, ServiceCapacity
from kompass.directory.services import _set_services
from kompass.lib.places import border_crossings, resolve_place
from kompass.organisations.models import Organisation

# Crossings and stations we know the position of (curated places, rounded to ~100 m).
# (name, country, lat, lon, organisation name)
SUPPORT_POINTS = [
    ("Palanca border crossing — support tent", "MD", 46.4010, 30.0900, "Migration Help Office Moldova"),
    ("Otaci border crossing — help desk", "MD", 48.4372, 27.7947, "Migration Help Office Moldova"),
    ("Giurgiulești border crossing — help desk", "MD", 45.4700, 28.1950, "Centrul de Plasament Cahul"),
    ("Leușeni border crossing — help desk", "MD", 46.9970, 28.2120, "Sprijin Ungheni"),
    ("Sculeni border crossing — help desk", "MD", 47.3270, 27.6120, "Sprijin Ungheni"),
    ("Chișinău railway station — Blue Dot hub", "MD", 47.0136, 28.8453, "Casa Mărioarei Chișinău"),
    ("Chișinău central bus station — info point", "MD", 47.0189, 28.8406, "Casa Mărioarei Chișinău"),
    ("Siret border crossing — support tent", "RO", 47.9550, 26.0640, "Nord Suceava Solidar"),
    (
        "Sighetu Marmației border crossing — help desk",
        "RO",
        47.9530,
        23.8930,
        "Direcția de Asistență Socială Baia Mare",
    ),
    ("Isaccea border crossing — help desk", "RO", 45.2720, 28.4600, "Dunărea Galați Social"),
    ("Iași railway station — info point", "RO", 47.1652, 27.5697, "Pro Demnitate Iași"),
    ("Suceava railway station — info point", "RO", 47.6719, 26.2720, "Nord Suceava Solidar"),
    ("București Gara de Nord — Blue Dot hub", "RO", 44.4463, 26.0731, "Migration Help Office Romania"),
    ("Timișoara Nord station — info point", "RO", 45.7506, 21.2076, "Pod de Sprijin Timișoara"),
    ("Beograd Centar station — info point", "RS", 44.8083, 20.4524, "Atina Plus Beograd"),
    ("Novi Sad railway station — info point", "RS", 45.2652, 19.8302, "Sigurna Kuća Novi Sad"),
    ("Subotica bus station — info point", "RS", 46.0980, 19.6700, "Pravna Pomoć Subotica"),
]

ORG_KIND = {
    "Linia Încrederii Bălți": "hotline",
    "Centrul Juridic București": "legal_aid",
    "Pravna Pomoć Subotica": "legal_aid",
    "Casa Speranței Cluj": "shelter",
    "Sigurna Kuća Novi Sad": "shelter",
    "Refugiu Brașov": "shelter",
    "Centrul de Plasament Cahul": "shelter",
}
KIND_SERVICES = {
    "office": [
        "information",
        "counselling",
        "crisis_intervention",
        "employment_support",
        "financial_support",
    ],
    "shelter": ["emergency_accommodation", "food", "counselling", "child_protection", "psychotherapy"],
    "legal_aid": ["legal_assistance", "information", "interpretation"],
    "hotline": ["information", "counselling", "crisis_intervention"],
    "support_point": [
        "information",
        "transport",
        "food",
        "interpretation",
        "child_protection",
        "medical_care",
    ],
}
COUNTRY_LANGUAGES = {"RO": ["ro", "en"], "MD": ["ro", "ru"], "RS": ["sr", "en"], "UA": ["uk", "ru"]}
PHONE_PREFIX = {
    "RO": "+40 700",
    "MD": "+373 600",
    "RS": "+381 60",
    "UA": "+380 50",
    "PL": "+48 500",
    "HU": "+36 20",
    "SK": "+421 900",
}


def _fake_phone(rng, country):
    return f"{PHONE_PREFIX.get(country, '+40 700')} {rng.randint(100, 999)} {rng.randint(100, 999)}"


CROSSING_NAMES = {
    "ro": "Punct de ajutor — punctul de trecere {name}",
    "uk": "Пункт допомоги — пункт пропуску {name}",
    "ru": "Пункт помощи — пункт пропуска {name}",
    "sr-latn": "Punkt pomoći — granični prelaz {name}",
}


def _upsert(
    *, organisation, name, kind, country, city, lat, lon, services, languages, rng, hours, names=None
):
    # Shelters keep their address secret: city and phone only (decision 0012).
    confidential = kind == "shelter"
    if confidential:
        lat = lon = None
    entry, _ = Entry.objects.update_or_create(
        organisation=organisation,
        name=name,
        defaults={
            "kind": kind, "country": country, "city": city, "location_confidential": confidential,
            "lat": None if lat is None else round(lat, 5), "lon": None if lon is None else round(lon, 5), "address": "",
            "phone": _fake_phone(rng, country), "hours": hours, "status": Entry.Status.PUBLISHED, "names": names or {},
            "telegram": f"@kompass_demo_{rng.randint(1000, 9999)}" if rng.random() < 0.6 else "",
            "whatsapp": _fake_phone(rng, country) if rng.random() < 0.4 else "",
            "email": f"help{rng.randint(10, 99)}@{unidecode(organisation.email.split('@')[-1])}" if organisation.email else "",
        },
    )  # fmt: skip
    entry.set_languages(languages)
    entry.full_clean()
    entry.save()
    _set_services(entry, services)
    return entry


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    organisations = {o.name: o for o in Organisation.objects.all()}
    for organisation in organisations.values():
        if not organisation.city:
            continue
        try:
            place = resolve_place(organisation.city, organisation.country)
        except LookupError:
            continue
        kind = ORG_KIND.get(organisation.name, "office")
        services = rng.sample(KIND_SERVICES[kind], k=min(3, len(KIND_SERVICES[kind])))
        if kind == "shelter" and "emergency_accommodation" not in services:
            services.append("emergency_accommodation")  # a shelter takes people in
        languages = COUNTRY_LANGUAGES.get(organisation.country, ["en"]) + (
            ["uk"] if rng.random() < 0.7 else []
        )
        # A few hundred metres from the city centre, so that offices do not sit on one point.
        lat = place.lat + rng.uniform(-0.01, 0.01)
        lon = place.lon + rng.uniform(-0.01, 0.01)
        hours = "24/7" if kind in ("hotline", "shelter") else "Mo–Fr 09:00–17:00"
        _upsert(organisation=organisation, name=f"{organisation.name} — {organisation.city}", kind=kind,
                country=organisation.country, city=organisation.city, lat=lat, lon=lon, services=services,
                languages=languages, rng=rng, hours=hours)  # fmt: skip
    fallback = organisations.get("Migration Help Office Romania") or next(iter(organisations.values()), None)
    if fallback is None:
        return
    for name, country, lat, lon, org_name in SUPPORT_POINTS:
        organisation = organisations.get(org_name, fallback)
        _upsert(organisation=organisation, name=name, kind="support_point", country=country, city="",
                lat=lat, lon=lon, services=rng.sample(KIND_SERVICES["support_point"], k=4),
                languages=["uk", "ru", "en"] + COUNTRY_LANGUAGES.get(country, [])[:1], rng=rng, hours="24/7")  # fmt: skip
    # Help points at Ukraine's crossings into PL, SK, HU, RO and MD (the gazetteer's crossings).
    for crossing in border_crossings():
        organisation = (
            organisations.get("Migration Help Office Moldova") if crossing.country == "MD" else fallback
        )
        _upsert(organisation=organisation or fallback, name=f"{crossing.name} crossing — help point", kind="support_point",
                country=crossing.country, city=crossing.name, lat=crossing.lat, lon=crossing.lon,
                services=rng.sample(KIND_SERVICES["support_point"], k=3), languages=["uk", "ru", "en"], rng=rng,
                hours="24/7", names={code: text.format(name=crossing.name) for code, text in CROSSING_NAMES.items()})  # fmt: skip
    # Its own generator: the shared one's sequence (and every later app's demo data) stays as it was.
    seed_capacities(rng=random.Random(16))


# Declared places (issue #16): one Romanian shelter full, the other with room, so that a referral
# for accommodation shows both; other organisations declare places for a service or two.
SHELTER_PLACES = {
    "Casa Speranței Cluj": 0,
    "Refugiu Brașov": 3,
    "Sigurna Kuća Novi Sad": 2,
    "Centrul de Plasament Cahul": 4,
}


def seed_capacities(*, rng: random.Random) -> None:
    """Declared capacity for the demo's services, dated a few days back."""
    now = timezone.now()
    offered: dict[int, set[str]] = {}
    for entry in Entry.objects.current().prefetch_related("services").select_related("organisation"):
        if entry.kind != "support_point":
            offered.setdefault(entry.organisation_id, set()).update(entry.service_list)
    for organisation in Organisation.objects.filter(pk__in=offered):
        declared = {}
        if "emergency_accommodation" in offered[organisation.pk]:
            declared["emergency_accommodation"] = SHELTER_PLACES.get(organisation.name, rng.randint(0, 5))
        for code in sorted(
            offered[organisation.pk] & {"counselling", "crisis_intervention", "psychotherapy"}
        ):
            if rng.random() < 0.5:
                declared[code] = rng.randint(0, 8)
        for code, places in declared.items():
            capacity, _created = ServiceCapacity.objects.update_or_create(
                organisation=organisation, service=code,
                defaults={"places_free": places, "accepts_referrals": True,
                          "updated_at": now - timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 20))},
            )  # fmt: skip
            capacity.full_clean()
