"""Fictional demo data: reports of online exploitation with their platforms, and more reported job
ads, so that the platform summaries of the demo year are meaningful.

The demo year is the last complete calendar year (the summaries page opens on it); reports run
from its first month to last month. Every account and ad link is under demo.kompass.invalid, no
reporter leaves a name or number, and every text is invented. Idempotent: nothing is added when
demo online reports exist.
"""

from __future__ import annotations

import datetime
import math
import random

from django.db import transaction
from django.utils import timezone

from kompass.organisations.models import Organisation
from kompass.screening.models import Report

DEMO_LINK = "https://demo.kompass.invalid/{platform}/account-{n:04d}"
AD_LINK = "https://demo.kompass.invalid/online-ad/{n:04d}"
# Reports a month per platform (Poisson means): young people's apps first.
REPORT_RATES = {
    "instagram": 9.0, "tiktok": 8.5, "snapchat": 7.0, "facebook": 6.5, "telegram": 6.5,
    "whatsapp": 3.5, "discord": 3.0, "viber": 2.5, "facebook_messenger": 2.0, "online_game": 2.0,
    "olx": 1.5, "other": 1.0,
}  # fmt: skip
# Extra public reports of suspicious job ads a month in the demo year (besides recruitment's own).
AD_RATES = {"facebook": 7.0, "telegram": 7.0, "olx": 6.0, "instagram": 3.0, "tiktok": 2.5, "viber": 2.0}
CONCERNS = [
    ("sextortion", 34),
    ("grooming", 26),
    ("recruitment", 16),
    ("image_abuse", 14),
    ("loverboy", 7),
    ("other", 3),
]
PLACES = [
    ("RO", "București", 24), ("RO", "Iași", 10), ("RO", "Cluj", 9), ("RO", "Brașov", 7), ("RO", "Suceava", 6),
    ("MD", "Chișinău", 14), ("MD", "Bălți", 5), ("RS", "Beograd", 12), ("RS", "Novi Sad", 7), ("RS", "Niš", 4),
]  # fmt: skip
ROLES = ["pupil", "parent", "teacher", "school counsellor", "older sister", ""]
OBSERVATIONS = {
    "sextortion": [
        "Un cont nou mi-a cerut o poză, acum cere bani și amenință că o trimite clasei.",
        "Після фото почали вимагати гроші, дали дві години.",
        "Traži novac ili će poslati snimak mojim roditeljima.",
    ],
    "grooming": [
        "An older player sends gifts in the game and wants to meet my son alone.",
        "Взрослый мужчина пишет дочери каждую ночь и просит удалять переписку.",
    ],
    "recruitment": [
        "Ofertă de «modeling» în Dubai pentru fete de 16 ani, cer poze în lenjerie.",
        "Nude posao plesačica u inostranstvu, put plaćen, traže pasoš.",
    ],
    "image_abuse": [
        "A fake nude picture of a classmate was posted in a group chat.",
        "В групі класу поширюють інтимне відео дівчини.",
    ],
    "loverboy": [
        "Prietenul ei de 25 de ani o ține departe de familie și vrea să plece cu ea în străinătate."
    ],
    "other": ["Someone impersonates a pupil and asks her friends for photos."],
}
AD_TEXTS = [
    "Fete 16-19 ani pentru videochat, câștig 2000 euro, cazare asigurată, scrie-mi în privat.",
    "Робота для дівчат за кордоном, танці, житло безкоштовне, пишіть у телеграм.",
    "Девушки от 17 лет, работа хостес в Турции, билеты за наш счёт.",
    "Posao za devojke u Nemačkoj, bez iskustva, plata odmah, javi se na vajber.",
    "Earn 500 EUR a week online, girls 16+, only send photos to start.",
]
# (category the reporter sees, reason the coordinator wrote)
DISMISS_REASONS = [
    (
        "handled_elsewhere",
        "Forwarded to the national hotline for online child sexual abuse material; no victim in our countries.",
    ),
    ("duplicate", "Duplicate of an earlier report about the same account."),
    ("no_indicators", "Online harassment without signs of exploitation; the school was informed."),
]


def demo_year(today: datetime.date | None = None) -> int:
    return (today or timezone.localdate()).year - 1


def _poisson(rng: random.Random, lam: float) -> int:
    threshold, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= threshold:
            return k
        k += 1


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


def _months(today: datetime.date):
    """First days of every month from January of the demo year to the last complete month."""
    year, month = demo_year(today), 1
    while (year, month) < (today.year, today.month):
        yield datetime.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@transaction.atomic
