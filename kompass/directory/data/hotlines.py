"""The hotlines Kompass ships: docs/interfaces.md §5 (route countries) and the destination countries of job
offers. Each number carries its public source (organisation and official page) and the date it was
last checked there; the coordinator re-checks them from the review list (`facts:review`).

`seed_hotlines` is used by the data migration 0005 and by tests whose database was flushed.
A number we could not source is not here (see `RETIRED` for numbers taken off the public pages).
"""

import datetime

# When a number was last checked against its source, and how (internal: never rendered).
CHECKED_DOMAIN = "2026-12-01"
NOTE_DOMAIN = "Checked by the coalition against the source named in DOMAIN.md §5 (2026-12)."
CHECKED_STORED = "2026-12-02"
NOTE_STORED = (
    "Number and service compared with the organisation's published page (stored copy) on 2026-12-02."
)

H24 = {
    "en": "24/7",
    "ro": "Non-stop",
    "uk": "Цілодобово",
    "ru": "Круглосуточно",
    "sr-latn": "Non-stop (0–24)",
}

HOTLINES = [
    # --- Everywhere in the region -----------------------------------------------------------
    {
        "country": "EU",
        "number": "112",
        "purpose": "emergency",
        "sort_order": 0,
        "source_name": "European Commission — 112, the European emergency number",
        "source_url": "https://digital-strategy.ec.europa.eu/en/policies/112",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "hours": H24,
        "name": {
            "en": "Emergency (police, ambulance, fire), free",
            "ro": "Urgențe (poliție, ambulanță, pompieri), gratuit",
            "uk": "Екстрена допомога (поліція, швидка, пожежна), безкоштовно",
            "ru": "Экстренная помощь (полиция, скорая, пожарные), бесплатно",
            "sr-latn": "Hitne službe (policija, hitna pomoć, vatrogasci), besplatno",
        },
    },
    # --- Romania ---------------------------------------------------------------------------
    {
        "country": "RO",
        "number": "0800 800 678",
        "number_from_abroad": "+40 21 313 3100",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "ANITP — Agenția Națională împotriva Traficului de Persoane",
        "source_url": "https://anitp.mai.gov.ro/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN + " Hours per e-justice.europa.eu.",
        "hours": {
            "en": "Mon–Fri 08:00–16:00",
            "ro": "Luni–vineri 08:00–16:00",
            "uk": "Пн–пт 08:00–16:00",
            "ru": "Пн–пт 08:00–16:00",
            "sr-latn": "Pon–pet 08:00–16:00",
        },
        "name": {
            "en": "National anti-trafficking helpline of ANITP (free inside Romania)",
            "ro": "Linia națională împotriva traficului de persoane a ANITP (gratuită în România)",
            "uk": "Національна лінія протидії торгівлі людьми ANITP (безкоштовно в Румунії)",
            "ru": "Национальная линия по противодействию торговле людьми ANITP (бесплатно в Румынии)",
            "sr-latn": "Nacionalna linija protiv trgovine ljudima ANITP (besplatno u Rumuniji)",
        },
    },
    {
        "country": "RO",
        "number": "119",
        "purpose": "child",
        "sort_order": 0,
        "source_name": "ANPDCA — Autoritatea Națională pentru Protecția Drepturilor Copilului și Adopție",
        "source_url": "https://copii.gov.ro/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "Report child abuse or neglect",
            "ro": "Semnalarea abuzului sau neglijării copilului",
            "uk": "Повідомити про насильство над дитиною чи бездоглядність",
            "ru": "Сообщить о насилии над ребёнком или оставлении без присмотра",
            "sr-latn": "Prijava zlostavljanja ili zanemarivanja deteta",
        },
    },
    {
        "country": "RO",
        "number": "116 111",
        "purpose": "child",
        "sort_order": 1,
        "source_name": "Asociația Telefonul Copilului",
        "source_url": "https://www.telefonulcopilului.ro/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " Operator named in press reports of 2026-02.",
        "name": {
            "en": "Child helpline “Telefonul Copilului” (free)",
            "ro": "Telefonul Copilului (gratuit)",
            "uk": "Дитяча лінія допомоги «Telefonul Copilului» (безкоштовно)",
            "ru": "Детский телефон доверия «Telefonul Copilului» (бесплатно)",
            "sr-latn": "Linija za pomoć deci „Telefonul Copilului“ (besplatno)",
        },
    },
    # --- Moldova ---------------------------------------------------------------------------
    {
        "country": "MD",
        "number": "0 800 77777",
        "number_from_abroad": "+373 22 23 33 09",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "La Strada Moldova",
        "source_url": "https://lastrada.md/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "Anti-trafficking trust line of La Strada (free inside Moldova)",
            "ro": "Telefonul de încredere La Strada împotriva traficului de persoane (gratuit în Moldova)",
            "uk": "Довірча лінія La Strada з протидії торгівлі людьми (безкоштовно в Молдові)",
            "ru": "Телефон доверия La Strada по противодействию торговле людьми (бесплатно в Молдове)",
            "sr-latn": "Linija poverenja La Strada protiv trgovine ljudima (besplatno u Moldaviji)",
        },
    },
    {
        "country": "MD",
        "number": "+373 22 254 998",
        "purpose": "police",
        "sort_order": 0,
        "source_name": "Inspectoratul General al Poliției — Centrul pentru Combaterea Traficului de Persoane",
        "source_url": "https://politia.md/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "hours": H24,
        "name": {
            "en": "Police Centre for Combating Trafficking in Persons",
            "ro": "Centrul pentru Combaterea Traficului de Persoane al Poliției",
            "uk": "Центр протидії торгівлі людьми Поліції Молдови",
            "ru": "Центр по борьбе с торговлей людьми Полиции Молдовы",
            "sr-latn": "Centar policije za borbu protiv trgovine ljudima",
        },
    },
    # --- Ukraine ---------------------------------------------------------------------------
    {
        "country": "UA",
        "number": "527",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "IOM Ukraine — national hotline on countering trafficking and migrant advice",
        "source_url": "https://ukraine.iom.int/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "National hotline on countering trafficking and migrant advice (from a mobile, free)",
            "ro": "Linia națională împotriva traficului de persoane și de consiliere a migranților (de pe mobil, gratuit)",
            "uk": "Національна гаряча лінія з протидії торгівлі людьми та консультування мігрантів (з мобільного, безкоштовно)",
            "ru": "Национальная горячая линия по противодействию торговле людьми и консультированию мигрантов (с мобильного, бесплатно)",
            "sr-latn": "Nacionalna linija protiv trgovine ljudima i za savete migrantima (sa mobilnog, besplatno)",
        },
    },
    {
        "country": "UA",
        "number": "0 800 505 501",
        "purpose": "trafficking",
        "sort_order": 1,
        "source_name": "IOM Ukraine — national hotline on countering trafficking and migrant advice",
        "source_url": "https://ukraine.iom.int/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "National hotline on countering trafficking and migrant advice (from a landline, free)",
            "ro": "Linia națională împotriva traficului de persoane și de consiliere a migranților (de pe telefon fix, gratuit)",
            "uk": "Національна гаряча лінія з протидії торгівлі людьми та консультування мігрантів (зі стаціонарного, безкоштовно)",
            "ru": "Национальная горячая линия по противодействию торговле людьми и консультированию мигрантов (со стационарного, бесплатно)",
            "sr-latn": "Nacionalna linija protiv trgovine ljudima i za savete migrantima (sa fiksnog telefona, besplatno)",
        },
    },
    {
        "country": "UA",
        "number": "116 123",
        "purpose": "trafficking",
        "sort_order": 2,
        "source_name": "La Strada-Україна",
        "source_url": "https://la-strada.org.ua/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "La Strada-Ukraine line on domestic violence, trafficking and gender discrimination (from a mobile)",
            "ro": "Linia La Strada-Ucraina privind violența domestică, traficul de persoane și discriminarea de gen (de pe mobil)",
            "uk": "Лінія La Strada-Україна з питань домашнього насильства, торгівлі людьми та ґендерної дискримінації (з мобільного)",
            "ru": "Линия La Strada-Украина по вопросам домашнего насилия, торговли людьми и гендерной дискриминации (с мобильного)",
            "sr-latn": "Linija La Strada-Ukrajina o nasilju u porodici, trgovini ljudima i rodnoj diskriminaciji (sa mobilnog)",
        },
    },
    {
        "country": "UA",
        "number": "0 800 500 335",
        "purpose": "trafficking",
        "sort_order": 3,
        "source_name": "La Strada-Україна",
        "source_url": "https://la-strada.org.ua/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "La Strada-Ukraine line on domestic violence, trafficking and gender discrimination (from a landline)",
            "ro": "Linia La Strada-Ucraina privind violența domestică, traficul de persoane și discriminarea de gen (de pe telefon fix)",
            "uk": "Лінія La Strada-Україна з питань домашнього насильства, торгівлі людьми та ґендерної дискримінації (зі стаціонарного)",
            "ru": "Линия La Strada-Украина по вопросам домашнего насилия, торговли людьми и гендерной дискриминации (со стационарного)",
            "sr-latn": "Linija La Strada-Ukrajina o nasilju u porodici, trgovini ljudima i rodnoj diskriminaciji (sa fiksnog telefona)",
        },
    },
    {
        "country": "UA",
        "number": "102",
        "purpose": "police",
        "sort_order": 0,
        "source_name": "Національна поліція України",
        "source_url": "https://www.npu.gov.ua/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "hours": H24,
        "name": {
            "en": "Police",
            "ro": "Poliția",
            "uk": "Поліція",
            "ru": "Полиция",
            "sr-latn": "Policija",
        },
    },
    {
        "country": "UA",
        "number": "1547",
        "purpose": "government",
        "sort_order": 0,
        "source_name": "Урядовий контактний центр",
        "source_url": "https://1547.ukc.gov.ua/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "Government hotline (also on trafficking and domestic violence)",
            "ro": "Linia fierbinte a Guvernului (inclusiv trafic de persoane și violență domestică)",
            "uk": "Урядова гаряча лінія (зокрема з питань торгівлі людьми та домашнього насильства)",
            "ru": "Правительственная горячая линия (в том числе по вопросам торговли людьми и домашнего насилия)",
            "sr-latn": "Vladina dežurna linija (i o trgovini ljudima i nasilju u porodici)",
        },
    },
    # --- Serbia ----------------------------------------------------------------------------
    {
        "country": "RS",
        "number": "+381 11 785 0000",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "ASTRA — Akcija protiv trgovine ljudima",
        "source_url": "https://www.astra.rs/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN + " An ordinary Belgrade landline: not free.",
        "name": {
            "en": "ASTRA anti-trafficking SOS line (NGO; normal call charges)",
            "ro": "Linia SOS ASTRA împotriva traficului de persoane (ONG; tarif normal)",
            "uk": "SOS-лінія ASTRA з протидії торгівлі людьми (НУО; звичайний тариф)",
            "ru": "SOS-линия ASTRA по противодействию торговле людьми (НКО; обычный тариф)",
            "sr-latn": "ASTRA SOS linija protiv trgovine ljudima (NVO; redovna cena poziva)",
        },
    },
    {
        "country": "RS",
        "number": "0800 100 388",
        "purpose": "trafficking",
        "sort_order": 1,
        "source_name": "Ministarstvo unutrašnjih poslova Republike Srbije",
        "source_url": "https://www.mup.gov.rs/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "name": {
            "en": "Ministry of the Interior line for reporting trafficking (free)",
            "ro": "Linia Ministerului de Interne pentru semnalarea traficului de persoane (gratuit)",
            "uk": "Лінія МВС Сербії для повідомлень про торгівлю людьми (безкоштовно)",
            "ru": "Линия МВД Сербии для сообщений о торговле людьми (бесплатно)",
            "sr-latn": "Linija MUP-a za prijavu trgovine ljudima (besplatno)",
        },
    },
    {
        "country": "RS",
        "number": "192",
        "purpose": "police",
        "sort_order": 0,
        "source_name": "Ministarstvo unutrašnjih poslova Republike Srbije",
        "source_url": "https://www.mup.gov.rs/",
        "checked": CHECKED_DOMAIN,
        "note": NOTE_DOMAIN,
        "hours": H24,
        "name": {
            "en": "Police",
            "ro": "Poliția",
            "uk": "Поліція",
            "ru": "Полиция",
            "sr-latn": "Policija",
        },
    },
    {
        "country": "RS",
        "number": "116 000",
        "purpose": "missing_children",
        "sort_order": 0,
        "source_name": "ASTRA — Evropski broj za nestalu decu",
        "source_url": "https://astra.rs/evropski-broj-za-nestalu-decu/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED,
        "hours": H24,
        "name": {
            "en": "Missing children hotline (ASTRA, free)",
            "ro": "Linia pentru copii dispăruți (ASTRA, gratuit)",
            "uk": "Гаряча лінія щодо зниклих дітей (ASTRA, безкоштовно)",
            "ru": "Горячая линия по пропавшим детям (ASTRA, бесплатно)",
            "sr-latn": "Evropski broj za nestalu decu (ASTRA, besplatno)",
        },
    },
    # --- Destination countries of job offers ------------------------------------------------
    {
        "country": "PL",
        "number": "+48 22 628 99 99",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "Krajowe Centrum Interwencyjno-Konsultacyjne dla Ofiar Handlu Ludźmi (KCIK)",
        "source_url": "https://www.kcik.pl/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " Also published on handelludzmi.eu (Ministry of the Interior).",
        "name": {
            "en": "KCIK helpline for victims and witnesses of trafficking",
            "ro": "Linia KCIK pentru victimele și martorii traficului de persoane",
            "uk": "Лінія довіри KCIK для постраждалих і свідків торгівлі людьми",
            "ru": "Телефон доверия KCIK для пострадавших и свидетелей торговли людьми",
            "sr-latn": "KCIK linija za žrtve i svedoke trgovine ljudima",
        },
    },
    {
        "country": "DE",
        "number": "116 016",
        "purpose": "violence",
        "sort_order": 0,
        "source_name": "Hilfetelefon „Gewalt gegen Frauen“",
        "source_url": "https://www.hilfetelefon.de/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED,
        "hours": H24,
        "name": {
            "en": "Helpline “Violence against women”, also on trafficking (free, anonymous, many languages)",
            "ro": "Linia „Violența împotriva femeilor”, inclusiv trafic de persoane (gratuit, anonim, în multe limbi)",
            "uk": "Лінія допомоги «Насильство щодо жінок», зокрема торгівля людьми (безкоштовно, анонімно, багатьма мовами)",
            "ru": "Линия помощи «Насилие в отношении женщин», в том числе торговля людьми (бесплатно, анонимно, на многих языках)",
            "sr-latn": "Linija „Nasilje nad ženama“, i o trgovini ljudima (besplatno, anonimno, na više jezika)",
        },
    },
    {
        "country": "CZ",
        "number": "800 077 777",
        "number_from_abroad": "+420 222 717 171",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "La Strada Česká republika",
        "source_url": "https://www.strada.cz/en/looking-for-help/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " Hours differ by weekday and language: see the source.",
        "name": {
            "en": "La Strada SOS line for trafficked and exploited people (free inside Czechia)",
            "ro": "Linia SOS La Strada pentru persoanele traficate și exploatate (gratuită în Cehia)",
            "uk": "SOS-лінія La Strada для постраждалих від торгівлі людьми та експлуатації (безкоштовно в Чехії)",
            "ru": "SOS-линия La Strada для пострадавших от торговли людьми и эксплуатации (бесплатно в Чехии)",
            "sr-latn": "La Strada SOS linija za žrtve trgovine ljudima i eksploatacije (besplatno u Češkoj)",
        },
    },
    {
        "country": "IT",
        "number": "800 290 290",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "Dipartimento per le Pari Opportunità — Numero Verde Antitratta",
        "source_url": "https://www.pariopportunita.gov.it/it/politiche-e-attivita/tratta-degli-esseri-umani-e-grave-sfruttamento/numero-verde-antitratta/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED,
        "hours": H24,
        "name": {
            "en": "Anti-trafficking helpline “Numero Verde Antitratta” (free, anonymous, many languages)",
            "ro": "Linia împotriva traficului „Numero Verde Antitratta” (gratuit, anonim, în multe limbi)",
            "uk": "Лінія протидії торгівлі людьми «Numero Verde Antitratta» (безкоштовно, анонімно, багатьма мовами)",
            "ru": "Линия по противодействию торговле людьми «Numero Verde Antitratta» (бесплатно, анонимно, на многих языках)",
            "sr-latn": "Linija protiv trgovine ljudima „Numero Verde Antitratta“ (besplatno, anonimno, na više jezika)",
        },
    },
    {
        "country": "ES",
        "number": "900 10 50 90",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "Policía Nacional",
        "source_url": "https://www.policia.es/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " E-mail trata@policia.es.",
        "hours": H24,
        "name": {
            "en": "National Police line against trafficking (free, confidential; e-mail trata@policia.es)",
            "ro": "Linia Poliției Naționale împotriva traficului de persoane (gratuit, confidențial; e-mail trata@policia.es)",
            "uk": "Лінія Національної поліції проти торгівлі людьми (безкоштовно, конфіденційно; e-mail trata@policia.es)",
            "ru": "Линия Национальной полиции против торговли людьми (бесплатно, конфиденциально; e-mail trata@policia.es)",
            "sr-latn": "Linija Nacionalne policije protiv trgovine ljudima (besplatno, poverljivo; e-mail trata@policia.es)",
        },
    },
    {
        "country": "NL",
        "number": "+31 33 448 11 86",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "CoMensha — Coördinatiecentrum tegen Mensenhandel",
        "source_url": "https://www.comensha.nl/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " Also listed by wegwijzermensenhandel.nl.",
        "hours": {
            "en": "Mon–Fri 09:00–17:00",
            "ro": "Luni–vineri 09:00–17:00",
            "uk": "Пн–пт 09:00–17:00",
            "ru": "Пн–пт 09:00–17:00",
            "sr-latn": "Pon–pet 09:00–17:00",
        },
        "name": {
            "en": "CoMensha helpdesk for victims of trafficking",
            "ro": "Linia de asistență CoMensha pentru victimele traficului de persoane",
            "uk": "Довідкова служба CoMensha для постраждалих від торгівлі людьми",
            "ru": "Справочная служба CoMensha для пострадавших от торговли людьми",
            "sr-latn": "CoMensha služba pomoći žrtvama trgovine ljudima",
        },
    },
    {
        "country": "AT",
        "number": "+43 677 61 34 34 34",
        "purpose": "police",
        "sort_order": 0,
        "source_name": "Bundeskriminalamt — Menschenhandel-Hotline",
        "source_url": "https://www.bundeskriminalamt.at/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED + " E-mail menschenhandel@bmi.gv.at.",
        "hours": H24,
        "name": {
            "en": "Federal Criminal Police hotline on human trafficking (e-mail menschenhandel@bmi.gv.at)",
            "ro": "Linia Poliției Criminale Federale privind traficul de persoane (e-mail menschenhandel@bmi.gv.at)",
            "uk": "Гаряча лінія Федеральної кримінальної поліції щодо торгівлі людьми (e-mail menschenhandel@bmi.gv.at)",
            "ru": "Горячая линия Федеральной криминальной полиции по торговле людьми (e-mail menschenhandel@bmi.gv.at)",
            "sr-latn": "Linija Savezne kriminalističke policije za trgovinu ljudima (e-mail menschenhandel@bmi.gv.at)",
        },
    },
    {
        "country": "GB",
        "number": "08000 121 700",
        "purpose": "trafficking",
        "sort_order": 0,
        "source_name": "Modern Slavery & Exploitation Helpline (Unseen)",
        "source_url": "https://www.modernslaveryhelpline.org/",
        "checked": CHECKED_STORED,
        "note": NOTE_STORED,
        "hours": H24,
        "name": {
            "en": "Modern Slavery & Exploitation Helpline (free, confidential)",
            "ro": "Linia de asistență privind sclavia modernă și exploatarea (gratuit, confidențial)",
            "uk": "Лінія допомоги з питань сучасного рабства та експлуатації (безкоштовно, конфіденційно)",
            "ru": "Линия помощи по вопросам современного рабства и эксплуатации (бесплатно, конфиденциально)",
            "sr-latn": "Linija za pomoć u slučajevima savremenog ropstva i eksploatacije (besplatno, poverljivo)",
        },
    },
]

