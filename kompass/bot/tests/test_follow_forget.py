"""Follow my journey in the bot (opt-in check-ins, a missed one alerting the organisation as on the
web, "I arrived") and /forget leaving nothing about the chat in the database."""

from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.core import mail
from django.core.management import call_command

from kompass.bot import memory
from kompass.bot.models import FollowedChat
from kompass.directory.models import Entry
from kompass.journeys.models import Journey, Leg, OnDuty
from kompass.organisations.models import Membership

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Europe/Bucharest")
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
CHAT_ID = 8123456789
USERNAME = "olena_tg_test"

WORDS = {
    "uk": {
        "from": "Київ", "via": "Кишинів", "to": "Ясси", "no_more": "Більше без зупинок", "no": "Ні",
        "follow": "Супроводжувати мою поїздку", "agree": "Я погоджуюся", "plus4": "+4 год", "plus6": "+6 год",
        "arrive_q": "Коли ви очікуєте прибути до Кишинів?", "prompt": "Ви прибули до Кишинів?",
        "checkin": "Я прибув(-ла): Кишинів", "received": "Дякуємо, вашу відмітку отримано.",
        "prompt2": "Ви прибули до Ясси?", "end": "Я прибув(ла): завершити поїздку",
        "finished": "Вашу поїздку завершено.", "forgotten": "Усе про цей чат видалено",
    },
    "ru": {
        "from": "Киев", "via": "Кишинёв", "to": "Яссы", "no_more": "Больше без остановок", "no": "Нет",
        "follow": "Следите за моей поездкой", "agree": "Я согласен(на)", "plus4": "+4 ч", "plus6": "+6 ч",
        "arrive_q": "Когда вы ожидаете прибыть в Кишинёв?", "prompt": "Вы прибыли в Кишинёв?",
        "checkin": "Я прибыл(а): Кишинёв", "received": "Спасибо, ваша отметка получена.",
        "prompt2": "Вы прибыли в Яссы?", "end": "Я прибыл(а): завершить поездку",
        "finished": "Ваша поездка завершена.", "forgotten": "Всё об этом чате удалено",
    },
}  # fmt: skip


@pytest.fixture
def following_org(org_a, persona):
    """An organisation of the directory whose worker is on duty for followed journeys."""
    Entry.objects.create(
        organisation=org_a, name="Fictional office", kind="office", country="RO", status="published"
    )
    worker = persona("caseworker_a")
    OnDuty.objects.create(membership=Membership.objects.get(user=worker))
    return org_a


def _plan_and_follow(chat, words, organisation):
    chat.say("/plan")
    chat.say(words["from"])
    chat.say(words["via"])
    chat.tap(words["no_more"])
    chat.say(words["to"])
    chat.tap(words["no"])
    consent = unescape(chat.tap(words["follow"])[-1].text)
    assert "/forget" in consent and "7" in consent  # what is kept, for how long, how to delete it
    assert organisation.name in [b["text"] for b in chat.tap(words["agree"])[-1].buttons]
    assert words["arrive_q"] in chat.tap(organisation.name)[-1].text
    chat.tap(words["plus4"])
    return chat.tap(words["plus6"])


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_follow_conversation_with_check_in_missed_check_in_and_arrival(converse, botapi, following_org, client, login, language):  # fmt: skip
    words = WORDS[language]
    chat = converse(language, chat_id=CHAT_ID, username=USERNAME)
    with time_machine.travel(T0, tick=False):
        calls = _plan_and_follow(chat, words, following_org)
    assert following_org.name in unescape(calls[-1].text)
    journey = Journey.objects.get()
    assert (journey.organisation, journey.contact_channel, journey.contact_value, journey.language) == (
        following_org, "telegram", f"@{USERNAME}", language,
    )  # fmt: skip
    legs = list(journey.legs.all())
    assert [leg.expected_arrival for leg in legs] == [T0 + timedelta(hours=4), T0 + timedelta(hours=10)]
    assert FollowedChat.objects.get().chat_id == CHAT_ID

    # Not yet due: no prompt. Then at the expected arrival, one prompt with a one-tap check-in.
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        call_command("telegram_bot", "--send-prompts")
    assert botapi.sent(chat.mark + len(botapi.sent(chat.mark)), "sendMessage") == []
    mark = len(botapi.calls)
    with time_machine.travel(T0 + timedelta(hours=4, minutes=1), tick=False):
        call_command("telegram_bot", "--send-prompts")
        call_command("telegram_bot", "--send-prompts")  # sent once
    (prompt,) = botapi.sent(mark)
    assert prompt.params["chat_id"] == CHAT_ID and words["prompt"] in prompt.text
    with time_machine.travel(T0 + timedelta(hours=4, minutes=5), tick=False):
        calls = chat.tap(words["checkin"])
    assert words["received"] in calls[-1].text
    assert Leg.objects.get(position=1).checked_in_at == T0 + timedelta(hours=4, minutes=5)

    # The second leg is missed: the organisation's on-duty worker is alerted, as for a web journey.
    with time_machine.travel(T0 + timedelta(hours=10, minutes=1), tick=False):
        call_command("telegram_bot", "--send-prompts")
    assert words["prompt2"] in botapi.sent(method="sendMessage")[-1].text
    with time_machine.travel(T0 + timedelta(hours=11, minutes=2), tick=False):
        call_command("check_missed_checkins")
    leg = Leg.objects.get(position=2)
    assert leg.is_alert_open
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["caseworker_a@example.org"]
    assert USERNAME not in mail.outbox[0].body
    login(client, "caseworker_a")
    assert journey.nickname in client.get("/journeys/board/").content.decode()

    # "I arrived" ends it; what is kept is deleted after the retention period.
    with time_machine.travel(T0 + timedelta(hours=11, minutes=30), tick=False):
        calls = chat.tap(words["end"])
    assert words["finished"] in calls[-1].text
    journey.refresh_from_db()
    assert journey.is_closed and journey.delete_after == T0 + timedelta(
        hours=10, days=7
    )  # from the planned end
    with time_machine.travel(journey.delete_after + timedelta(minutes=1), tick=False):
        call_command("purge_journeys")
    assert not FollowedChat.objects.exists() and not Journey.objects.exists()


