"""Every cue on a positive and a negative example in every language (Serbian in both scripts).

A positive example must fire the cue and its evidence must be the exact words named here, taken
from the offer; a negative example, on the same topic but harmless, must not fire it.
"""

import pytest

from kompass.recruitment.cues import CUE_CODES, cue_score, find_cues, fold

# (cue, language, text, expected evidence substring or None for a negative example)
CASES = [
    # unrealistic_pay
    ("unrealistic_pay", "en", "Cleaners wanted, 4000 EUR per month, easy work.", "4000 EUR per month"),
    ("unrealistic_pay", "en", "Cleaner, part time, pay per collective agreement, 12 EUR per hour.", None),
    ("unrealistic_pay", "uk", "Прибирання, зарплата 3500 євро на місяць.", "3500 євро на місяць"),
    ("unrealistic_pay", "uk", "Прибиральниця, оплата 90 гривень за годину, офіційно.", None),
    ("unrealistic_pay", "ru", "Упаковщики, легкие деньги каждый день!", "легкие деньги"),
    ("unrealistic_pay", "ru", "Упаковщик на склад, оплата по договору, 70 рублей в час.", None),
    ("unrealistic_pay", "ro", "Culegători de căpșuni, câștig rapid, 3000 euro pe lună.", "3000 euro pe lună"),
    ("unrealistic_pay", "ro", "Culegători de căpșuni, salariul minim pe economie, contract.", None),
    ("unrealistic_pay", "sr", "Berba voća, laka zarada za sve.", "laka zarada"),
    ("unrealistic_pay", "sr", "Berba voća, plata po učinku, prijava od prvog dana.", None),
    ("unrealistic_pay", "sr", "Берба воћа, лака зарада за све.", "лака зарада"),
    ("unrealistic_pay", "sr", "Берба воћа, плата по учинку, пријава од првог дана.", None),
    # no_experience
    ("no_experience", "en", "Warehouse work in Germany, no experience needed.", "no experience needed"),
    ("no_experience", "en", "Warehouse lead, at least three years of experience required.", None),
    ("no_experience", "uk", "Робота на складі в Польщі, без досвіду.", "без досвіду"),
    ("no_experience", "uk", "Комірник, досвід роботи від двох років.", None),
    ("no_experience", "ru", "Работа на складе, знание языка не требуется.", "знание языка не требуется"),
    ("no_experience", "ru", "Кладовщик, опыт работы от двух лет, английский язык.", None),
    ("no_experience", "ro", "Muncă în depozit, fără experiență.", "fără experiență"),
    ("no_experience", "ro", "Gestionar, minimum doi ani de experiență în logistică.", None),
    ("no_experience", "sr", "Rad u magacinu, bez znanja jezika.", "bez znanja jezika"),
    ("no_experience", "sr", "Magacioner, potrebno iskustvo od dve godine.", None),
    ("no_experience", "sr", "Рад у магацину, без искуства.", "без искуства"),
    ("no_experience", "sr", "Магационер, потребно искуство од две године.", None),
    # all_paid
    ("all_paid", "en", "Farm work in Spain. Free accommodation and flights!", "Free accommodation"),
    ("all_paid", "en", "Farm work in Spain. Accommodation can be arranged at market rent.", None),
    ("all_paid", "uk", "Робота в Чехії, житло безкоштовне, квитки оплачуємо.", "житло безкоштовне"),
    ("all_paid", "uk", "Робота в Чехії, житло шукаєте самостійно.", None),
    ("all_paid", "ru", "Работа в Израиле, бесплатное жилье, виза за счет фирмы.", "бесплатное жилье"),
    ("all_paid", "ru", "Работа в Израиле, жилье снимаете сами.", None),
    ("all_paid", "ro", "Muncă în Italia, cazare gratuită și transport asigurat.", "cazare gratuită"),
    ("all_paid", "ro", "Muncă în Italia, cazarea se plătește din salariu.", None),
    ("all_paid", "sr", "Posao u Nemačkoj, smeštaj besplatan, sve je plaćeno.", "smeštaj besplatan"),
    ("all_paid", "sr", "Posao u Nemačkoj, smeštaj plaćate sami.", None),
    ("all_paid", "sr", "Посао у Немачкој, смештај бесплатан.", "смештај бесплатан"),
    ("all_paid", "sr", "Посао у Немачкој, смештај плаћате сами.", None),
    # fees
    ("fees", "en", "To secure your place pay a registration fee of 150 EUR.", "registration fee"),
    ("fees", "en", "There is no cost to applicants at any stage.", None),
    ("fees", "uk", "Потрібна передоплата 200 євро за оформлення.", "передоплата"),
    ("fees", "uk", "Оформлення за рахунок роботодавця, ви нічого не платите.", None),
    ("fees", "ru", "Регистрационный взнос 100 долларов.", "взнос"),
    ("fees", "ru", "Оформление за счет работодателя, вы ничего не платите.", None),
    ("fees", "ro", "Se percepe o taxă de înregistrare de 300 lei.", "taxă de înregistrare"),
    ("fees", "ro", "Recrutarea este gratuită pentru candidați.", None),
    ("fees", "sr", "Potrebna je uplata unapred od 100 evra.", "uplata unapred"),
    ("fees", "sr", "Kandidati ne plaćaju ništa za posredovanje.", None),
    ("fees", "sr", "Потребна је уплата унапред од 100 евра.", "уплата унапред"),
    ("fees", "sr", "Кандидати не плаћају ништа за посредовање.", None),
    # documents
    ("documents", "en", "Please send us a copy of your passport today.", "send us a copy of your passport"),
    ("documents", "en", "Bring your CV to the interview at our office.", None),
    ("documents", "uk", "Надішліть фото паспорта у повідомленні.", "Надішліть фото паспорта"),
    ("documents", "uk", "Надішліть резюме на пошту відділу кадрів.", None),
    ("documents", "ru", "Отправьте скан паспорта менеджеру.", "Отправьте скан паспорта"),
    ("documents", "ru", "Отправьте резюме на почту отдела кадров.", None),
    ("documents", "ro", "Trimiteți o copie după pașaport pe mail.", "Trimiteți o copie după pașaport"),
    ("documents", "ro", "Trimiteți CV-ul la departamentul de resurse umane.", None),
    ("documents", "sr", "Pošaljite sliku pasoša na mejl.", "Pošaljite sliku pasoša"),
    ("documents", "sr", "Pošaljite CV na mejl kadrovske službe.", None),
    ("documents", "sr", "Пошаљите копију пасоша на мејл.", "Пошаљите копију пасоша"),
    ("documents", "sr", "Пошаљите CV на мејл кадровске службе.", None),
    # messenger_only
    ("messenger_only", "en", "Interested? Write only on Telegram @bestjobs.", "Write only on Telegram"),
    ("messenger_only", "en", "Apply through our careers page; we use Telegram internally.", None),
    ("messenger_only", "uk", "Деталі — пишіть у вайбер.", "пишіть у вайбер"),
    ("messenger_only", "uk", "Подайте заявку на сайті компанії або зателефонуйте до офісу.", None),
    ("messenger_only", "ru", "Звоните только в WhatsApp.", "Звоните только в WhatsApp"),
    ("messenger_only", "ru", "Подайте заявку на сайте компании или позвоните в офис.", None),
    ("messenger_only", "ro", "Detalii: scrieți pe WhatsApp.", "scrieți pe WhatsApp"),
    ("messenger_only", "ro", "Aplicați pe site-ul companiei sau sunați la birou.", None),
    ("messenger_only", "sr", "Javite se na Viber za detalje.", "Javite se na Viber"),
    ("messenger_only", "sr", "Prijave preko sajta kompanije ili telefonom u kancelariju.", None),
    ("messenger_only", "sr", "Јавите се на вајбер за детаље.", "Јавите се на вајбер"),
    ("messenger_only", "sr", "Пријаве преко сајта компаније или телефоном у канцеларију.", None),
    # no_company
    (
        "no_company",
        "en",
        "Company name will be disclosed at interview.",
        "Company name will be disclosed at interview",
    ),
    ("no_company", "en", "Acme Logistics Ltd, registered in Dublin, see our website.", None),
    ("no_company", "uk", "Подробиці в особисті повідомлення.", "Подробиці в особисті"),
    ("no_company", "uk", "ТОВ «Агросвіт», код ЄДРПОУ на нашому сайті.", None),
    ("no_company", "ru", "Подробности в личку.", "Подробности в личку"),
    ("no_company", "ru", "ООО «Агросвет», реквизиты на нашем сайте.", None),
    ("no_company", "ro", "Detalii în privat.", "Detalii în privat"),
    ("no_company", "ro", "SC Agro SRL, CUI afișat pe site-ul nostru.", None),
    ("no_company", "sr", "Detalji u inbox.", "Detalji u inbox"),
    ("no_company", "sr", "Agro d.o.o., PIB na našem sajtu.", None),
    ("no_company", "sr", "Детаљи у инбокс.", "Детаљи у инбокс"),
    ("no_company", "sr", "Агро д.о.о., ПИБ на нашем сајту.", None),
    # urgency
    ("urgency", "en", "Urgent! Leaving tomorrow, limited places.", "Urgent"),
    ("urgency", "en", "Applications close on 30 June; interviews in July.", None),
    ("urgency", "uk", "Терміново! Виїзд завтра.", "Терміново"),
    ("urgency", "uk", "Прийом заявок до 30 червня, співбесіди в липні.", None),
    ("urgency", "ru", "Срочно! Выезд завтра.", "Срочно"),
    ("urgency", "ru", "Прием заявок до 30 июня, собеседования в июле.", None),
    ("urgency", "ro", "Locuri limitate, plecare mâine!", "Locuri limitate"),
    ("urgency", "ro", "Aplicațiile se închid pe 30 iunie; interviuri în iulie.", None),
    ("urgency", "sr", "Hitno! Polazak sutra.", "Hitno"),
    ("urgency", "sr", "Prijave do 30. juna, razgovori u julu.", None),
    ("urgency", "sr", "Хитно! Полазак сутра.", "Хитно"),
    ("urgency", "sr", "Пријаве до 30. јуна, разговори у јулу.", None),
    # age_gender
    ("age_gender", "en", "We are looking for girls 18-25 with pleasant appearance.", "girls 18-25"),
    ("age_gender", "en", "We welcome applicants of any age and gender.", None),
    ("age_gender", "uk", "Шукаємо дівчат 18-25 років.", "дівчат 18-25"),
    ("age_gender", "uk", "Запрошуємо кандидатів будь-якого віку та статі.", None),
    ("age_gender", "ru", "Требуются девушки от 18 до 25 лет, приятная внешность.", "девушки от 18"),
    ("age_gender", "ru", "Приглашаем кандидатов любого возраста и пола.", None),
    ("age_gender", "ro", "Căutăm fete 18-25 de ani.", "fete 18-25"),
    ("age_gender", "ro", "Așteptăm candidați de orice vârstă și gen.", None),
    ("age_gender", "sr", "Tražimo mlade devojke za rad.", "mlade devojke"),
    ("age_gender", "sr", "Pozivamo kandidate bez obzira na godine i pol.", None),
    ("age_gender", "sr", "Тражимо девојке 18-25 година.", "девојке 18-25"),
    ("age_gender", "sr", "Позивамо кандидате без обзира на године и пол.", None),
    # hostess_abroad (needs the job AND a place abroad)
    ("hostess_abroad", "en", "Hostess work in Dubai, great tips.", "Hostess"),
    ("hostess_abroad", "en", "Hostess at our restaurant in the city centre.", None),
    ("hostess_abroad", "uk", "Робота танцівницею за кордоном.", "танцівницею"),
    ("hostess_abroad", "uk", "Танцівниця в ансамбль міського будинку культури.", None),
    ("hostess_abroad", "ru", "Работа моделью в Японии.", "Работа моделью"),
    ("hostess_abroad", "ru", "Танцовщица в ансамбль городского дома культуры.", None),
    ("hostess_abroad", "ro", "Căutăm dansatoare în străinătate.", "dansatoare"),
    ("hostess_abroad", "ro", "Dansatoare pentru ansamblul folcloric al orașului.", None),
    ("hostess_abroad", "sr", "Posao za plesačice u inostranstvu.", "plesačice"),
    ("hostess_abroad", "sr", "Plesačice za folklorni ansambl grada.", None),
    ("hostess_abroad", "sr", "Посао хостесе у Турској.", "хостесе"),
    ("hostess_abroad", "sr", "Хостесе за градски сајам у Новом Саду.", None),
    # no_contract
    ("no_contract", "en", "Work without a contract, cash in hand.", "without a contract"),
    ("no_contract", "en", "Permanent employment contract from day one.", None),
    ("no_contract", "uk", "Робота неофіційна, без договору.", "без договору"),
    ("no_contract", "uk", "Офіційне працевлаштування, трудовий договір з першого дня.", None),
    ("no_contract", "ru", "Работа без оформления.", "без оформления"),
    ("no_contract", "ru", "Официальное трудоустройство, трудовой договор с первого дня.", None),
    ("no_contract", "ro", "Lucru la negru, plata zilnic.", "la negru"),
    ("no_contract", "ro", "Contract de muncă pe perioadă nedeterminată.", None),
    ("no_contract", "sr", "Rad bez ugovora.", "bez ugovora"),
    ("no_contract", "sr", "Ugovor o radu na neodređeno.", None),
    ("no_contract", "sr", "Рад на црно, исплата дневно.", "на црно"),
    ("no_contract", "sr", "Уговор о раду на неодређено.", None),
]


