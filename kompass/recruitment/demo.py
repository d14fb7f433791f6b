"""Fictional demo data: job ads reported by the public and logged in casework over the last year.

Idempotent: each demo ad has a fixed link under demo.kompass.invalid, and existing ones are kept.
Ads are written in the five languages the checker reads, most of them risky, a few harmless.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from kompass.cases.models import Case
from kompass.organisations.models import Membership, Organisation
from kompass.recruitment import services
from kompass.recruitment.models import ReportedAd

DEMO_LINK = "https://demo.kompass.invalid/ad/{n}"
COUNT = 60

# (platform, country where seen, text)
ADS = [
    (
        "telegram",
        "UKR",
        "Дівчата 18-25, робота хостес у Дубаї. Житло безкоштовне, пишіть у телеграм @work_dxb.",
    ),
    ("facebook", "MDA", "Девушки от 18 до 25 лет, работа в Турции, бесплатное жилье. Подробности в личку."),
    (
        "olx",
        "ROU",
        "Muncitori în construcții în Belgia, fără contract, cazare gratuită. Taxă de înregistrare 200 euro.",
    ),
    ("viber", "SRB", "Hitno! Rad u fabrici u Slovačkoj. Uplata unapred 100 evra i pošaljite kopiju pasoša."),
    ("instagram", "ROU", "Căutăm fete 18-23 ca dansatoare în străinătate. Scrieți doar pe WhatsApp."),
    (
        "whatsapp",
        "UKR",
        "Терміново! Збір полуниці в Польщі, без досвіду. Передоплата 100 євро за оформлення.",
    ),
    ("tiktok", "MDA", "Легкие деньги! Работа моделью в Японии, билеты за счет фирмы. Пишите в вайбер."),
    (
        "job_site",
        "ROU",
        "Earn 4000 EUR per month in the UK warehouses, no experience needed, send a copy of your passport.",
    ),
    ("telegram", "SRB", "Девојке 18-25 за плесачице у иностранству. Смештај бесплатан. Јавите се на вајбер."),
    ("facebook", "UKR", "Робота на фермі в Чехії, паспорт залишається у бригадира, без договору."),
    (
        "dating_site",
        "MDA",
        "Young women wanted as companions abroad, all expenses paid, message me on Telegram.",
    ),
    ("job_site", "ROU", "Contabil la SC Agro SRL, contract pe perioadă nedeterminată, CV prin site."),
    (
        "facebook_messenger",
        "SRB",
        "Negovateljice za Nemačku. Prevoz obezbeđen, taksa za posredovanje 300 evra.",
    ),
    ("snapchat", "ROU", "Bani ușori pentru studenți, job de acasă, detalii în privat."),
    ("twitter", "UKR", "Work in a night club in Istanbul, free flights, no contract, urgent."),
    ("other", "MDA", "Сиделка в Израиле, регистрационный взнос 200 долларов, выезд на этой неделе."),
]
PLATFORM_WEIGHTS = {
    "telegram": 6,
    "facebook": 5,
    "olx": 3,
    "viber": 3,
    "instagram": 3,
    "whatsapp": 3,
    "tiktok": 2,
}


def _caseworkers():
    """(membership, user) of one case-editing member per organisation, if the demo has them."""
    found = []
    for organisation in Organisation.objects.order_by("name"):
        membership = (
            Membership.objects.active()
            .filter(organisation=organisation)
            .with_capability("can_edit_cases")
            .select_related("user", "organisation")
            .first()
        )
        if membership is not None:
            found.append(membership)
    return found


@transaction.atomic
def seed_demo(*, rng: random.Random) -> int:
    """Create the demo job ads that do not exist yet; returns how many were created."""
    existing = set(
        ReportedAd.objects.filter(link__startswith=DEMO_LINK.format(n="")).values_list("link", flat=True)
    )
    staff = _caseworkers()
    today = timezone.localdate()
    weights = [PLATFORM_WEIGHTS.get(platform, 1) for platform, _country, _text in ADS]
    created = 0
    for n in range(COUNT):
        link = DEMO_LINK.format(n=n)
        # Draw every number even for existing ads so a re-run stays on the same sequence.
        platform, country, text = rng.choices(ADS, weights=weights)[0]
        days_ago = int(rng.triangular(0, 365, 40))
        from_casework = rng.random() < 0.35
        if link in existing:
            continue
        seen_on = today - datetime.timedelta(days=days_ago)
        if from_casework and staff:
            membership = staff[n % len(staff)]
            case = (
                Case.objects.filter(owner=membership.organisation).order_by("pk").first()
                if n % 3 == 0
                else None
            )
            ad = services.log_ad(
                by=membership.user,
                membership=membership,
                platform=platform,
                link=link,
                text=text,
                country=country,
                seen_on=seen_on,
                case=case,
            )
        else:
            ad = services.report_ad(platform=platform, link=link, text=text, country=country)
            ad.seen_on = seen_on
            ad.save(update_fields=["seen_on"])
        created_at = timezone.make_aware(datetime.datetime.combine(seen_on, datetime.time(12, 0)))
        ReportedAd.objects.filter(pk=ad.pk).update(created_at=created_at)
        created += 1
    return created
