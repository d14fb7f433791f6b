"""Plan a journey in the bot: from, stops, to, children → the plan as a message, its PDF, its link."""

from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from kompass.directory.models import Hotline
from kompass.journeys.planning import PlanRequest

pytestmark = pytest.mark.django_db

CONVERSATIONS = {
    "uk": {
        "plan": "Спланувати поїздку", "start_q": "Звідки ви вирушаєте?", "from": "Київ", "via": "Кишинів",
        "no_more": "Більше без зупинок", "to_q": "Куди ви прямуєте?", "to": "Ясси", "yes": "Так",
        "title": "Ваш план безпеки", "unknown": "Ми не знаємо місця «Зюзюбрськ»",
    },
    "ru": {
        "plan": "Спланировать поездку", "start_q": "Откуда вы отправляетесь?", "from": "Киев", "via": "Кишинёв",
        "no_more": "Больше без остановок", "to_q": "Куда вы направляетесь?", "to": "Яссы", "yes": "Да",
        "title": "Ваш план безопасности", "unknown": "Мы не знаем места «Зюзюбрськ»",
    },
}  # fmt: skip


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_plan_conversation_sends_the_plan_its_pdf_and_its_link(converse, make_point, language):
    words = CONVERSATIONS[language]
    make_point("Punct de sprijin Chișinău gară", 47.0105, 28.8638, country="MD", city="Chișinău",
               phone="+373 600 00 000")  # fmt: skip
    chat = converse(language)
    chat.say("/start")
    assert words["start_q"] in chat.tap(words["plan"])[-1].text
    calls = chat.say("Зюзюбрськ")
    assert words["unknown"] in unescape(calls[-1].text)  # an unknown place: said, and asked again
    chat.say(words["from"])
    chat.say(words["via"])
    assert words["to_q"] in chat.tap(words["no_more"])[-1].text
    chat.say(words["to"])
    calls = chat.tap(words["yes"])
    messages = [c for c in calls if c.method == "sendMessage"]
    documents = [c for c in calls if c.method == "sendDocument"]
    plan = unescape(messages[0].text)
    assert words["title"] in plan
    assert "112" in plan.split(words["title"])[1][:200]
    for country in ("UA", "MD", "RO"):  # the numbers of every country crossed
        assert Hotline.objects.published().filter(country=country).first().number in plan
    assert "Punct de sprijin Chișinău gară" in plan and "+373 600 00 000" in plan
    # The PDF of the same plan, as a document.
    (document,) = documents
    name, content = document.files["document"]
    assert name == "kompass-safety-plan.pdf" and content.startswith(b"%PDF")
    # The plan's link, in the chat's language, opens the same route.
    (url,) = [b["url"] for b in messages[0].buttons if b.get("url")]
    assert url.startswith(f"https://kompass.example.org/{language}/journeys/plan/?p=")
    request = PlanRequest.from_token(parse_qs(urlsplit(url).query)["p"][0])
    assert [w.country for w in request.waypoints] == ["UA", "MD", "RO"]
    assert request.with_children and request.language == language


def test_a_near_miss_is_offered_as_buttons_and_a_tap_takes_it(converse):
    chat = converse("ru")
    chat.say("/plan")
    calls = chat.say("Chisinaux")
    labels = [b["text"] for b in calls[-1].buttons]
    assert labels[0] == "Кишинёв (MD)"
    calls = chat.tap("Кишинёв (MD)")
    assert "Без остановок" in [b["text"] for b in calls[-1].buttons]  # the start is taken: next, the stops
