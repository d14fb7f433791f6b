"""The labelled multilingual set of job offers: 80 training and 40 held-out offers per language.

    python bench/multilingual_offers.py      # writes bench/data/job_offers_labelled.csv

Half of each part are ordinary ads, written the way the job boards of each country write them
(en: Indeed/Reed; ro: eJobs/BestJobs; uk: work.ua/robota.ua; ru: rabota.md/hh-style ads of
Moldova and Ukraine; sr: Infostud/Poslovi in both scripts). The other half are warning cases whose
signs are taken from the published warnings of anti-trafficking organisations (the `provenance`
column names them per sign). An offer is put together from phrase banks (job, employer, place,
pay, hours, benefits, how to apply, and for warning cases one to three signs) with a fixed seed.

The held-out part uses phrase banks of its own: other wording, word order and spelling for the
same signs (and other jobs, employers and places), so that the figures measured on it say how the
checker does on phrasings it was not built on. Nothing here is real: employers, phones and handles
are invented (phones in reserved fictional ranges).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "job_offers_labelled.csv"
SEED = 11
PER_LANGUAGE = {"train": 80, "heldout": 40}

SOURCES = {
    "documents": "ILO/EC operational indicators cd.documents_confiscated; La Strada Ukraine and IOM 'Think before you go' warnings",
    "document_copies": "La Strada Moldova safe-migration leaflet (do not send passport scans to recruiters)",
    "fees": "ILO Employer Pays Principle; ANITP 'Nu plăti pentru un loc de muncă' campaign; ASTRA warnings",
    "debt_bondage": "ILO indicators cd.debt_bondage; IOM Ukraine counter-trafficking warnings (costs deducted from wages)",
    "exit_penalty": "ILO forced-labour indicators (penalty for leaving); La Strada Ukraine hotline cases",
    "tourist_visa": "IOM and La Strada warnings on travelling on tourist visas for work; ANITP campaigns",
    "scam_compound": "UNODC 2023 report on online scam operations in South-East Asia; IOM warnings to Ukrainian and Moldovan jobseekers",
    "hostess_abroad": "ASTRA and La Strada warnings on hostess/dancer jobs abroad (sexual exploitation)",
    "age_gender": "ANITP and ASTRA warnings on ads targeting young women by age and looks",
    "unrealistic_pay": "IOM/La Strada: pay far above the country's wages as the main bait",
    "messenger_only": "Council of Europe GRETA report on online recruitment (Telegram/Viber-only contacts)",
    "no_contract": "ILO indicators ex.no_social_protection; ANITP warnings on work 'la negru'",
    "no_company": "IOM 'Think before you go': an employer you cannot check",
    "ordinary": "written in the style of the country's job boards (see module docstring)",
}

# -- phrase banks ------------------------------------------------------------------------------
# Each bank: {language: {"train": [...], "heldout": [...]}}. Placeholders: {dest} a destination
# country in the language, {pay} an amount, {handle} a messenger handle.

ORDINARY = {
    "en": {
        "train": [
            "{title} — {employer}, {city}. Full-time, permanent. Salary £{gbp} per year plus overtime. {hours}. {benefit} Apply online with your CV at {site}.",
            "{employer} is hiring a {title} in {city}. £{hourly} per hour, {hours}. {benefit} Employment contract and paid holidays. Send your CV to {email}.",
            "We are looking for an experienced {title} to join our team in {city}. Competitive salary (£{gbp} a year), {benefit} Interviews at our office; apply via Indeed.",
            "{title} needed, {city}. {employer}. Pay: £{hourly}/hour. {hours}. Requirements: right to work in the UK, two years of experience. Apply through our careers page {site}.",
        ],
        "heldout": [
            "Vacancy: {title} ({city}). Employer {employer}. You will be paid £{hourly} an hour on a fixed-term contract. {benefit} To apply, complete the form on {site}.",
            "Join {employer} as a {title}! Based in {city}, {hours}. Starting salary £{gbp} p.a., pension scheme. Please email your CV and cover letter to {email}.",
        ],
    },
    "ro": {
        "train": [
            "{employer} angajează {title} în {city}. Salariu net {ron} lei + bonuri de masă. {hours}. {benefit} Contract de muncă pe perioadă nedeterminată. Aplică pe eJobs.",
            "Căutăm {title} pentru locația din {city}. Oferim: salariu {ron} lei net, {benefit} Program: {hours}. Trimite CV-ul la {email}.",
            "Post vacant: {title}, {city}. Cerințe: experiență minimum 1 an. Oferim contract individual de muncă, salariu {ron} lei net lunar, {benefit} Interviu la sediul {employer}.",
            "{title} — {city}. {employer} oferă salariu motivant ({ron} lei net), tichete de masă, {benefit} Aplică pe BestJobs sau la {email}.",
        ],
        "heldout": [
            "Angajăm {title} cu carte de muncă în {city}. Venit lunar {ron} lei în mână, {hours}. {benefit} Detalii și aplicare pe {site}.",
            "{employer} recrutează: {title}. Locație: {city}. Pachet salarial {ron} lei net plus bonusuri de performanță. CV-urile se trimit la {email}.",
        ],
    },
    "uk": {
        "train": [
            "{employer} шукає: {title}, м. {city}. Зарплата {uah} грн на місяць. {hours}. {benefit} Офіційне працевлаштування. Резюме надсилайте на {email}.",
            "Вакансія: {title} ({city}). Ми пропонуємо: заробітну плату від {uah} грн, {benefit} Графік: {hours}. Відгукуйтеся на work.ua.",
            "Запрошуємо на роботу {title} у {city}. Вимоги: досвід від року. Умови: офіційне оформлення, {uah} грн, {benefit} Співбесіда в офісі {employer}.",
            "{title} потрібен у {employer}, {city}. Оплата {uah} грн/міс, виплати двічі на місяць. {hours}. {benefit} Надсилайте резюме через robota.ua.",
        ],
        "heldout": [
            "Терміново не шукаємо, а ретельно обираємо: {title} до {employer} ({city}). Дохід {uah} грн, трудовий договір, {benefit} Подати заявку можна на сайті {site}.",
            "{employer} відкриває вакансію {title}. Місце роботи — {city}. Ставка {uah} гривень на місяць, {hours}. Чекаємо ваше резюме на {email}.",
        ],
    },
    "ru": {
        "train": [
            "{employer} приглашает на работу: {title}, г. {city}. Заработная плата {mdl} леев. {hours}. {benefit} Официальное трудоустройство. Резюме на {email}.",
            "Требуется {title} в {city}. Мы предлагаем: зарплату от {mdl} лей, {benefit} График: {hours}. Откликайтесь на rabota.md.",
            "Вакансия {title} ({city}). Требования: опыт работы от года. Условия: официальное оформление, {mdl} леев в месяц, {benefit} Собеседование в офисе {employer}.",
            "{employer} ищет сотрудника: {title}, {city}. Оплата {mdl} лей, выплаты два раза в месяц. {hours}. {benefit} Присылайте резюме через сайт {site}.",
        ],
        "heldout": [
            "В компанию {employer} нужен {title}. Город {city}, {hours}. Доход {mdl} леев, трудовой договор, {benefit} Заявку можно оставить на {site}.",
            "Открыта вакансия {title} ({city}). Оклад {mdl} лей плюс премии. {benefit} Резюме присылайте на {email}, ответим в течение недели.",
        ],
    },
    "sr": {
        "train": [
            "{employer} zapošljava: {title}, {city}. Plata {rsd} dinara neto. {hours}. {benefit} Ugovor o radu na neodređeno. Prijave preko Infostuda.",
            "Potreban {title} u {city}. Nudimo: platu od {rsd} dinara, {benefit} Radno vreme: {hours}. CV pošaljite na {email}.",
            "Оглас: {title} ({city}). Услови: искуство од годину дана. Нудимо уговор о раду, плату {rsd} динара, {benefit} Разговор у канцеларији фирме {employer}.",
            "{employer} тражи радника: {title}, {city}. Плата {rsd} динара месечно. {hours}. {benefit} Пријаве на {email}.",
        ],
        "heldout": [
            "Tražimo kolegu/koleginicu za poziciju {title} u firmi {employer}, {city}. Zarada {rsd} din. mesečno, prijava od prvog dana, {benefit} Prijavite se na {site}.",
            "Фирма {employer} из места {city} запошљава: {title}. Зарада {rsd} динара, {hours}. Радни однос уз уговор. Пријаве слати на {email}.",
        ],
    },
}

FILL = {
    "en": {
        "title": [
            "warehouse operative",
            "care assistant",
            "forklift driver",
            "chef de partie",
            "delivery driver",
            "cleaner",
            "customer service adviser",
            "production operative",
            "sales assistant",
            "HGV driver",
        ],
        "employer": [
            "Northgate Logistics Ltd",
            "Meadow Care Homes Ltd",
            "Brightfield Foods Ltd",
            "Harbour Hotels plc",
            "Castleway Retail Ltd",
        ],
        "city": ["Leeds", "Bristol", "Manchester", "Leicester", "Glasgow", "Norwich"],
        "hours": [
            "Monday to Friday, 08:00-16:30",
            "shifts 06-14 and 14-22",
            "4 on 4 off, 12-hour shifts",
            "37.5 hours a week",
        ],
        "benefit": [
            "28 days holiday, free parking.",
            "Paid training and uniform provided.",
            "Employee discount and pension.",
            "Overtime paid at time and a half.",
            "Free accommodation near the site.",
            "No experience needed, full training given.",
            "Start immediately.",
            "Questions? Call 0113 496 0000 or message us on WhatsApp.",
            "Urgent: 10 vacancies.",
        ],
    },
    "ro": {
        "title": [
            "operator producție",
            "lucrător comercial",
            "șofer categoria B",
            "contabil",
            "ospătar",
            "muncitor necalificat",
            "asistent medical",
            "gestionar depozit",
            "bucătar",
            "agent pază",
        ],
        "employer": [
            "Agro Fruct S.R.L.",
            "Dacia Logistic SRL",
            "Carpați Retail S.A.",
            "Mureș Textil S.R.L.",
            "Hotel Bucovina SRL",
        ],
        "city": ["Timișoara", "Cluj-Napoca", "Iași", "Brașov", "Pitești", "Constanța"],
        "hours": [
            "program 8-16, de luni până vineri",
            "ture 07-15 și 15-23",
            "program în două ture",
            "program 9-17",
        ],
        "benefit": [
            "transport asigurat de firmă.",
            "prime de sărbători și al 13-lea salariu.",
            "abonament medical.",
            "decontare transport.",
            "Cazare gratuită asigurată de angajator.",
            "Nu este necesară experiența, oferim training.",
            "Angajare urgentă.",
            "Informații la telefon 0256 000 000 sau pe WhatsApp.",
            "Transport gratuit de la domiciliu.",
        ],
    },
    "uk": {
        "title": [
            "комірник",
            "продавець-консультант",
            "водій категорії C",
            "бухгалтер",
            "кухар",
            "оператор лінії",
            "прибиральниця",
            "менеджер з продажу",
            "офіціант",
            "електрик",
        ],
        "employer": [
            "ТОВ «Агро-Захід»",
            "ТОВ «Нова Логістика»",
            "ПрАТ «Київхліб»",
            "ФОП Коваленко",
            "ТОВ «Смачна Кухня»",
        ],
        "city": ["Львів", "Київ", "Вінниця", "Житомир", "Ужгород", "Полтава"],
        "hours": ["графік 09-18, пн-пт", "зміни 08:00-20:00, 2/2", "графік 5/2", "позмінно 07-15"],
        "benefit": [
            "компенсація проїзду.",
            "оплачувана відпустка 24 дні.",
            "корпоративне навчання.",
            "безкоштовні обіди.",
            "Житло надається безкоштовно.",
            "Без досвіду, навчаємо.",
            "Терміново!",
            "Телефонуйте 067 000 0000 або пишіть у Viber.",
            "Безкоштовний підвіз на роботу.",
        ],
    },
    "ru": {
        "title": [
            "кладовщик",
            "продавец-консультант",
            "водитель категории C",
            "бухгалтер",
            "повар",
            "оператор линии",
            "уборщица",
            "менеджер по продажам",
            "официант",
            "электрик",
        ],
        "employer": [
            "ООО «Молдагро»",
            "SRL «Nord Logistic»",
            "АО «Хлебпром»",
            "ООО «Вкусная кухня»",
            "SRL «Codru Textil»",
        ],
        "city": ["Кишинёв", "Бельцы", "Орхей", "Тирасполь", "Кагул", "Унгены"],
        "hours": ["график 09-18, пн-пт", "смены 08:00-20:00, 2/2", "график 5/2", "посменно 07-15"],
        "benefit": [
            "компенсация проезда.",
            "оплачиваемый отпуск 28 дней.",
            "обучение за счёт компании.",
            "бесплатные обеды.",
            "Жильё предоставляется бесплатно.",
            "Без опыта, обучаем.",
            "Срочно!",
            "Звоните 069 000 000 или пишите в Viber.",
            "Бесплатная доставка на работу.",
        ],
    },
    "sr": {
        "title": [
            "magacioner",
            "prodavac",
            "vozač C kategorije",
            "knjigovođa",
            "kuvar",
            "radnik u proizvodnji",
            "higijeničarka",
            "komercijalista",
            "konobar",
            "električar",
        ],
        "employer": [
            "Voćar d.o.o.",
            "Dunav Logistika d.o.o.",
            "Pekara Zlatno Zrno doo",
            "Hotel Morava d.o.o.",
            "Sremtekstil d.o.o.",
        ],
        "city": ["Novi Sad", "Beograd", "Niš", "Kragujevac", "Subotica", "Čačak"],
        "hours": [
            "radno vreme 07-15",
            "rad u dve smene",
            "od ponedeljka do petka 08-16",
            "smene 06-14 i 14-22",
        ],
        "benefit": [
            "topli obrok i prevoz.",
            "plaćen godišnji odmor.",
            "obuka o trošku firme.",
            "bonusi za rezultate.",
            "Smeštaj besplatan.",
            "Bez iskustva, obuka o trošku firme.",
            "Hitno zapošljavamo.",
            "Pozovite 011 000 0000 ili pišite na Viber.",
            "Бесплатан превоз до посла.",
        ],
    },
}

# Warning signs: per sign, phrasings per language and part.
SIGNS = {
    "documents": {
        "en": {
            "train": [
                "Bring your passport — the coordinator keeps it for the whole season.",
                "On arrival you hand over your passport to the employer for safekeeping.",
                "Your documents are held by the agency until the contract ends.",
            ],
            "heldout": [
                "The boss will look after your ID card while you work there.",
                "Passports stay with the company during the job, it is safer.",
            ],
        },
        "ro": {
            "train": [
                "Pașaportul îl păstrăm noi pe toată durata contractului.",
                "La sosire predați actele coordonatorului.",
                "Buletinul rămâne la firmă până la final.",
            ],
            "heldout": [
                "Documentele le reținem noi cât timp lucrați, ca să nu se piardă.",
                "Pasaportul ramane la angajator pe durata sezonului.",
            ],
        },
        "uk": {
            "train": [
                "Паспорт ми залишимо у себе на час роботи.",
                "По приїзді паспорт треба здати координатору.",
                "Документи зберігаються у роботодавця до кінця контракту.",
            ],
            "heldout": [
                "Закордонний паспорт забираємо на зберігання, так надійніше.",
                "Ваші документи будуть у бригадира, поки працюєте.",
            ],
        },
        "ru": {
            "train": [
                "Паспорт мы оставим у себя на время работы.",
                "По приезду паспорт сдаётся координатору.",
                "Документы хранятся у работодателя до конца контракта.",
            ],
            "heldout": [
                "Загранпаспорт забираем на хранение, так надёжнее.",
                "Ваши документы будут у бригадира, пока работаете.",
            ],
        },
        "sr": {
            "train": [
                "Pasoš ostaje kod poslodavca dok radite.",
                "По доласку предајете пасош координатору.",
                "Dokumente čuvamo kod nas do kraja ugovora.",
            ],
            "heldout": [
                "Пасош задржавамо код нас током сезоне.",
                "Lične dokumente uzimamo na čuvanje dok traje posao.",
            ],
        },
    },
    "fees": {
        "en": {
            "train": [
                "A registration fee of 200 EUR secures your place.",
                "You need to pay a small deposit before the visa is processed.",
                "Placement fee 350 GBP, paid upfront.",
            ],
            "heldout": [
                "To be put on the list send an advance payment of 150 euro.",
                "There is a one-time processing fee for your application (120 EUR).",
            ],
        },
        "ro": {
            "train": [
                "Se percepe o taxă de înregistrare de 500 lei.",
                "Trebuie să achitați un avans de 200 euro pentru viză.",
                "Comisionul agenției se plătește în avans.",
            ],
            "heldout": [
                "Pentru dosar se plateste o taxa de procesare de 100 euro.",
                "Garanție de 300 euro, returnabilă după 3 luni.",
            ],
        },
        "uk": {
            "train": [
                "Потрібна передоплата 200 євро за оформлення.",
                "Вартість послуг агенції — 300 євро, оплата до виїзду.",
                "Реєстраційний внесок 100 доларів.",
            ],
            "heldout": [
                "Оплата за оформлення документів 150 євро наперед.",
                "Завдаток за місце 250 євро, решту потім.",
            ],
        },
        "ru": {
            "train": [
                "Нужна предоплата 200 евро за оформление.",
                "Стоимость услуг агентства 300 евро, оплата до выезда.",
                "Регистрационный взнос 100 долларов.",
            ],
            "heldout": ["Оплата за оформление документов 150 евро вперёд.", "Залог за место 250 евро."],
        },
        "sr": {
            "train": [
                "Potrebno je uplatiti depozit od 150 evra.",
                "Такса за регистрацију је 100 евра.",
                "Naknada za posredovanje 200 evra unapred.",
            ],
            "heldout": ["Уплата унапред од 250 евра за визу.", "Akontacija 100 evra za rezervaciju mesta."],
        },
    },
    "debt_bondage": {
        "en": {
            "train": [
                "Travel and visa costs will be deducted from your first salary.",
                "We pay the ticket, you work off the debt in the first two months.",
                "The cost of the flight is taken out of your wages.",
            ],
            "heldout": [
                "Your first three paychecks go to cover the recruitment costs.",
                "Flights are an advance you repay from your earnings.",
            ],
        },
        "ro": {
            "train": [
                "Costul biletului se reține din primul salariu.",
                "Cheltuielile de drum se scad din prima leafă.",
                "Datoria pentru viză o lucrați în prima lună.",
            ],
            "heldout": [
                "Transportul il recuperam din primele salarii.",
                "Avansul pentru drum se retine din castiguri.",
            ],
        },
        "uk": {
            "train": [
                "Вартість квитка вирахуємо з першої зарплати.",
                "Борг за дорогу відпрацюєте за перший місяць.",
                "Витрати на візу утримуємо із заробітку.",
            ],
            "heldout": [
                "Переїзд оплачуємо, але потім віднімемо з першої виплати.",
                "Аванс на дорогу повернете з першої зп.",
            ],
        },
        "ru": {
            "train": [
                "Стоимость билета вычтем из первой зарплаты.",
                "Долг за дорогу отработаете за первый месяц.",
                "Расходы на визу удерживаем из заработка.",
            ],
            "heldout": [
                "Переезд оплачиваем, потом вычтем из первой выплаты.",
                "Аванс на дорогу вернёте с первой зп.",
            ],
        },
        "sr": {
            "train": [
                "Troškovi puta se odbijaju od prve plate.",
                "Дуг за карту одрадите за први месец.",
                "Vizu plaćamo, pa je skidamo od zarade.",
            ],
            "heldout": [
                "Трошкови визе се одбијају од прве плате.",
                "Put je akontacija koju otplatite iz prvih plata.",
            ],
        },
    },
    "exit_penalty": {
        "en": {
            "train": [
                "If you leave before the end of the contract you pay a 1000 EUR penalty.",
                "Leaving early means you lose all your wages.",
                "Workers cannot leave before the season ends.",
            ],
            "heldout": [
                "Quit early and you must repay the full travel and housing costs.",
                "Should you go home before six months, a fine applies.",
            ],
        },
        "ro": {
            "train": [
                "Dacă plecați înainte de termen plătiți o penalitate de 500 euro.",
                "Nu aveți voie să plecați până la sfârșitul sezonului.",
                "Plecarea mai devreme înseamnă că pierdeți salariul.",
            ],
            "heldout": [
                "In cazul in care renuntati, returnati toate cheltuielile.",
                "Amenda de 300 euro pentru cine pleaca inainte de sfarsitul contractului.",
            ],
        },
        "uk": {
            "train": [
                "Якщо звільнитеся раніше, сплатите штраф 500 євро.",
                "У разі дострокового виїзду зарплату не виплачуємо.",
                "Не можна поїхати до кінця сезону.",
            ],
            "heldout": [
                "Якщо підете раніше строку, повернете всі витрати на дорогу.",
                "Штраф за дострокове розірвання контракту — 1000 євро.",
            ],
        },
        "ru": {
            "train": [
                "Если уволитесь раньше, заплатите штраф 500 евро.",
                "В случае досрочного отъезда зарплата не выплачивается.",
                "Нельзя уехать до конца сезона.",
            ],
            "heldout": [
                "Если уйдёте раньше срока, вернёте все расходы на дорогу.",
                "Штраф за досрочное расторжение контракта 1000 евро.",
            ],
        },
        "sr": {
            "train": [
                "Ako odete pre kraja sezone, plaćate kaznu od 500 evra.",
                "Не можете да одете пре краја уговора.",
                "Ko ode ranije, gubi celu platu.",
            ],
            "heldout": [
                "Ако раскинете уговор раније, враћате трошкове пута.",
                "U slučaju odlaska pre roka kazna je 300 evra.",
            ],
        },
    },
    "tourist_visa": {
        "en": {
            "train": [
                "You travel on a tourist visa, the work permit is sorted on arrival.",
                "No work permit needed, we go with visitor visas.",
                "Papers are arranged once you are there.",
            ],
            "heldout": [
                "Come as a tourist first; the residence permit gets done after you arrive.",
                "Entry on a tourist visa, legalisation on the spot.",
            ],
        },
        "ro": {
            "train": [
                "Plecați cu viză de turist, actele se fac la fața locului.",
                "Fără permis de muncă, mergeți ca turist.",
                "Permisul se rezolvă după sosire.",
            ],
            "heldout": [
                "Intrati cu viza turistica si va facem actele acolo.",
                "Legalizarea o obtinem dupa ce ajungeti.",
            ],
        },
        "uk": {
            "train": [
                "Їдете за туристичною візою, дозвіл оформимо на місці.",
                "Без дозволу на роботу, по туристичній візі.",
                "Документи зробимо після приїзду.",
            ],
            "heldout": [
                "В'їзд по туристичній візі, легалізацію зробимо вже там.",
                "Робочу візу не треба, оформимо все на місці.",
            ],
        },
        "ru": {
            "train": [
                "Едете по туристической визе, разрешение оформим на месте.",
                "Без разрешения на работу, по гостевой визе.",
                "Документы сделаем после приезда.",
            ],
            "heldout": [
                "Въезд по туристической визе, легализацию сделаем уже там.",
                "Рабочая виза не нужна, всё оформим на месте.",
            ],
        },
        "sr": {
            "train": [
                "Putujete sa turističkom vizom, papiri se srede po dolasku.",
                "Без радне дозволе, идете као туристи.",
                "Dozvolu rešavamo kad stignete.",
            ],
            "heldout": [
                "Улазак са туристичком визом, легализација на лицу места.",
                "Radna viza ne treba, sve sredimo tamo.",
            ],
        },
    },
    "scam_compound": {
        "en": {
            "train": [
                "Online operator job in Cambodia, 2500 USD a month, flights paid.",
                "Customer support in Thailand, high salary, English chat only.",
                "Crypto sales agent in Myanmar, big commissions.",
            ],
            "heldout": [
                "Chat operator wanted for an online project in Laos, from $3000.",
                "Call center agent in the Philippines, travel covered, huge bonuses.",
            ],
        },
        "ro": {
            "train": [
                "Operator chat în Thailanda, salariu 2500 dolari.",
                "Suport clienți în Cambodgia, câștiguri foarte mari.",
                "Operator online în Myanmar, bilete plătite.",
            ],
            "heldout": [
                "Job de operator call center in Malaezia, 3000 USD.",
                "Vanzari online in Dubai pentru platforma cripto, comisioane mari.",
            ],
        },
        "uk": {
            "train": [
                "Оператор чату в Камбоджі, 2000$ на місяць.",
                "Онлайн-оператор у Таїланді, висока зарплата.",
                "Служба підтримки клієнтів у М'янмі, квитки оплачуємо.",
            ],
            "heldout": [
                "Менеджер з продажу криптовалюти в Лаосі, дохід від 3000$.",
                "Оператор кол-центру на Філіппінах, переліт за наш рахунок.",
            ],
        },
        "ru": {
            "train": [
                "Оператор чата в Камбодже, 2000$ в месяц.",
                "Онлайн-оператор в Таиланде, высокая зарплата.",
                "Служба поддержки клиентов в Мьянме, билеты оплачиваем.",
            ],
            "heldout": [
                "Менеджер по продажам криптовалюты в Лаосе, доход от 3000$.",
                "Оператор колл-центра на Филиппинах, перелёт за наш счёт.",
            ],
        },
        "sr": {
            "train": [
                "Onlajn operater u Kambodži, plata 2500 dolara.",
                "Оператер у кол центру на Тајланду, висока плата.",
                "Korisnička podrška u Mjanmaru, karte plaćene.",
            ],
            "heldout": [
                "Оператер за чет у Лаосу, од 3000 долара.",
                "Kripto prodaja u Dubaiju, ogromna zarada.",
            ],
        },
    },
    "hostess_abroad": {
        "en": {
            "train": [
                "Hostess work in Dubai, great tips.",
                "Dancers wanted for a night club in Cyprus.",
                "Models needed for work in Istanbul.",
            ],
            "heldout": [
                "VIP hostess for a club in Tel Aviv, accommodation included.",
                "Go-go dancers for Japan, 3 month contract.",
            ],
        },
        "ro": {
            "train": [
                "Căutăm dansatoare pentru club de noapte în Cipru.",
                "Hostese pentru Dubai, bacșișuri mari.",
                "Modele foto pentru Turcia.",
            ],
            "heldout": [
                "Animatoare pentru bar in Grecia, cazare inclusa.",
                "Job de escort in Germania, castig mare.",
            ],
        },
        "uk": {
            "train": [
                "Потрібні танцівниці у нічний клуб в Туреччині.",
                "Робота хостес у Дубаї.",
                "Шукаємо фотомоделей для роботи в Японії.",
            ],
            "heldout": [
                "Компаньйонки для VIP клубу на Кіпрі.",
                "Танцюристки go-go в Ізраїль, житло надаємо.",
            ],
        },
        "ru": {
            "train": [
                "Требуются танцовщицы в ночной клуб в Турции.",
                "Работа хостес в Дубае.",
                "Ищем фотомоделей для работы в Японии.",
            ],
            "heldout": [
                "Компаньонки для VIP клуба на Кипре.",
                "Танцовщицы go-go в Израиль, жильё предоставляем.",
            ],
        },
        "sr": {
            "train": [
                "Potrebne plesačice za noćni klub u Turskoj.",
                "Хостесе за рад у Дубаију.",
                "Manekenke za posao u Grčkoj.",
            ],
            "heldout": [
                "Плесачице за ноћни клуб на Кипру, смештај обезбеђен.",
                "Hostese za VIP klub u Nemačkoj.",
            ],
        },
    },
    "age_gender": {
        "en": {
            "train": [
                "Only girls 18-25 with pleasant appearance.",
                "Looking for young attractive women.",
                "Ladies aged 19 to 28 preferred.",
            ],
            "heldout": ["Slim girls under 30 are welcome.", "Pretty girls 18-24 only, send photos."],
        },
        "ro": {
            "train": [
                "Căutăm fete tinere, aspect plăcut.",
                "Fete între 18 și 25 de ani.",
                "Domnișoare 19-27 ani, fizic plăcut.",
            ],
            "heldout": ["Tinere frumoase pana in 28 de ani.", "Fete 18-26 cu aspect placut, trimiteti poze."],
        },
        "uk": {
            "train": [
                "Запрошуємо дівчат 18-25 років з приємною зовнішністю.",
                "Шукаємо молодих гарних дівчат.",
                "Дівчата від 18 до 27 років.",
            ],
            "heldout": ["Струнких дівчат до 30 років.", "Симпатичні дівчата 19-26, надішліть фото."],
        },
        "ru": {
            "train": [
                "Приглашаем девушек 18-25 лет с приятной внешностью.",
                "Ищем молодых красивых девушек.",
                "Девушки от 18 до 27 лет.",
            ],
            "heldout": ["Стройные девушки до 30 лет.", "Симпатичные девушки 19-26, пришлите фото."],
        },
        "sr": {
            "train": [
                "Tražimo devojke od 18 do 25 godina.",
                "Младе лепе девојке, пријатан изглед.",
                "Devojke 19-27, prijatan izgled.",
            ],
            "heldout": ["Згодне девојке до 28 година.", "Atraktivne devojke 18-24, pošaljite slike."],
        },
    },
    "unrealistic_pay": {
        "en": {
            "train": [
                "Earn 4500 EUR a month picking strawberries.",
                "Easy money: 300 dollars a day.",
                "Cleaning job, 5000 euro per month.",
            ],
            "heldout": [
                "Packing boxes for 25 EUR an hour, net.",
                "Big money fast, 6000 EUR monthly for farm work.",
            ],
        },
        "ro": {
            "train": [
                "Câștig 4000 euro pe lună la cules de fructe.",
                "Bani ușori, 200 euro pe zi.",
                "Salariu 5000 euro lunar la curățenie.",
            ],
            "heldout": [
                "Castiguri foarte mari, 25 euro pe ora la ambalare.",
                "Muncitori necalificați, 6000 euro pe luna.",
            ],
        },
        "uk": {
            "train": [
                "Зарплата 4000 євро на місяць на збиранні полуниці.",
                "Легкі гроші — 300 доларів на день.",
                "Прибирання, 5000 євро щомісяця.",
            ],
            "heldout": [
                "Пакування, 25 євро за годину чистими.",
                "Дуже висока зарплата без досвіду, 6000 євро.",
            ],
        },
        "ru": {
            "train": [
                "Зарплата 4000 евро в месяц на сборе клубники.",
                "Лёгкие деньги — 300 долларов в день.",
                "Уборка, 5000 евро ежемесячно.",
            ],
            "heldout": ["Упаковка, 25 евро в час чистыми.", "Очень высокая зарплата без опыта, 6000 евро."],
        },
        "sr": {
            "train": [
                "Plata 4000 evra mesečno za berbu jagoda.",
                "Лака зарада, 300 долара дневно.",
                "Čišćenje, 5000 evra mesečno.",
            ],
            "heldout": ["Паковање, 25 евра на сат.", "Ogromna zarada bez iskustva, 6000 evra."],
        },
    },
    "messenger_only": {
        "en": {
            "train": [
                "Write only on Telegram {handle}.",
                "Contact us on WhatsApp +44 7700 900{n}.",
                "Details by Viber only.",
            ],
            "heldout": [
                "DM on Telegram {handle} to book your place.",
                "Reach us through WhatsApp, no calls.",
            ],
        },
        "ro": {
            "train": [
                "Scrieți-ne pe WhatsApp +40 700 000 {n}.",
                "Contact doar pe Telegram {handle}.",
                "Detalii pe Viber.",
            ],
            "heldout": ["Mesaj pe Telegram {handle}, nu sunati.", "Doar prin WhatsApp."],
        },
        "uk": {
            "train": ["Пишіть у Telegram {handle}.", "Деталі тільки у Viber.", "Пишіть у вотсап."],
            "heldout": [
                "Зв'язок лише через телеграм {handle}.",
                "Напишіть нам у вайбер, дзвінки не приймаємо.",
            ],
        },
        "ru": {
            "train": ["Пишите в Telegram {handle}.", "Подробности только в Viber.", "Пишите в вотсап."],
            "heldout": [
                "Связь только через телеграм {handle}.",
                "Напишите нам в вайбер, звонки не принимаем.",
            ],
        },
        "sr": {
            "train": [
                "Javite se samo na Viber.",
                "Пишите на Телеграм {handle}.",
                "Kontakt preko WhatsApp-a.",
            ],
            "heldout": ["Поруке само на Вајбер.", "Pišite nam na Telegram {handle}."],
        },
    },
    "no_contract": {
        "en": {
            "train": [
                "Cash in hand, no paperwork.",
                "No contract needed, paid weekly in cash.",
                "Work off the books.",
            ],
            "heldout": ["Unofficial work, cash daily.", "Without a contract, you get paid in cash."],
        },
        "ro": {
            "train": ["Lucru la negru, plata zilnic.", "Fără contract, plata cash.", "Fără forme legale."],
            "heldout": ["Munca neoficiala, banii in mana.", "Contractul nu este necesar."],
        },
        "uk": {
            "train": [
                "Робота без офіційного оформлення.",
                "Без договору, оплата готівкою.",
                "Неофіційно, зарплата щотижня.",
            ],
            "heldout": ["Зарплата в конверті, без оформлення.", "Договір не потрібен."],
        },
        "ru": {
            "train": [
                "Работа без оформления.",
                "Без договора, оплата наличными.",
                "Неофициально, зарплата каждую неделю.",
            ],
            "heldout": ["Зарплата в конверте, без оформления.", "Договор не нужен."],
        },
        "sr": {
            "train": ["Rad na crno, isplata svaki dan.", "Без уговора, плаћање у кешу.", "Neprijavljen rad."],
            "heldout": ["Рад без пријаве.", "Ugovor nije potreban."],
        },
    },
}

# Where the warning-case job is (in the language), and a job title to open the ad.
DEST = {
    "en": ["in Germany", "in Poland", "in the UK", "in Spain", "in the Netherlands", "in Italy"],
    "ro": ["în Germania", "în Polonia", "în Anglia", "în Spania", "în Olanda", "în Italia"],
    "uk": ["в Польщі", "в Німеччині", "в Чехії", "в Іспанії", "в Нідерландах", "в Італії"],
    "ru": ["в Польше", "в Германии", "в Чехии", "в Испании", "в Нидерландах", "в Италии"],
    "sr": ["u Nemačkoj", "u Poljskoj", "у Немачкој", "u Austriji", "у Чешкој", "u Holandiji"],
}
OPENERS = {
    "en": ["Work {dest}: {job}.", "{job} needed {dest}!", "Jobs {dest} for {job}s."],
    "ro": ["Muncă {dest}: {job}.", "Căutăm {job} {dest}!", "Locuri de muncă {dest} pentru {job}."],
    "uk": ["Робота {dest}: {job}.", "Потрібні {job} {dest}!", "Вакансія {dest} — {job}."],
    "ru": ["Работа {dest}: {job}.", "Требуются {job} {dest}!", "Вакансия {dest} — {job}."],
    "sr": ["Posao {dest}: {job}.", "Potrebni {job} {dest}!", "Посао {dest} — {job}."],
}
JOBS = {
    "en": ["fruit picker", "warehouse worker", "cleaner", "factory worker", "care worker"],
    "ro": ["culegători", "lucrători depozit", "muncitori fabrică", "îngrijitoare", "personal curățenie"],
    "uk": ["збирачі ягід", "працівники складу", "прибиральниці", "працівники на завод", "доглядальниці"],
    "ru": ["сборщики ягод", "работники склада", "уборщицы", "рабочие на завод", "сиделки"],
    "sr": ["berači voća", "magacioneri", "radnici u fabrici", "higijeničarke", "negovateljice"],
}


SHORT = {
    "en": "{title}, {city}. {benefit} Call 0113 496 0{n} or apply at {site}.",
    "ro": "{title}, {city}. {benefit} Telefon 0256 000 {n}, CV la {email}.",
    "uk": "{title}, {city}. {benefit} Тел. 067 000 0{n}, резюме на {email}.",
    "ru": "{title}, {city}. {benefit} Тел. 069 000 {n}, резюме на {email}.",
    "sr": "{title}, {city}. {benefit} Tel. 011 000 0{n}, CV na {email}.",
}


def _ordinary(rng: random.Random, language: str, part: str) -> str:
    fill = FILL[language]
    # One ordinary ad in four is a short one, as on classified boards.
    template = SHORT[language] if rng.random() < 0.25 else rng.choice(ORDINARY[language][part])
    employer = rng.choice(fill["employer"])
    slug = "".join(ch for ch in employer.lower() if ch.isascii() and ch.isalnum())[:12] or "firma"
    return template.format(
        title=rng.choice(fill["title"]),
        employer=employer,
        city=rng.choice(fill["city"]),
        hours=rng.choice(fill["hours"]),
        benefit=rng.choice(fill["benefit"]),
        gbp=f"{rng.randrange(22, 38)},{rng.choice(['000', '500'])}",
        hourly=f"{rng.randrange(11, 16)}.{rng.choice(['00', '50', '90'])}",
        ron=f"{rng.randrange(30, 70)}00",
        uah=f"{rng.randrange(14, 32)} 000",
        mdl=f"{rng.randrange(8, 18)} 000",
        rsd=f"{rng.randrange(70, 140)}.000",
        n=rng.randrange(100, 999),
        site=f"www.{slug}.example",
        email=f"hr@{slug}.example",
    )


def _warning(rng: random.Random, language: str, part: str) -> tuple[str, list[str]]:
    signs = rng.sample(sorted(SIGNS), rng.choice([1, 1, 2, 2, 3]))
    opener = rng.choice(OPENERS[language]).format(
        dest=rng.choice(DEST[language]), job=rng.choice(JOBS[language])
    )
    sentences = [
        rng.choice(SIGNS[sign][language][part]).format(
            handle=f"@jobs_{rng.randrange(100, 999)}", n=rng.randrange(100, 999)
        )
        for sign in signs
    ]
    rng.shuffle(sentences)
    # Traps copy the look of ordinary ads: most carry some of the usual lines (hours, benefits).
    fill = FILL[language]
    body = rng.sample(
        [
            rng.choice(fill["hours"]).capitalize() + ".",
            rng.choice(fill["benefit"]),
            rng.choice(fill["benefit"]),
        ],
        rng.choice([0, 1, 2, 3]),
    )
    middle = body + sentences
    rng.shuffle(middle)
    return " ".join([opener, *middle]), signs


def generate() -> list[dict]:
    rows = []
    for part, per_language in PER_LANGUAGE.items():
        rng = random.Random(f"{SEED}-{part}")
        for language in ORDINARY:
            for index in range(per_language):
                if index % 2:
                    text, signs = _warning(rng, language, part)
                    label, provenance = 1, " | ".join(SOURCES[s] for s in signs)
                else:
                    text, signs = _ordinary(rng, language, part), []
                    label, provenance = 0, SOURCES["ordinary"]
                rows.append(
                    {
                        "id": f"{part[0]}-{language}-{index:03d}",
                        "language": language,
                        "split": part,
                        "label": label,
                        "signs": ";".join(signs),
                        "provenance": provenance,
                        "text": text,
                    }
                )
    return rows


def main() -> None:
    rows = generate()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} offers to {OUT}")


if __name__ == "__main__":
    main()
