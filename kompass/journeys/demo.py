"""Demo data of the journey guide: information sessions and two followed journeys (one missed check-in)."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kompass.journeys import services
from kompass.journeys.models import InfoSession, Journey
from kompass.organisations.models import Organisation

SESSIONS = [
    (
        "Безпечна робота за кордоном: як перевірити вакансію",
        "Casa Mărioarei Chișinău",
        "uk",
        "Chișinău, str. Pușkin 22",
        "",
    ),
    (
        "Drepturile persoanelor sub protecție temporară",
        "Pro Demnitate Iași",
        "ro",
        "Iași, Str. Lăpușneanu 14",
        "",
    ),
    (
        "Как распознать фальшивое предложение жилья",
        "Migration Help Office Moldova",
        "ru",
        "",
        "https://meet.example.org/kompass-demo",
    ),
    ("Bezbedno putovanje kroz Srbiju", "Atina Plus Beograd", "sr-latn", "Beograd, Kraljice Natalije 45", ""),
]


@transaction.atomic
def seed_demo(*, rng: random.Random) -> None:
    organisations = {o.name: o for o in Organisation.objects.all()}
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for i, (title, org_name, language, place, url) in enumerate(SESSIONS):
        organisation = organisations.get(org_name)
        if organisation is None:
            continue
        InfoSession.objects.update_or_create(
            organisation=organisation, title=title,
            defaults={"starts_at": now + timedelta(days=3 + 4 * i, hours=rng.randint(1, 8)), "place": place,
                      "online_url": url, "language": language},
        )  # fmt: skip
    chisinau = organisations.get("Casa Mărioarei Chișinău")
    if chisinau is None or Journey.objects.filter(organisation=chisinau).exists():
        return
    services.start_journey(
        organisation=chisinau, nickname="Sonia", contact_channel="telegram", contact_value="@sonia_demo",
        language="uk", consent=True,
        legs=[{"origin": "Odesa", "destination": "Palanca", "expected_arrival": now - timedelta(hours=5)},
              {"origin": "Palanca", "destination": "Chișinău", "expected_arrival": now - timedelta(hours=2)},
              {"origin": "Chișinău", "destination": "Iași", "expected_arrival": now + timedelta(hours=6)}],
    )  # fmt: skip
    journey = Journey.objects.get(organisation=chisinau, nickname="Sonia")
    first = journey.legs.get(position=1)
    services.check_in(journey=journey, leg=first, now=first.expected_arrival - timedelta(minutes=20))
    services.start_journey(
        organisation=chisinau, nickname="Taras", contact_channel="phone", contact_value="+380 50 000 0000",
        language="uk", consent=True,
        legs=[{"origin": "Chișinău", "destination": "București", "expected_arrival": now + timedelta(hours=9)}],
    )  # fmt: skip
    # The second leg of Sonia's journey is overdue: raise its alert as cron would.
    services.raise_missed_checkin_alerts()
