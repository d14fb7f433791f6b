"""Seed numbers of DOMAIN.md §5, used by the data migration 0002 (kept here so tests can read them too).

Every number carries its source and the date it was last checked; the coordinator edits them later.
"""

SEED_VERIFIED = "2026-11-29"
DOMAIN_SOURCE = "Kompass DOMAIN.md §5 (seed data — verify before publishing)"

HOTLINES = [
    {
        "country": "EU",
        "number": "112",
        "purpose": "emergency",
        "sort_order": 0,
        "source": "https://digital-strategy.ec.europa.eu/en/policies/112 — " + DOMAIN_SOURCE,
        "name": {
            "en": "Emergency (police, ambulance, fire)",
            "ro": "Urgențe (poliție, ambulanță, pompieri)",
            "uk": "Екстрена допомога (поліція, швидка, пожежна)",
            "ru": "Экстренная помощь (полиция, скорая, пожарные)",
            "sr-latn": "Hitne službe (policija, hitna pomoć, vatrogasci)",
        },
    },
    {
        "country": "EU",
        "number": "116 000",
        "purpose": "missing_children",
        "sort_order": 3,
        "source": "https://digital-strategy.ec.europa.eu/en/policies/116-helplines — " + DOMAIN_SOURCE,
        "name": {
            "en": "Missing children hotline",
            "ro": "Linia pentru copii dispăruți",
            "uk": "Гаряча лінія щодо зниклих дітей",
            "ru": "Горячая линия по пропавшим детям",
            "sr-latn": "Linija za nestalu decu",
        },
    },
    {
        "country": "EU",
        "number": "116 111",
        "purpose": "child",
        "sort_order": 1,
        "source": "https://digital-strategy.ec.europa.eu/en/policies/116-helplines — " + DOMAIN_SOURCE,
        "name": {
            "en": "Child helpline",
            "ro": "Telefonul copilului",
            "uk": "Дитяча лінія допомоги",
            "ru": "Детский телефон доверия",
            "sr-latn": "Linija za pomoć deci",
        },
    },
    {
        "country": "EU",
        "number": "116 006",
        "purpose": "victims",
        "sort_order": 2,
        "source": "https://digital-strategy.ec.europa.eu/en/policies/116-helplines — " + DOMAIN_SOURCE,
        "name": {
            "en": "Helpline for victims of crime",
            "ro": "Linia de asistență pentru victimele infracțiunilor",
            "uk": "Лінія допомоги постраждалим від злочинів",
            "ru": "Линия помощи пострадавшим от преступлений",
            "sr-latn": "Linija za pomoć žrtvama krivičnih dela",
        },
    },
    {
        "country": "RO",
        "number": "0800 800 678",
        "purpose": "trafficking",
        "sort_order": 0,
        "source": "ANITP (Agenția Națională împotriva Traficului de Persoane) — " + DOMAIN_SOURCE,
        "name": {
            "en": "National anti-trafficking helpline (free)",
            "ro": "Linia națională gratuită împotriva traficului de persoane",
            "uk": "Національна безкоштовна лінія протидії торгівлі людьми",
            "ru": "Национальная бесплатная линия по противодействию торговле людьми",
            "sr-latn": "Nacionalna besplatna linija protiv trgovine ljudima",
        },
    },
    {
        "country": "RO",
        "number": "119",
        "purpose": "child",
        "sort_order": 0,
        "source": "ANPDCA (Autoritatea Națională pentru Protecția Drepturilor Copilului) — " + DOMAIN_SOURCE,
        "name": {
            "en": "Report child abuse",
            "ro": "Semnalarea abuzului asupra copilului",
            "uk": "Повідомити про насильство над дитиною",
            "ru": "Сообщить о насилии над ребёнком",
            "sr-latn": "Prijava zlostavljanja deteta",
        },
    },
    {
        "country": "MD",
        "number": "0 800 77777",
        "purpose": "trafficking",
        "sort_order": 0,
        "source": "La Strada Moldova, trust line — " + DOMAIN_SOURCE,
        "name": {
            "en": "Anti-trafficking trust line (free)",
            "ro": "Telefonul de încredere împotriva traficului de persoane (gratuit)",
            "uk": "Довірча лінія протидії торгівлі людьми (безкоштовно)",
            "ru": "Телефон доверия по противодействию торговле людьми (бесплатно)",
            "sr-latn": "Linija poverenja protiv trgovine ljudima (besplatno)",
        },
    },
    {
        "country": "UA",
        "number": "527",
        "purpose": "trafficking",
        "sort_order": 0,
        "source": "National hotline on trafficking and migration (IOM / La Strada Ukraine) — "
        + DOMAIN_SOURCE,
        "name": {
            "en": "National hotline on trafficking and migration (from a mobile)",
            "ro": "Linia națională privind traficul și migrația (de pe mobil)",
            "uk": "Національна гаряча лінія з протидії торгівлі людьми та консультування мігрантів (з мобільного)",
            "ru": "Национальная горячая линия по противодействию торговле людьми и миграции (с мобильного)",
            "sr-latn": "Nacionalna linija o trgovini ljudima i migraciji (sa mobilnog)",
        },
    },
    {
        "country": "UA",
        "number": "0 800 505 501",
        "purpose": "trafficking",
        "sort_order": 1,
        "source": "National hotline on trafficking and migration (IOM / La Strada Ukraine) — "
        + DOMAIN_SOURCE,
        "name": {
            "en": "National hotline on trafficking and migration (free)",
            "ro": "Linia națională privind traficul și migrația (gratuit)",
            "uk": "Національна гаряча лінія з протидії торгівлі людьми та консультування мігрантів (безкоштовно)",
            "ru": "Национальная горячая линия по противодействию торговле людьми и миграции (бесплатно)",
            "sr-latn": "Nacionalna linija o trgovini ljudima i migraciji (besplatno)",
        },
    },
    {
        "country": "RS",
        "number": "+381 11 785 0000",
        "purpose": "trafficking",
        "sort_order": 0,
        "source": "ASTRA — Anti Trafficking Action, SOS line (NGO) — " + DOMAIN_SOURCE,
        "name": {
            "en": "Anti-trafficking SOS line (NGO)",
            "ro": "Linia SOS împotriva traficului de persoane (ONG)",
            "uk": "SOS-лінія протидії торгівлі людьми (НУО)",
            "ru": "SOS-линия по противодействию торговле людьми (НКО)",
            "sr-latn": "SOS linija protiv trgovine ljudima (NVO)",
        },
    },
]