def _rows_mentioning(*needles: str) -> list[str]:
    found = []
    for model in apps.get_models():
        for row in model._default_manager.all().values():
            text = repr(row)
            if any(needle in text for needle in needles):
                found.append(f"{model._meta.label}: {text[:200]}")
    return found


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_forget_leaves_nothing_about_the_chat_in_the_database(converse, following_org, language):
    words = WORDS[language]
    chat = converse(language, chat_id=CHAT_ID, username=USERNAME)
    _plan_and_follow(chat, words, following_org)
    assert _rows_mentioning(str(CHAT_ID), USERNAME)  # the followed journey holds the chat and the username
    assert memory.recall(CHAT_ID)
    calls = chat.say("/forget")
    assert words["forgotten"] in calls[-1].text
    assert _rows_mentioning(str(CHAT_ID), USERNAME) == []
    assert not Journey.objects.exists() and not Leg.objects.exists() and not FollowedChat.objects.exists()
    assert memory.recall(CHAT_ID) == {}
    # And the bot no longer knows the journey: a check-in button from before does nothing.
    calls = chat.tap(words["end"])
    assert "Цей чат зараз не супроводжує" in calls[-1].text or "Этот чат сейчас не следит" in calls[-1].text


@pytest.mark.parametrize(
    ("client_language", "language", "prefix", "labels"),
    [
        ("en", "en", "", ("No stops", "No", "Follow my journey", "I agree", "+4 h")),
        ("ro", "ro", "/ro", ("Fără opriri", "Nu", "Urmăriți-mi călătoria", "Sunt de acord", "+4 h")),
        ("sr", "sr-latn", "/sr-latn", ("Bez zaustavljanja", "Ne", "Pratite moje putovanje", "Slažem se", "+4 č")),
    ],
)  # fmt: skip
def test_plan_follow_and_forget_in_the_other_languages(converse, following_org, client_language, language, prefix, labels):  # fmt: skip
    no_stops, no, follow, agree, plus4 = labels
    chat = converse(client_language, chat_id=CHAT_ID)
    chat.say("/plan")
    chat.say("Kyiv")
    chat.tap(no_stops)
    chat.say("Iasi")
    calls = chat.tap(no)
    assert [c.method for c in calls][-2:] == ["sendMessage", "sendDocument"]
    (url,) = [b["url"] for b in calls[-2].buttons if b.get("url")]
    assert url.startswith(f"https://kompass.example.org{prefix}/journeys/plan/?p=")
    chat.tap(follow)
    chat.tap(agree)
    chat.tap(following_org.name)
    chat.tap(plus4)
    journey = Journey.objects.get()
    assert journey.language == language and journey.legs.count() == 1
    chat.say("/forget")
    assert _rows_mentioning(str(CHAT_ID)) == []