# Numbers shipped earlier and taken off the public pages (kept unpublished, with the reason).
RETIRED = {
    ("EU", "116 006"): "Not operated in Romania or Poland (Victim Support Europe, 2023); no evidence for "
    "Moldova, Ukraine or Serbia. Do not list it (DOMAIN.md §5).",
    ("EU", "116 000"): "Listed for every country, but only operated where a national operator exists: "
    "listed per country instead.",
    ("EU", "116 111"): "Listed for every country, but only operated where a national operator exists: "
    "listed per country instead.",
}


# Child helplines of the route countries, added with the online-help pages (kompass/online).
CHECKED_ONLINE = "2026-12-02"
NOTE_ONLINE = "Added with the online-help pages (issue 19); compared with the operator's or ministry's published page (stored copy) on 2026-12-02."
HOTLINES += [
    {
        "country": "MD",
        "number": "116 111",
        "purpose": "child",
        "sort_order": 0,
        "source_name": "Ministerul Muncii și Protecției Sociale — Telefonul Copilului",
        "source_url": "https://telefonulcopilului.md/despre-noi/",
        "checked": CHECKED_ONLINE,
        "note": NOTE_ONLINE,
        "name": {
            "en": "Child helpline “Telefonul Copilului” (free)",
            "ro": "Telefonul Copilului (gratuit)",
            "uk": "Дитяча лінія допомоги «Telefonul Copilului» (безкоштовно)",
            "ru": "Детский телефон доверия «Telefonul Copilului» (бесплатно)",
            "sr-latn": "Linija za pomoć deci „Telefonul Copilului“ (besplatno)",
        },
    },
    {
        "country": "RS",
        "number": "116 111",
        "purpose": "child",
        "sort_order": 0,
        "source_name": "Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja — Nacionalna dečja linija (NADEL)",
        "source_url": "https://www.minrzs.gov.rs/sr/aktuelnosti/vesti/17-maj-medjunarodni-dan-decijih-sos-linija",
        "checked": CHECKED_ONLINE,
        "note": NOTE_ONLINE,
        "hours": H24,
        "name": {
            "en": "National Children's Line NADEL (free)",
            "ro": "Linia națională pentru copii NADEL (gratuit)",
            "uk": "Національна дитяча лінія NADEL (безкоштовно)",
            "ru": "Национальная детская линия NADEL (бесплатно)",
            "sr-latn": "Nacionalna dečja linija NADEL (besplatno)",
        },
    },
    {
        "country": "UA",
        "number": "116 111",
        "purpose": "child",
        "sort_order": 0,
        "source_name": "Ла Страда-Україна — Національна дитяча гаряча лінія",
        "source_url": "https://la-strada.org.ua/",
        "checked": CHECKED_ONLINE,
        "note": NOTE_ONLINE,
        "name": {
            "en": "National children's hotline of La Strada-Ukraine (free, from a mobile)",
            "ro": "Linia națională pentru copii a La Strada-Ucraina (gratuit, de pe mobil)",
            "uk": "Національна дитяча гаряча лінія «Ла Страда-Україна» (безкоштовно, з мобільного)",
            "ru": "Национальная детская горячая линия «Ла Страда-Украина» (бесплатно, с мобильного)",
            "sr-latn": "Nacionalna dečja linija La Strada-Ukrajina (besplatno, sa mobilnog)",
        },
    },
    {
        "country": "UA",
        "number": "0 800 500 225",
        "purpose": "child",
        "sort_order": 1,
        "source_name": "Ла Страда-Україна — Національна дитяча гаряча лінія",
        "source_url": "https://la-strada.org.ua/",
        "checked": CHECKED_ONLINE,
        "note": NOTE_ONLINE,
        "name": {
            "en": "National children's hotline of La Strada-Ukraine (free, from a landline)",
            "ro": "Linia națională pentru copii a La Strada-Ucraina (gratuit, de pe telefon fix)",
            "uk": "Національна дитяча гаряча лінія «Ла Страда-Україна» (безкоштовно, зі стаціонарного)",
            "ru": "Национальная детская горячая линия «Ла Страда-Украина» (бесплатно, со стационарного)",
            "sr-latn": "Nacionalna dečja linija La Strada-Ukrajina (besplatno, sa fiksnog telefona)",
        },
    },
]


def seed_hotlines(apps=None) -> None:
    """Create or update the shipped numbers; unpublish the retired ones. Idempotent."""
    if apps is None:
        from django.apps import apps
    hotline_model = apps.get_model("directory", "Hotline")
    for row in HOTLINES:
        hotline_model.objects.update_or_create(
            country=row["country"],
            number=row["number"],
            defaults={
                "number_from_abroad": row.get("number_from_abroad", ""),
                "name": row["name"],
                "hours": row.get("hours", {}),
                "purpose": row["purpose"],
                "sort_order": row["sort_order"],
                "source_name": row["source_name"],
                "source_url": row["source_url"],
                "last_verified": datetime.date.fromisoformat(row["checked"]),
                "internal_note": row["note"],
                "is_published": True,
            },
        )
    for (country, number), reason in RETIRED.items():
        hotline_model.objects.filter(country=country, number=number).update(
            is_published=False, internal_note=reason
        )