def _ids():
    return [f"{c}-{lang}-{'pos' if ev else 'neg'}-{i}" for i, (c, lang, _t, ev) in enumerate(CASES)]


@pytest.mark.parametrize(("code", "language", "text", "evidence"), CASES, ids=_ids())
def test_cue_on_positive_and_negative_example(code, language, text, evidence):
    hits = {hit.code: hit for hit in find_cues(text)}
    if evidence is None:
        assert code not in hits, f"{code} fired on a harmless {language} offer: {hits[code].evidence_texts}"
        return
    assert code in hits, f"{code} missed in {language}: {text!r}"
    hit = hits[code]
    assert any(evidence.lower() in e.text.lower() or e.text.lower() in evidence.lower() for e in hit.evidence)
    for item in hit.evidence:
        # Evidence is always the exact words of the offer, at the offsets given.
        assert item.text and item.text in text
        assert text[item.start : item.end].strip() == item.text


def test_every_cue_has_examples_in_every_language():
    covered = {(code, language, ev is not None) for code, language, _t, ev in CASES}
    for code in CUE_CODES:
        for language in ("en", "uk", "ru", "ro", "sr"):
            assert (code, language, True) in covered
            assert (code, language, False) in covered


def test_serbian_examples_cover_both_scripts():
    for code in CUE_CODES:
        serbian = [t for c, lang, t, _e in CASES if c == code and lang == "sr"]
        assert any(any("а" <= ch <= "я" or ch in "ђјљњћџ" for ch in t.lower()) for t in serbian), code
        assert any(t.isascii() or any(ch in "čćžšđ" for ch in t.lower()) for t in serbian), code


