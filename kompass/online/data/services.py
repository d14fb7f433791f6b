"""Online-help services shown with the young people's and parents' pages: where to report images of
children, national reporting points, the police online, and take-down tools that hash on the
person's own device. Loaded by the data migration (idempotent on `code`); the coordinator reviews
them on the facts list. Only services checked against the body that runs them are listed; see
docs/decisions/0046 for what was left out and why.
"""

CHECKED = "2026-12-02"
NOTE = "Compared with the body's own published page (stored copy) on 2026-12-02 for issue 19."

SERVICES = [
    {
        "code": "take-it-down",
        "country": "",
        "kind": "takedown_minor",
        "sort_order": 0,
        "url": "https://takeitdown.ncmec.org/",
        "phone": "",
        "source_name": "National Center for Missing & Exploited Children (NCMEC)",
        "source_url": "https://takeitdown.ncmec.org/faq/",
        "name": {
            "en": "Take It Down (for images taken before you were 18)",
            "ro": "Take It Down (pentru imagini făcute înainte de 18 ani)",
            "uk": "Take It Down (для зображень, зроблених до 18 років)",
            "ru": "Take It Down (для изображений, сделанных до 18 лет)",
            "sr-latn": "Take It Down (za slike nastale pre 18. godine)",
        },
        "description": {
            "en": "Free and anonymous. It makes a digital fingerprint (hash) of the photo or video on your own phone; only the fingerprint is sent, so participating platforms can remove the image. Nobody sees it.",
            "ro": "Gratuit și anonim. Creează pe telefonul tău o amprentă digitală (hash) a pozei sau a filmării; se trimite doar amprenta, ca platformele participante să poată elimina imaginea. Nimeni nu o vede.",
            "uk": "Безкоштовно й анонімно. На твоєму телефоні створюється цифровий відбиток (хеш) фото чи відео; надсилається лише відбиток, щоб платформи-учасниці могли видалити зображення. Ніхто його не бачить.",
            "ru": "Бесплатно и анонимно. На твоём телефоне создаётся цифровой отпечаток (хеш) фото или видео; отправляется только отпечаток, чтобы платформы-участницы могли удалить изображение. Никто его не видит.",
            "sr-latn": "Besplatno i anonimno. Na tvom telefonu pravi digitalni otisak (heš) fotografije ili snimka; šalje se samo otisak, da bi platforme učesnice mogle da uklone sliku. Niko je ne vidi.",
        },
    },
    {
        "code": "stopncii",
        "country": "",
        "kind": "takedown_adult",
        "sort_order": 1,
        "url": "https://stopncii.org/",
        "phone": "",
        "source_name": "StopNCII.org — Revenge Porn Helpline, SWGfL",
        "source_url": "https://stopncii.org/faq/",
        "name": {
            "en": "StopNCII (for intimate images of adults, 18 and over)",
            "ro": "StopNCII (pentru imagini intime ale adulților, de la 18 ani)",
            "uk": "StopNCII (для інтимних зображень дорослих, від 18 років)",
            "ru": "StopNCII (для интимных изображений взрослых, от 18 лет)",
            "sr-latn": "StopNCII (za intimne slike odraslih, od 18 godina)",
        },
        "description": {
            "en": "Free. The same on-device fingerprint for people who were 18 or older in the images; the images never leave the device.",
            "ro": "Gratuit. Aceeași amprentă creată pe dispozitiv, pentru cei care aveau 18 ani sau mai mult în imagini; imaginile nu părăsesc dispozitivul.",
            "uk": "Безкоштовно. Такий самий відбиток на пристрої для тих, кому на зображеннях було 18 або більше; зображення не залишають пристрій.",
            "ru": "Бесплатно. Такой же отпечаток на устройстве для тех, кому на изображениях было 18 или больше; изображения не покидают устройство.",
            "sr-latn": "Besplatno. Isti otisak na uređaju za osobe koje su na slikama imale 18 ili više godina; slike ne napuštaju uređaj.",
        },
    },
    {
        "code": "ro-esc-abuz",
        "country": "RO",
        "kind": "csam_hotline",
        "sort_order": 0,
        "url": "https://oradenet.ro/esc-abuz-en",
        "phone": "",
        "source_name": "Salvați Copiii România — Ora de Net, linia esc_ABUZ",
        "source_url": "https://oradenet.ro/esc-abuz-en",
        "name": {
            "en": "esc_ABUZ: report child sexual abuse material online (Save the Children Romania)",
            "ro": "esc_ABUZ: raportează materiale online cu abuz sexual asupra copiilor (Salvați Copiii)",
            "uk": "esc_ABUZ: повідомити про матеріали сексуального насильства над дітьми в інтернеті (Save the Children Румунія)",
            "ru": "esc_ABUZ: сообщить о материалах сексуального насилия над детьми в интернете (Save the Children Румыния)",
            "sr-latn": "esc_ABUZ: prijava materijala seksualnog zlostavljanja dece na internetu (Save the Children Rumunija)",
        },
        "description": {
            "en": "Report the link, not the image; you can stay anonymous. The team passes it to the authorities that can remove it and investigate.",
            "ro": "Raportează linkul, nu imaginea; poți rămâne anonim. Echipa îl transmite autorităților care pot elimina materialul și investiga.",
            "uk": "Повідомляй посилання, а не зображення; можна анонімно. Команда передає його органам, які можуть видалити матеріал і розслідувати.",
            "ru": "Сообщай ссылку, а не изображение; можно анонимно. Команда передаёт её органам, которые могут удалить материал и расследовать.",
            "sr-latn": "Prijavi link, ne sliku; možeš anonimno. Tim ga prosleđuje organima koji mogu da uklone materijal i istraže.",
        },
    },
    {
        "code": "md-siguronline",
        "country": "MD",
        "kind": "csam_hotline",
        "sort_order": 0,
        "url": "https://siguronline.md/eng/report",
        "phone": "",
        "source_name": "Centrul Internațional „La Strada” — SigurOnline.md",
        "source_url": "https://siguronline.md/eng/report",
        "name": {
            "en": "SigurOnline.md: report child sexual abuse material (La Strada Moldova)",
            "ro": "SigurOnline.md: raportează materiale cu abuz sexual asupra copiilor (La Strada Moldova)",
            "uk": "SigurOnline.md: повідомити про матеріали сексуального насильства над дітьми (La Strada Молдова)",
            "ru": "SigurOnline.md: сообщить о материалах сексуального насилия над детьми (La Strada Молдова)",
            "sr-latn": "SigurOnline.md: prijava materijala seksualnog zlostavljanja dece (La Strada Moldavija)",
        },
        "description": {
            "en": "Moldova's reporting service for such material, anonymous; specialists refer it to the police and to the hosting company for removal.",
            "ro": "Serviciul din Moldova pentru raportarea acestor materiale, anonim; specialiștii le transmit poliției și companiei de găzduire pentru eliminare.",
            "uk": "Молдовський сервіс для повідомлень про такі матеріали, анонімно; фахівці передають їх поліції та хостинговій компанії для видалення.",
            "ru": "Молдавский сервис для сообщений о таких материалах, анонимно; специалисты передают их полиции и хостинговой компании для удаления.",
            "sr-latn": "Moldavska služba za prijavu takvog materijala, anonimno; stručnjaci ga prosleđuju policiji i hosting kompaniji radi uklanjanja.",
        },
    },
    {
        "code": "rs-net-patrola",
        "country": "RS",
        "kind": "csam_hotline",
        "sort_order": 0,
        "url": "https://netpatrola.rs/",
        "phone": "",
        "source_name": "Centar za nestalu i zlostavljanu decu — Net Patrola (INHOPE)",
        "source_url": "https://netpatrola.rs/o-nama/",
        "name": {
            "en": "Net Patrola: report child sexual abuse material online",
            "ro": "Net Patrola: raportează materiale online cu abuz sexual asupra copiilor",
            "uk": "Net Patrola: повідомити про матеріали сексуального насильства над дітьми в інтернеті",
            "ru": "Net Patrola: сообщить о материалах сексуального насилия над детьми в интернете",
            "sr-latn": "Net Patrola: prijava materijala seksualnog zlostavljanja dece na internetu",
        },
        "description": {
            "en": "Serbia's INHOPE hotline; anonymous online form. Confirmed illegal content goes to the authorities and the provider for removal.",
            "ro": "Linia INHOPE a Serbiei; formular online anonim. Conținutul confirmat ca ilegal merge la autorități și la furnizor pentru eliminare.",
            "uk": "Сербська лінія мережі INHOPE; анонімна онлайн-форма. Підтверджений незаконний вміст передають органам і провайдеру для видалення.",
            "ru": "Сербская линия сети INHOPE; анонимная онлайн-форма. Подтверждённый незаконный контент передают органам и провайдеру для удаления.",
            "sr-latn": "Srpska INHOPE linija; anonimni onlajn obrazac. Potvrđeno nezakonit sadržaj ide nadležnim organima i provajderu radi uklanjanja.",
        },
    },
    {
        "code": "rs-19833",
        "country": "RS",
        "kind": "reporting_point",
        "sort_order": 1,
        "url": "https://pametnoibezbedno.gov.rs/",
        "phone": "19833",
        "source_name": "Vlada Republike Srbije — Nacionalni kontakt centar za bezbednost dece na internetu",
        "source_url": "https://www.srbija.gov.rs/tekst/en/129990/child-safety-on-the-internet.php",
        "name": {
            "en": "National Contact Centre for Child Safety on the Internet (free call)",
            "ro": "Centrul național de contact pentru siguranța copiilor pe internet (apel gratuit)",
            "uk": "Національний контактний центр з безпеки дітей в інтернеті (безкоштовно)",
            "ru": "Национальный контактный центр по безопасности детей в интернете (бесплатно)",
            "sr-latn": "Nacionalni kontakt centar za bezbednost dece na internetu (besplatan poziv)",
        },
        "description": {
            "en": "Report any threat to a child online and get advice; cases are passed to the prosecutor for high-tech crime, the police or social services.",
            "ro": "Raportează orice amenințare la adresa unui copil pe internet și primește sfaturi; cazurile sunt transmise procurorului pentru criminalitate informatică, poliției sau serviciilor sociale.",
            "uk": "Повідомити про будь-яку загрозу дитині в інтернеті й отримати пораду; випадки передають прокуратурі з високотехнологічних злочинів, поліції чи соцслужбам.",
            "ru": "Сообщить о любой угрозе ребёнку в интернете и получить совет; случаи передают прокуратуре по высокотехнологичным преступлениям, полиции или соцслужбам.",
            "sr-latn": "Prijavi svako ugrožavanje deteta na internetu i dobij savet; slučajevi se prosleđuju tužilaštvu za visokotehnološki kriminal, policiji ili centrima za socijalni rad.",
        },
    },
    {
        "code": "ua-cyberpolice",
        "country": "UA",
        "kind": "police_online",
        "sort_order": 0,
        "url": "https://cyberpolice.gov.ua/",
        "phone": "",
        "source_name": "Департамент кіберполіції Національної поліції України",
        "source_url": "https://cyberpolice.gov.ua/",
        "name": {
            "en": "Cyber Police of Ukraine",
            "ro": "Poliția cibernetică a Ucrainei",
            "uk": "Кіберполіція України",
            "ru": "Киберполиция Украины",
            "sr-latn": "Sajber policija Ukrajine",
        },
        "description": {
            "en": "The National Police's unit for crimes committed online; its site explains how to report them.",
            "ro": "Unitatea Poliției Naționale pentru infracțiunile comise online; site-ul explică cum le raportezi.",
            "uk": "Підрозділ Національної поліції, що протидіє злочинам в інтернеті; на сайті пояснено, як про них повідомити.",
            "ru": "Подразделение Национальной полиции по преступлениям в интернете; на сайте объяснено, как о них сообщить.",
            "sr-latn": "Jedinica Nacionalne policije za krivična dela na internetu; na sajtu piše kako da ih prijaviš.",
        },
    },
]


def seed_services(apps=None) -> None:
    """Create or update the shipped services (idempotent on `code`)."""
    import datetime

    if apps is None:
        from django.apps import apps
    model = apps.get_model("online", "HelpService")
    for row in SERVICES:
        model.objects.update_or_create(
            code=row["code"],
            defaults={
                "country": row["country"],
                "kind": row["kind"],
                "sort_order": row["sort_order"],
                "name": row["name"],
                "description": row["description"],
                "url": row["url"],
                "phone": row["phone"],
                "source_name": row["source_name"],
                "source_url": row["source_url"],
                "last_verified": datetime.date.fromisoformat(CHECKED),
                "internal_note": NOTE,
                "is_published": True,
            },
        )
