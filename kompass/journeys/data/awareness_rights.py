"""Seed content of the rights pages, one per route country: where people apply (the authority) and
the official information, with the date it was last checked. Rules change: the coordinator edits
the pages and re-checks them from the review list; no end date is hard-coded where we could not
verify it."""

CHECKED = "2026-12-01"
NOTE = "Authority and official information as given in DOMAIN.md §5 (checked by the coalition, 2026-12)."

# fmt: off
RIGHTS_PAGES = [
    {
        "slug": "rights-romania",
        "country": "RO",
        "sort_order": 11,
        "source_name": "dopomoha.ro", "source_url": "https://dopomoha.ro/",
        "authority_url": "https://igi.mai.gov.ro/", "checked": CHECKED, "note": NOTE,
        "authority": {
            "uk": "Генеральний інспекторат з питань імміграції (IGI)", "ru": "Генеральный инспекторат по иммиграции (IGI)",
            "ro": "Inspectoratul General pentru Imigrări (IGI)", "en": "General Inspectorate for Immigration (IGI)",
            "sr-latn": "Generalni inspektorat za imigraciju (IGI)",
        },
        "title": {
            "uk": "Ваші права в Румунії", "ru": "Ваши права в Румынии", "ro": "Drepturile dumneavoastră în România",
            "en": "Your rights in Romania", "sr-latn": "Vaša prava u Rumuniji",
        },
        "summary": {
            "uk": "Тимчасовий захист ЄС: проживання, робота, медична допомога, школа, житло.",
            "ru": "Временная защита ЕС: проживание, работа, медицинская помощь, школа, жильё.",
            "ro": "Protecția temporară a UE: ședere, muncă, asistență medicală, școală, cazare.",
            "en": "EU temporary protection: residence, work, health care, school, housing.",
            "sr-latn": "Privremena zaštita EU: boravak, rad, zdravstvena zaštita, škola, smeštaj.",
        },
        "body": {
            "uk": "Люди, які тікають від війни в Україні, можуть отримати в Румунії тимчасовий захист ЄС. Звертатися потрібно до Генерального інспекторату з питань імміграції (IGI) — він видає дозвіл на перебування.\n\n- Проживання: дозвіл на перебування на весь строк тимчасового захисту.\n- Робота: можна працювати без окремого дозволу на роботу; вимагайте письмовий трудовий договір.\n- Медична допомога: доступ до системи медичного страхування, як у громадян Румунії; невідкладна допомога — завжди.\n- Школа: діти мають право вчитися в румунських школах і дитячих садках.\n- Житло та харчування: діють державні програми підтримки; запитайте в пунктах допомоги.\n\nПравила і строки змінюються: перевіряйте їх в IGI або на інформаційному сайті dopomoha.ro (посилання нижче).",
            "ru": "Люди, бегущие от войны в Украине, могут получить в Румынии временную защиту ЕС. Обращаться нужно в Генеральный инспекторат по иммиграции (IGI) — он выдаёт разрешение на пребывание.\n\n- Проживание: разрешение на пребывание на весь срок временной защиты.\n- Работа: можно работать без отдельного разрешения на работу; требуйте письменный трудовой договор.\n- Медицинская помощь: доступ к системе медицинского страхования, как у граждан Румынии; неотложная помощь — всегда.\n- Школа: дети имеют право учиться в румынских школах и детских садах.\n- Жильё и питание: действуют государственные программы поддержки; спросите в пунктах помощи.\n\nПравила и сроки меняются: проверяйте их в IGI или на информационном сайте dopomoha.ro (ссылки ниже).",
            "ro": "Persoanele care fug de războiul din Ucraina pot primi în România protecție temporară în UE. Cererea se depune la Inspectoratul General pentru Imigrări (IGI), care eliberează permisul de ședere.\n\n- Ședere: permis de ședere pe toată durata protecției temporare.\n- Muncă: puteți lucra fără aviz de muncă separat; cereți un contract individual de muncă scris.\n- Asistență medicală: acces la sistemul de asigurări de sănătate, ca cetățenii români; asistența de urgență se acordă întotdeauna.\n- Școală: copiii au dreptul să învețe în școlile și grădinițele din România.\n- Cazare și hrană: există programe guvernamentale de sprijin; întrebați la punctele de ajutor.\n\nRegulile și termenele se schimbă: verificați-le la IGI sau pe site-ul de informare dopomoha.ro (linkurile de mai jos).",
            "en": "People fleeing the war in Ukraine can get EU temporary protection in Romania. You apply to the General Inspectorate for Immigration (IGI), which issues the residence permit.\n\n- Residence: a residence permit for the whole period of temporary protection.\n- Work: you may work without a separate work permit; ask for a written employment contract.\n- Health care: access to the health insurance system like Romanian citizens; emergency care is always given.\n- School: children have the right to attend Romanian schools and kindergartens.\n- Housing and food: government support programmes exist; ask at the help points.\n\nRules and deadlines change: check them with IGI or on the information site dopomoha.ro (links below).",
            "sr-latn": "Ljudi koji beže od rata u Ukrajini mogu u Rumuniji dobiti privremenu zaštitu EU. Zahtev se podnosi Generalnom inspektoratu za imigraciju (IGI), koji izdaje dozvolu boravka.\n\n- Boravak: dozvola boravka za ceo period privremene zaštite.\n- Rad: možete raditi bez posebne radne dozvole; tražite pisani ugovor o radu.\n- Zdravstvena zaštita: pristup zdravstvenom osiguranju kao rumunski državljani; hitna pomoć se uvek pruža.\n- Škola: deca imaju pravo da pohađaju rumunske škole i vrtiće.\n- Smeštaj i hrana: postoje državni programi podrške; pitajte na mestima za pomoć.\n\nPravila i rokovi se menjaju: proverite ih u IGI ili na informativnom sajtu dopomoha.ro (linkovi ispod).",
        },
    },
    {
        "slug": "rights-moldova",
        "country": "MD",
        "sort_order": 12,
        "source_name": "Inspectoratul General pentru Migrație (IGM)", "source_url": "https://igm.gov.md/",
        "authority_url": "https://igm.gov.md/", "checked": CHECKED, "note": NOTE,
        "authority": {
            "uk": "Генеральний інспекторат з питань міграції (IGM)", "ru": "Генеральный инспекторат по миграции (IGM)",
            "ro": "Inspectoratul General pentru Migrație (IGM)", "en": "General Inspectorate for Migration (IGM)",
            "sr-latn": "Generalni inspektorat za migracije (IGM)",
        },
        "title": {
            "uk": "Ваші права в Молдові", "ru": "Ваши права в Молдове", "ro": "Drepturile dumneavoastră în Republica Moldova",
            "en": "Your rights in Moldova", "sr-latn": "Vaša prava u Moldaviji",
        },
        "summary": {
            "uk": "Тимчасовий захист у Молдові: документ, робота, медицина, освіта.",
            "ru": "Временная защита в Молдове: документ, работа, медицина, образование.",
            "ro": "Protecția temporară în Republica Moldova: act, muncă, asistență medicală, educație.",
            "en": "Temporary protection in Moldova: document, work, health care, education.",
            "sr-latn": "Privremena zaštita u Moldaviji: dokument, rad, zdravstvo, obrazovanje.",
        },
        "body": {
            "uk": "Молдова надає тимчасовий захист людям, які тікають від війни в Україні; його надають з 1 березня 2024 року. Звертатися потрібно до Генерального інспекторату з питань міграції (IGM).\n\n- Документ: посвідчення особи бенефіціара тимчасового захисту.\n- Робота: право працювати на підставі договору.\n- Медицина: невідкладна і первинна медична допомога.\n- Освіта: діти можуть ходити до школи й садка.\n- Житло: у пунктах розміщення та через гуманітарні організації.\n\nЗахист діє обмежений строк і продовжується рішенням уряду: чинні правила перевіряйте в IGM (посилання нижче).",
            "ru": "Молдова предоставляет временную защиту людям, бегущим от войны в Украине; её предоставляют с 1 марта 2024 года. Обращаться нужно в Генеральный инспекторат по миграции (IGM).\n\n- Документ: удостоверение личности бенефициара временной защиты.\n- Работа: право работать на основании договора.\n- Медицина: неотложная и первичная медицинская помощь.\n- Образование: дети могут ходить в школу и детский сад.\n- Жильё: в пунктах размещения и через гуманитарные организации.\n\nЗащита действует ограниченный срок и продлевается решением правительства: действующие правила проверяйте в IGM (ссылка ниже).",
            "ro": "Republica Moldova acordă protecție temporară persoanelor care fug de războiul din Ucraina; aceasta se acordă din 1 martie 2024. Cererea se depune la Inspectoratul General pentru Migrație (IGM).\n\n- Act: buletin de identitate al beneficiarului de protecție temporară.\n- Muncă: dreptul de a lucra în baza unui contract.\n- Asistență medicală: asistență medicală urgentă și primară.\n- Educație: copiii pot merge la școală și la grădiniță.\n- Cazare: în centrele de plasament și prin organizațiile umanitare.\n\nProtecția are o durată limitată și este prelungită prin decizie a Guvernului: verificați regulile în vigoare la IGM (linkul de mai jos).",
            "en": "Moldova grants temporary protection to people fleeing the war in Ukraine; it has been granted since 1 March 2024. You apply to the General Inspectorate for Migration (IGM).\n\n- Document: an identity card of a beneficiary of temporary protection.\n- Work: the right to work under a contract.\n- Health care: emergency and primary care.\n- Education: children may attend school and kindergarten.\n- Housing: in placement centres and through humanitarian organisations.\n\nProtection lasts a limited time and is extended by government decision: check the current rules with IGM (link below).",
            "sr-latn": "Moldavija daje privremenu zaštitu ljudima koji beže od rata u Ukrajini; ona se odobrava od 1. marta 2024. Zahtev se podnosi Generalnom inspektoratu za migracije (IGM).\n\n- Dokument: lična karta korisnika privremene zaštite.\n- Rad: pravo na rad na osnovu ugovora.\n- Zdravstvo: hitna i primarna zdravstvena zaštita.\n- Obrazovanje: deca mogu da idu u školu i vrtić.\n- Smeštaj: u prihvatnim centrima i preko humanitarnih organizacija.\n\nZaštita traje ograničeno vreme i produžava se odlukom vlade: proverite važeća pravila u IGM (link ispod).",
        },
    },
    {
        "slug": "rights-poland",
        "country": "PL",
        "sort_order": 13,
        "source_name": "gov.pl — Допомога для громадян України", "source_url": "https://www.gov.pl/web/ua",
        "authority_url": "https://www.gov.pl/web/ua", "checked": CHECKED, "note": NOTE,
        "authority": {
            "uk": "Гміна (міська або сільська рада) — номер PESEL зі статусом UKR",
            "ru": "Гмина (городской или сельский совет) — номер PESEL со статусом UKR",
            "ro": "Primăria (gmina) — numărul PESEL cu statut UKR",
            "en": "The municipality office (gmina) — PESEL number with UKR status",
            "sr-latn": "Opština (gmina) — broj PESEL sa statusom UKR",
        },
        "title": {
            "uk": "Ваші права в Польщі", "ru": "Ваши права в Польше", "ro": "Drepturile dumneavoastră în Polonia",
            "en": "Your rights in Poland", "sr-latn": "Vaša prava u Poljskoj",
        },
        "summary": {
            "uk": "Номер PESEL UKR, робота, медицина, школа; що буде, якщо виїхати.",
            "ru": "Номер PESEL UKR, работа, медицина, школа; что будет, если уехать.",
            "ro": "Numărul PESEL UKR, muncă, asistență medicală, școală; ce se întâmplă dacă plecați.",
            "en": "The PESEL UKR number, work, health care, school; what happens if you leave.",
            "sr-latn": "Broj PESEL UKR, rad, zdravstvo, škola; šta se dešava ako odete.",
        },
        "body": {
            "uk": "У Польщі громадяни України, які прибули через війну, отримують тимчасовий захист. Номер PESEL зі статусом UKR оформлюють у гміні (міській або сільській раді).\n\n- Робота: можна працювати; роботодавець повідомляє службу зайнятості. Не погоджуйтеся на роботу без договору.\n- Медицина: доступ до державної охорони здоров’я (NFZ) з номером PESEL.\n- Школа: діти мають право і обов’язок навчатися.\n- Допомога: окремі соціальні виплати залежать від роботи та навчання дітей — уточнюйте в гміні.\n- Виїзд: статус UKR втрачається, якщо ви перебуваєте за межами Польщі понад 30 днів.\n\nПравила і строки змінюються: перевіряйте їх на урядовому сайті gov.pl/web/ua (посилання нижче) або в гміні.",
            "ru": "В Польше граждане Украины, прибывшие из-за войны, получают временную защиту. Номер PESEL со статусом UKR оформляют в гмине (городском или сельском совете).\n\n- Работа: можно работать; работодатель уведомляет службу занятости. Не соглашайтесь на работу без договора.\n- Медицина: доступ к государственному здравоохранению (NFZ) с номером PESEL.\n- Школа: дети имеют право и обязаны учиться.\n- Помощь: отдельные социальные выплаты зависят от работы и обучения детей — уточняйте в гмине.\n- Выезд: статус UKR теряется, если вы находитесь за пределами Польши больше 30 дней.\n\nПравила и сроки меняются: проверяйте их на правительственном сайте gov.pl/web/ua (ссылка ниже) или в гмине.",
            "ro": "În Polonia, cetățenii ucraineni sosiți din cauza războiului primesc protecție temporară. Numărul PESEL cu statut UKR se obține la primărie (gmina).\n\n- Muncă: puteți lucra; angajatorul anunță oficiul forțelor de muncă. Nu acceptați muncă fără contract.\n- Asistență medicală: acces la sistemul public de sănătate (NFZ) cu numărul PESEL.\n- Școală: copiii au dreptul și obligația de a învăța.\n- Ajutoare: unele prestații sociale depind de muncă și de școlarizarea copiilor — întrebați la gmina.\n- Plecarea: statutul UKR se pierde dacă stați în afara Poloniei mai mult de 30 de zile.\n\nRegulile și termenele se schimbă: verificați-le pe site-ul guvernului gov.pl/web/ua (linkul de mai jos) sau la gmina.",
            "en": "In Poland, Ukrainian citizens who came because of the war get temporary protection. The PESEL number with UKR status is issued by the municipality office (gmina).\n\n- Work: you may work; the employer notifies the labour office. Do not accept work without a contract.\n- Health care: access to public health care (NFZ) with your PESEL number.\n- School: children have the right and the duty to attend school.\n- Benefits: some social benefits depend on work and on the children's schooling — ask at the gmina.\n- Leaving: the UKR status is lost if you stay outside Poland for more than 30 days.\n\nRules and deadlines change: check them on the government's site gov.pl/web/ua (link below) or at the gmina.",
            "sr-latn": "U Poljskoj državljani Ukrajine koji su došli zbog rata dobijaju privremenu zaštitu. Broj PESEL sa statusom UKR izdaje opština (gmina).\n\n- Rad: možete raditi; poslodavac obaveštava službu zapošljavanja. Ne pristajte na posao bez ugovora.\n- Zdravstvo: pristup javnom zdravstvu (NFZ) sa brojem PESEL.\n- Škola: deca imaju pravo i obavezu da se školuju.\n- Pomoć: neka socijalna davanja zavise od rada i školovanja dece — pitajte u opštini.\n- Odlazak: status UKR se gubi ako ste van Poljske duže od 30 dana.\n\nPravila i rokovi se menjaju: proverite ih na vladinom sajtu gov.pl/web/ua (link ispod) ili u opštini.",
        },
    },
    {
        "slug": "rights-serbia",
        "country": "RS",
        "sort_order": 14,
        "source_name": "Ministarstvo unutrašnjih poslova Republike Srbije", "source_url": "https://www.mup.gov.rs/",
        "authority_url": "https://www.mup.gov.rs/", "checked": CHECKED, "note": NOTE + " Government Decision 36/2022.",
        "authority": {
            "uk": "Будь-який відділок поліції або Відділ з питань притулку МВС Сербії",
            "ru": "Любой полицейский участок или Отдел по вопросам убежища МВД Сербии",
            "ro": "Orice secție de poliție sau Biroul pentru azil al Ministerului de Interne al Serbiei",
            "en": "Any police station, or the Asylum Office of the Ministry of the Interior",
            "sr-latn": "Bilo koja policijska stanica ili Kancelarija za azil Ministarstva unutrašnjih poslova",
        },
        "title": {
            "uk": "Ваші права в Сербії", "ru": "Ваши права в Сербии", "ro": "Drepturile dumneavoastră în Serbia",
            "en": "Your rights in Serbia", "sr-latn": "Vaša prava u Srbiji",
        },
        "summary": {
            "uk": "Тимчасовий захист у Сербії: де подати заяву, перебування, робота, медицина, школа.",
            "ru": "Временная защита в Сербии: где подать заявление, пребывание, работа, медицина, школа.",
            "ro": "Protecția temporară în Serbia: unde depuneți cererea, ședere, muncă, asistență medicală, școală.",
            "en": "Temporary protection in Serbia: where to apply, stay, work, health care, school.",
            "sr-latn": "Privremena zaštita u Srbiji: gde se podnosi zahtev, boravak, rad, zdravstvo, škola.",
        },
        "body": {
            "uk": "Сербія надає тимчасовий захист людям, які тікають від війни в Україні (рішення уряду, «Службени гласник» 36/2022); уряд продовжує його щороку. Про бажання отримати тимчасовий захист заявляють у будь-якому відділку поліції або у Відділі з питань притулку МВС. Комісаріат у справах біженців і міграції надає житло, але заяв не приймає.\n\n- Перебування: посвідчення особи з тимчасовим захистом.\n- Робота: право на працю з цим посвідченням; вимагайте письмовий договір.\n- Медицина: медична допомога за державним страхуванням.\n- Школа: діти можуть відвідувати школу.\n\nЧинні правила перевіряйте в МВС Сербії (посилання нижче).",
            "ru": "Сербия предоставляет временную защиту людям, бегущим от войны в Украине (решение правительства, «Службени гласник» 36/2022); правительство продлевает её каждый год. О желании получить временную защиту заявляют в любом полицейском участке или в Отделе по вопросам убежища МВД. Комиссариат по делам беженцев и миграции предоставляет жильё, но заявления не принимает.\n\n- Пребывание: удостоверение личности с временной защитой.\n- Работа: право на труд с этим удостоверением; требуйте письменный договор.\n- Медицина: медицинская помощь по государственной страховке.\n- Школа: дети могут посещать школу.\n\nДействующие правила проверяйте в МВД Сербии (ссылка ниже).",
            "ro": "Serbia acordă protecție temporară persoanelor care fug de războiul din Ucraina (decizia Guvernului, Monitorul Oficial 36/2022); Guvernul o prelungește anual. Cererea de protecție temporară se face la orice secție de poliție sau la Biroul pentru azil al Ministerului de Interne. Comisariatul pentru Refugiați și Migrație oferă cazare, dar nu primește cereri.\n\n- Ședere: act de identitate cu protecție temporară.\n- Muncă: dreptul de a munci cu acest act; cereți un contract scris.\n- Asistență medicală: prin asigurarea publică de sănătate.\n- Școală: copiii pot merge la școală.\n\nVerificați regulile în vigoare la Ministerul de Interne al Serbiei (linkul de mai jos).",
            "en": "Serbia grants temporary protection to people fleeing the war in Ukraine (Government Decision, Official Gazette 36/2022); the government extends it every year. You state your request for temporary protection at any police station or at the Asylum Office of the Ministry of the Interior. The Commissariat for Refugees and Migration provides accommodation; it does not receive applications.\n\n- Stay: an identity card showing temporary protection.\n- Work: the right to work with this card; ask for a written contract.\n- Health care: care under public health insurance.\n- School: children may attend school.\n\nCheck the current rules with the Ministry of the Interior (link below).",
            "sr-latn": "Srbija daje privremenu zaštitu ljudima koji beže od rata u Ukrajini (Odluka Vlade, „Službeni glasnik RS“ 36/2022); vlada je produžava svake godine. Zahtev za privremenu zaštitu izjavljuje se u bilo kojoj policijskoj stanici ili u Kancelariji za azil Ministarstva unutrašnjih poslova. Komesarijat za izbeglice i migracije obezbeđuje smeštaj, ali ne prima zahteve.\n\n- Boravak: lična karta sa privremenom zaštitom.\n- Rad: pravo na rad sa tom ispravom; tražite pisani ugovor.\n- Zdravstvo: zdravstvena zaštita preko javnog osiguranja.\n- Škola: deca mogu da idu u školu.\n\nProverite važeća pravila u Ministarstvu unutrašnjih poslova (link ispod).",
        },
    },
]
# fmt: on