def test_hostess_abroad_shows_both_the_job_and_the_place():
    (hit,) = [h for h in find_cues("Hostess work in Dubai, great tips.") if h.code == "hostess_abroad"]
    assert [e.text for e in hit.evidence] == ["Hostess", "in Dubai"]


def test_contact_channel_field_is_evidence_of_messenger_only():
    (hit,) = find_cues("Warehouse work.", contact_channel="telegram")
    assert hit.code == "messenger_only"
    assert hit.evidence_texts == ["Telegram"]


def test_score_combines_cues_and_is_zero_without_them():
    assert cue_score(find_cues("Accountant, permanent contract, office in Chișinău.")) == 0
    many = find_cues("Girls 18-25, hostess in Dubai, pay a registration fee, send a copy of your passport.")
    assert cue_score(many) > 0.9


def test_fold_keeps_regex_escapes():
    assert fold(r"Ș\W\S") == r"s\W\S"


def test_empty_text_has_no_cues():
    assert find_cues("") == []


def test_cue_vector_agrees_with_find_cues():
    from kompass.recruitment.cues import cue_vector

    texts = [text for _c, _l, text, _e in CASES]
    texts += [
        "Hostess work in Dubai",
        "Hostess at the city fair",
        "   ",
        "Girls 18-25 wanted, pay a registration fee",
    ]
    for text in texts:
        found = {hit.code for hit in find_cues(text)}
        assert cue_vector(text) == [int(code in found) for code in CUE_CODES], text