def seed_demo(*, rng: random.Random) -> int:
    """Create the demo online reports and ads; returns how many reports were created."""
    if Report.objects.filter(platform_account__startswith="https://demo.kompass.invalid/").exists():
        return 0
    today = timezone.localdate()
    organisations = [o for o in Organisation.objects.filter(is_active=True) if not o.is_national_coordinator]
    reports: list[Report] = []
    n = 0
    for month in _months(today):
        days = ((month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - month).days
        for platform, rate in REPORT_RATES.items():
            for _ in range(_poisson(rng, rate)):
                n += 1
                day = month + datetime.timedelta(days=rng.randrange(days))
                moment = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(rng.randrange(8, 23), rng.randrange(60)))
                )
                reports.append(_report(rng, n, platform, moment, today, organisations))
    Report.objects.bulk_create(reports, batch_size=500)
    for report in Report.objects.filter(reference__isnull=True):
        report.reference = f"R-{timezone.localtime(report.created_at).year}-{report.pk:06d}"
        report.save(update_fields=["reference"])
    _seed_ads(rng, today)
    _seed_visits(rng, today)
    return len(reports)


def _report(rng, n, platform, moment, today, organisations) -> Report:
    country, region = _pick(rng, [((c, r), w) for c, r, w in PLACES])
    concern = _pick(rng, CONCERNS)
    report = Report(
        sector="online",
        country=country,
        region=region,
        platform=platform,
        platform_account=DEMO_LINK.format(platform=platform, n=n),
        concern=concern,
        subject="child" if rng.random() < 0.8 else rng.choice(["adult", ""]),
        observations=rng.choice(OBSERVATIONS[concern]),
        reporter_role=rng.choice(ROLES),
        created_at=moment,
    )
    age_days = (today - timezone.localtime(moment).date()).days
    if age_days > 14:
        local = [o for o in organisations if o.country == country] or organisations
        if rng.random() < 0.55 and local:
            report.status = Report.Status.ACCEPTED
            report.accepted_by_organisation = rng.choice(local)
        else:
            report.status = Report.Status.DISMISSED
            report.dismiss_category, report.dismiss_reason = rng.choice(DISMISS_REASONS)
        report.triaged_at = moment + datetime.timedelta(days=rng.randint(1, 10))
    return report


def _seed_ads(rng: random.Random, today: datetime.date) -> None:
    from kompass.recruitment import services
    from kompass.recruitment.models import ReportedAd

    country = {"RO": "ROU", "MD": "MDA", "RS": "SRB"}
    n = 0
    for month in _months(today):
        if month.year != demo_year(today):
            continue
        for platform, rate in AD_RATES.items():
            for _ in range(_poisson(rng, rate)):
                n += 1
                place = _pick(rng, [((c, r), w) for c, r, w in PLACES])[0]
                ad = services.report_ad(
                    platform=platform,
                    link=AD_LINK.format(n=n),
                    text=rng.choice(AD_TEXTS),
                    country=country[place],
                )
                ReportedAd.objects.filter(pk=ad.pk).update(
                    seen_on=month + datetime.timedelta(days=rng.randrange(28))
                )


def _seed_visits(rng: random.Random, today: datetime.date) -> None:
    """Pupils opening the online-safety pages from their session's QR code in the days after it."""
    from kompass.training.models import SchoolSession, SchoolSessionVisit

    language = {"RO": "ro", "MD": "ro", "RS": "sr-latn", "UA": "uk"}
    visits = []
    since = datetime.date(demo_year(today), 1, 1)
    for session in SchoolSession.objects.filter(date__gte=since, date__lte=today).select_related("school"):
        if not session.topics:
            continue
        share = rng.uniform(0.1, 0.45)  # pupils who open the pages at all
        by_day: dict[tuple, int] = {}
        for _ in range(int(session.pupils_reached * share)):
            day = min(today, session.date + datetime.timedelta(days=int(rng.expovariate(0.5))))
            lang = (
                language.get(session.school.country, "ro")
                if rng.random() < 0.85
                else rng.choice(["uk", "ru", "en"])
            )
            by_day[(day, lang)] = by_day.get((day, lang), 0) + 1
        visits += [
            SchoolSessionVisit(session=session, day=d, language=lang, count=n)
            for (d, lang), n in by_day.items()
        ]
    SchoolSessionVisit.objects.bulk_create(visits, batch_size=500, ignore_conflicts=True)
