"""Seed content of the rights pages, one per route country. Rules change: the pages say whom to ask
and are edited by the coordinator; no end date is hard-coded where we could not verify it."""

# fmt: off
RIGHTS_PAGES = [
    {
        "slug": "rights-romania",
        "country": "RO",
        "sort_order": 11,
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
            "uk": "Люди, які тікають від війни в Україні, можуть отримати в Румунії тимчасовий захист ЄС. Документ видає Генеральний інспекторат з питань імміграції (IGI).\n\n- Проживання: дозвіл на перебування на весь строк тимчасового захисту.\n- Робота: можна працювати без окремого дозволу на роботу; вимагайте письмовий трудовий договір.\n- Медична допомога: доступ до системи медичного страхування, як у громадян Румунії; невідкладна допомога — завжди.\n- Школа: діти мають право вчитися в румунських школах і дитячих садках.\n- Житло та харчування: діють державні програми підтримки; запитайте в пунктах допомоги.\n\nПравила змінюються: уточнюйте в IGI, у пунктах підтримки з вашого плану або на лінії 0800 800 678.",
            "ru": "Люди, бегущие от войны в Украине, могут получить в Румынии временную защиту ЕС. Документ выдаёт Генеральный инспекторат по иммиграции (IGI).\n\n- Проживание: разрешение на пребывание на весь срок временной защиты.\n- Работа: можно работать без отдельного разрешения на работу; требуйте письменный трудовой договор.\n- Медицинская помощь: доступ к системе медицинского страхования, как у граждан Румынии; неотложная помощь — всегда.\n- Школа: дети имеют право учиться в румынских школах и детских садах.\n- Жильё и питание: действуют государственные программы поддержки; спросите в пунктах помощи.\n\nПравила меняются: уточняйте в IGI, в пунктах поддержки из вашего плана или по линии 0800 800 678.",
            "ro": "Persoanele care fug de războiul din Ucraina pot primi în România protecție temporară în UE. Documentul este eliberat de Inspectoratul General pentru Imigrări (IGI).\n\n- Ședere: permis de ședere pe toată durata protecției temporare.\n- Muncă: puteți lucra fără aviz de muncă separat; cereți un contract individual de muncă scris.\n- Asistență medicală: acces la sistemul de asigurări de sănătate, ca cetățenii români; asistența de urgență se acordă întotdeauna.\n- Școală: copiii au dreptul să învețe în școlile și grădinițele din România.\n- Cazare și hrană: există programe guvernamentale de sprijin; întrebați la punctele de ajutor.\n\nRegulile se schimbă: verificați la IGI, la punctele de sprijin din planul dumneavoastră sau la linia 0800 800 678.",
            "en": "People fleeing the war in Ukraine can get EU temporary protection in Romania. The document is issued by the General Inspectorate for Immigration (IGI).\n\n- Residence: a residence permit for the whole period of temporary protection.\n- Work: you may work without a separate work permit; ask for a written employment contract.\n- Health care: access to the health insurance system like Romanian citizens; emergency care is always given.\n- School: children have the right to attend Romanian schools and kindergartens.\n- Housing and food: government support programmes exist; ask at the help points.\n\nRules change: check with IGI, at the support points of your plan or on 0800 800 678.",
            "sr-latn": "Ljudi koji beže od rata u Ukrajini mogu u Rumuniji dobiti privremenu zaštitu EU. Dokument izdaje Generalni inspektorat za imigraciju (IGI).\n\n- Boravak: dozvola boravka za ceo period privremene zaštite.\n- Rad: možete raditi bez posebne radne dozvole; tražite pisani ugovor o radu.\n- Zdravstvena zaštita: pristup zdravstvenom osiguranju kao rumunski državljani; hitna pomoć se uvek pruža.\n- Škola: deca imaju pravo da pohađaju rumunske škole i vrtiće.\n- Smeštaj i hrana: postoje državni programi podrške; pitajte na mestima za pomoć.\n\nPravila se menjaju: proverite u IGI, na mestima podrške iz vašeg plana ili na broju 0800 800 678.",
        },
    },
    {
        "slug": "rights-moldova",
        "country": "MD",
        "sort_order": 12,
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
            "uk": "Молдова надає тимчасовий захист людям, які тікають від війни в Україні. Оформлення — у Генеральному інспекторату з питань міграції (IGM).\n\n- Документ: посвідчення особи бенефіціара тимчасового захисту.\n- Робота: право працювати на підставі договору.\n- Медицина: невідкладна і первинна медична допомога.\n- Освіта: діти можуть ходити до школи й садка.\n- Житло: у пунктах розміщення та через гуманітарні організації.\n\nЗахист діє обмежений строк і продовжується рішенням уряду — уточнюйте в IGM або на довірчій лінії 0 800 77777.",
            "ru": "Молдова предоставляет временную защиту людям, бегущим от войны в Украине. Оформление — в Генеральном инспекторате по миграции (IGM).\n\n- Документ: удостоверение личности бенефициара временной защиты.\n- Работа: право работать на основании договора.\n- Медицина: неотложная и первичная медицинская помощь.\n- Образование: дети могут ходить в школу и детский сад.\n- Жильё: в пунктах размещения и через гуманитарные организации.\n\nЗащита действует ограниченный срок и продлевается решением правительства — уточняйте в IGM или по телефону доверия 0 800 77777.",
            "ro": "Republica Moldova acordă protecție temporară persoanelor care fug de războiul din Ucraina. Înregistrarea se face la Inspectoratul General pentru Migrație (IGM).\n\n- Act: buletin de identitate al beneficiarului de protecție temporară.\n- Muncă: dreptul de a lucra în baza unui contract.\n- Asistență medicală: asistență medicală urgentă și primară.\n- Educație: copiii pot merge la școală și la grădiniță.\n- Cazare: în centrele de plasament și prin organizațiile umanitare.\n\nProtecția are o durată limitată și este prelungită prin decizie a Guvernului — verificați la IGM sau la telefonul de încredere 0 800 77777.",
            "en": "Moldova grants temporary protection to people fleeing the war in Ukraine. You register with the General Inspectorate for Migration (IGM).\n\n- Document: an identity card of a beneficiary of temporary protection.\n- Work: the right to work under a contract.\n- Health care: emergency and primary care.\n- Education: children may attend school and kindergarten.\n- Housing: in placement centres and through humanitarian organisations.\n\nProtection lasts a limited time and is extended by government decision — check with IGM or the trust line 0 800 77777.",
            "sr-latn": "Moldavija daje privremenu zaštitu ljudima koji beže od rata u Ukrajini. Prijava se podnosi Generalnom inspektoratu za migracije (IGM).\n\n- Dokument: lična karta korisnika privremene zaštite.\n- Rad: pravo na rad na osnovu ugovora.\n- Zdravstvo: hitna i primarna zdravstvena zaštita.\n- Obrazovanje: deca mogu da idu u školu i vrtić.\n- Smeštaj: u prihvatnim centrima i preko humanitarnih organizacija.\n\nZaštita traje ograničeno vreme i produžava se odlukom vlade — proverite u IGM ili na liniji poverenja 0 800 77777.",
        },
    },
    {
        "slug": "rights-poland",
        "country": "PL",
        "sort_order": 13,
        "title": {
            "uk": "Ваші права в Польщі", "ru": "Ваши права в Польше", "ro": "Drepturile dumneavoastră în Polonia",
            "en": "Your rights in Poland", "sr-latn": "Vaša prava u Poljskoj",
        },
        "summary": {
            "uk": "Номер PESEL UKR, робота, медицина, школа.",
            "ru": "Номер PESEL UKR, работа, медицина, школа.",
            "ro": "Numărul PESEL UKR, muncă, asistență medicală, școală.",
            "en": "The PESEL UKR number, work, health care, school.",
            "sr-latn": "Broj PESEL UKR, rad, zdravstvo, škola.",
        },
        "body": {
            "uk": "У Польщі громадяни України, які прибули через війну, отримують тимчасовий захист і номер PESEL зі статусом UKR у гміні (міській раді).\n\n- Робота: можна працювати; роботодавець повідомляє службу зайнятості. Не погоджуйтеся на роботу без договору.\n- Медицина: доступ до державної охорони здоров’я (NFZ) з номером PESEL.\n- Школа: діти мають право і обов’язок навчатися.\n- Допомога: окремі соціальні виплати залежать від роботи та навчання дітей — уточнюйте в гміні.\n\nПравила і строки змінюються: перевіряйте у воєводському управлінні або в пунктах підтримки з вашого плану.",
            "ru": "В Польше граждане Украины, прибывшие из-за войны, получают временную защиту и номер PESEL со статусом UKR в гмине (городском совете).\n\n- Работа: можно работать; работодатель уведомляет службу занятости. Не соглашайтесь на работу без договора.\n- Медицина: доступ к государственному здравоохранению (NFZ) с номером PESEL.\n- Школа: дети имеют право и обязаны учиться.\n- Помощь: отдельные социальные выплаты зависят от работы и обучения детей — уточняйте в гмине.\n\nПравила и сроки меняются: проверяйте в воеводском управлении или в пунктах поддержки из вашего плана.",
            "ro": "În Polonia, cetățenii ucraineni sosiți din cauza războiului primesc protecție temporară și un număr PESEL cu statut UKR la primărie (gmina).\n\n- Muncă: puteți lucra; angajatorul anunță oficiul forțelor de muncă. Nu acceptați muncă fără contract.\n- Asistență medicală: acces la sistemul public de sănătate (NFZ) cu numărul PESEL.\n- Școală: copiii au dreptul și obligația de a învăța.\n- Ajutoare: unele prestații sociale depind de muncă și de școlarizarea copiilor — întrebați la gmina.\n\nRegulile și termenele se schimbă: verificați la oficiul voievodal sau la punctele de sprijin din plan.",
            "en": "In Poland, Ukrainian citizens who came because of the war get temporary protection and a PESEL number with UKR status at the municipality (gmina).\n\n- Work: you may work; the employer notifies the labour office. Do not accept work without a contract.\n- Health care: access to public health care (NFZ) with your PESEL number.\n- School: children have the right and the duty to attend school.\n- Benefits: some social benefits depend on work and on the children's schooling — ask at the gmina.\n\nRules and deadlines change: check at the voivodeship office or at the support points of your plan.",
            "sr-latn": "U Poljskoj državljani Ukrajine koji su došli zbog rata dobijaju privremenu zaštitu i broj PESEL sa statusom UKR u opštini (gmina).\n\n- Rad: možete raditi; poslodavac obaveštava službu zapošljavanja. Ne pristajte na posao bez ugovora.\n- Zdravstvo: pristup javnom zdravstvu (NFZ) sa brojem PESEL.\n- Škola: deca imaju pravo i obavezu da se školuju.\n- Pomoć: neka socijalna davanja zavise od rada i školovanja dece — pitajte u opštini.\n\nPravila i rokovi se menjaju: proverite u vojvodskoj upravi ili na mestima podrške iz vašeg plana.",
        },
    },
    {
        "slug": "rights-serbia",
        "country": "RS",
        "sort_order": 14,
        "title": {
            "uk": "Ваші права в Сербії", "ru": "Ваши права в Сербии", "ro": "Drepturile dumneavoastră în Serbia",
            "en": "Your rights in Serbia", "sr-latn": "Vaša prava u Srbiji",
        },
        "summary": {
            "uk": "Тимчасовий захист у Сербії: перебування, робота, медицина, школа.",
            "ru": "Временная защита в Сербии: пребывание, работа, медицина, школа.",
            "ro": "Protecția temporară în Serbia: ședere, muncă, asistență medicală, școală.",
            "en": "Temporary protection in Serbia: stay, work, health care, school.",
            "sr-latn": "Privremena zaštita u Srbiji: boravak, rad, zdravstvo, škola.",
        },
        "body": {
            "uk": "Сербія надає тимчасовий захист людям, які тікають від війни в Україні; уряд продовжує його щороку. Заяву подають до Комісаріату у справах біженців і міграції або в поліції.\n\n- Перебування: посвідчення особи з тимчасовим захистом.\n- Робота: право на працю з цим посвідченням; вимагайте письмовий договір.\n- Медицина: медична допомога за державним страхуванням.\n- Школа: діти можуть відвідувати школу.\n\nУточнюйте актуальні правила в Комісаріаті або на SOS-лінії +381 11 785 0000.",
            "ru": "Сербия предоставляет временную защиту людям, бегущим от войны в Украине; правительство продлевает её каждый год. Заявление подают в Комиссариат по делам беженцев и миграции или в полицию.\n\n- Пребывание: удостоверение личности с временной защитой.\n- Работа: право на труд с этим удостоверением; требуйте письменный договор.\n- Медицина: медицинская помощь по государственной страховке.\n- Школа: дети могут посещать школу.\n\nУточняйте актуальные правила в Комиссариате или по SOS-линии +381 11 785 0000.",
            "ro": "Serbia acordă protecție temporară persoanelor care fug de războiul din Ucraina; Guvernul o prelungește anual. Cererea se depune la Comisariatul pentru Refugiați și Migrație sau la poliție.\n\n- Ședere: act de identitate cu protecție temporară.\n- Muncă: dreptul de a munci cu acest act; cereți un contract scris.\n- Asistență medicală: prin asigurarea publică de sănătate.\n- Școală: copiii pot merge la școală.\n\nVerificați regulile actuale la Comisariat sau la linia SOS +381 11 785 0000.",
            "en": "Serbia grants temporary protection to people fleeing the war in Ukraine; the government extends it every year. You apply to the Commissariat for Refugees and Migration or to the police.\n\n- Stay: an identity card showing temporary protection.\n- Work: the right to work with this card; ask for a written contract.\n- Health care: care under public health insurance.\n- School: children may attend school.\n\nCheck the current rules with the Commissariat or on the SOS line +381 11 785 0000.",
            "sr-latn": "Srbija daje privremenu zaštitu ljudima koji beže od rata u Ukrajini; vlada je produžava svake godine. Zahtev se podnosi Komesarijatu za izbeglice i migracije ili policiji.\n\n- Boravak: lična karta sa privremenom zaštitom.\n- Rad: pravo na rad sa tom ispravom; tražite pisani ugovor.\n- Zdravstvo: zdravstvena zaštita preko javnog osiguranja.\n- Škola: deca mogu da idu u školu.\n\nProverite aktuelna pravila u Komesarijatu ili na SOS liniji +381 11 785 0000.",
        },
    },
]
# fmt: on
