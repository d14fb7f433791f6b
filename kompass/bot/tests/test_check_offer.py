"""Check a job offer in the bot: the web checker's verdict and reasons, nothing stored."""

import re
from html import unescape

import pytest

from kompass.audit.models import AuditEvent
from kompass.bot import memory
from kompass.recruitment.models import ReportedAd

pytestmark = pytest.mark.django_db

OFFERS = {
    "uk": "Терміново! Робота в Польщі на складі, 3000 євро на місяць, без досвіду і без знання мови. Житло "
    "безкоштовне. Паспорт віддаєте координатору для оформлення. Квиток оплатимо, потім відпрацюєте. "
    "Пишіть тільки в Telegram.",
    "ru": "Срочно! Работа в Германии на складе, 3500 евро в месяц, без опыта и знания языка. Жильё бесплатно. "
    "Паспорт отдаёте координатору для оформления. Билет оплатим, потом отработаете. Пишите только в Telegram.",
}
LABELS = {"uk": ("Перевірте пропозицію роботи", "Чому"), "ru": ("Проверьте предложение работы", "Почему")}
OTHER_LANGUAGES = {
    "en": "Urgent! Warehouse work in Germany, 3500 euro per month, no experience and no language needed. Free "
    "housing. You give your passport to the coordinator for the paperwork. We pay the ticket, you work it off "
    "later. Write only on Telegram.",
    "ro": "Urgent! Muncă în depozit în Germania, 3500 euro pe lună, fără experiență și fără limbă. Cazare gratuită. "
    "Pașaportul îl dați coordonatorului pentru acte. Plătim biletul, apoi îl lucrați. Scrieți doar pe Telegram.",
    "sr-latn": "Hitno! Posao u magacinu u Nemačkoj, 3500 evra mesečno, bez iskustva i bez jezika. Besplatan smeštaj. "
    "Pasoš dajete koordinatoru za papire. Kartu plaćamo, posle je odradite. Pišite samo na Telegramu.",
}


def _web_reasons(client, language: str, text: str) -> tuple[str, list[str]]:
    page = client.post(f"/{language}/recruitment/", {"text": text}).content.decode()
    heading = re.search(r'<h2 id="result-title">\s*(.*?)\s*</h2>', page, re.S).group(1)
    reasons = re.findall(r'<li class="reason"[^>]*>\s*<p>(.*?)</p>', page, re.S)
    return unescape(heading.strip()), [unescape(r.strip()) for r in reasons]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_check_conversation_gives_the_web_checkers_verdict_and_reasons(client, converse, language):
    chat = converse(language)
    chat.say("/start")
    calls = chat.tap(LABELS[language][0])
    assert "не " in calls[-1].text  # "…не зберігають" / "…не сохраняют": the person is told it is not kept
    calls = chat.say(OFFERS[language])
    answer = unescape(calls[-1].text)
    heading, reasons = _web_reasons(client, language, OFFERS[language])
    assert reasons, "the offer has warning signs on the web"
    assert heading in answer
    assert LABELS[language][1] in answer
    for reason in reasons:
        assert reason in answer
    assert ReportedAd.objects.count() == 0


@pytest.mark.parametrize("language", ["en", "ro", "sr-latn"])
def test_the_other_languages_get_the_web_checkers_verdict_and_reasons(client, converse, language):
    chat = converse(language.split("-")[0])  # a Serbian phone says "sr"
    chat.say("/check")
    answer = unescape(chat.say(OTHER_LANGUAGES[language])[-1].text)
    heading, reasons = _web_reasons(client, language, OTHER_LANGUAGES[language])
    assert reasons and heading in answer
    for reason in reasons:
        assert reason in answer


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_forwarded_offer_is_checked_at_once_and_nothing_is_kept(client, converse, language):
    chat = converse(language, chat_id=4242)
    events = AuditEvent.objects.count()
    calls = chat.say(OFFERS[language], forwarded=True)
    assert [c.method for c in calls] == ["sendMessage"]
    assert "Telegram" in unescape(calls[0].text)  # a messenger as the contact is itself a sign
    assert ReportedAd.objects.count() == 0
    assert AuditEvent.objects.count() == events
    assert OFFERS[language][:30] not in repr(memory.recall(4242))


def test_after_a_check_text_is_no_longer_taken_for_an_offer(converse):
    chat = converse("uk")
    chat.say("/check")
    chat.say(OFFERS["uk"])
    calls = chat.say("Дякую")
    assert "Що вам потрібно?" in calls[0].text  # the menu, not a second check


def test_neither_the_offer_nor_the_token_reaches_the_logs_even_at_debug_level(converse, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    chat = converse("uk")
    chat.say("/check")
    chat.say(OFFERS["uk"])
    assert caplog.records  # something was logged at debug level…
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    assert OFFERS["uk"][:25] not in logged  # …but not what the person wrote
    assert "TEST-token" not in logged
