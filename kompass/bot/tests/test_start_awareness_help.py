"""/start, awareness and help now, through python-telegram-bot against the local Bot API server."""

import pytest

from kompass.bot import reach
from kompass.directory.models import Hotline
from kompass.journeys.models import AwarenessPage

pytestmark = pytest.mark.django_db


def test_start_answers_in_the_clients_language_and_a_language_can_be_chosen(converse, botapi):
    chat = converse("uk")
    calls = chat.say("/start")
    assert [c.method for c in calls] == ["sendMessage"]
    assert "Зателефонуйте 112" in calls[0].text or "112" in calls[0].text
    assert {b["text"] for b in calls[0].buttons} >= {"Українська", "Русский", "Română", "English", "Srpski"}
    calls = chat.tap("Русский")
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    assert "Проверьте предложение работы" in [b["text"] for b in calls[1].buttons]
    # The choice holds for what the person types next, whatever the client's language.
    calls = chat.say("/help")
    assert "Что вам нужно?" in calls[0].text


@pytest.mark.parametrize(
    ("language", "topics", "title", "full_page", "help_label"),
    [
        ("uk", "Ризики та ваші права", "Фальшиві пропозиції роботи", "/uk/journeys/awareness/fake-job-offers/", "Допомога зараз"),
        ("ru", "Риски и ваши права", "Фальшивые предложения работы", "/ru/journeys/awareness/fake-job-offers/", "Помощь сейчас"),
    ],
)  # fmt: skip
def test_awareness_conversation(converse, language, topics, title, full_page, help_label):
    chat = converse(language)
    chat.say("/start")
    calls = chat.tap(topics)
    page = AwarenessPage.objects.get(slug="fake-job-offers")
    assert page.display_title(language) == title
    titles = [b["text"] for b in calls[-1].buttons]
    assert title in titles and page.display_title(language) in titles
    calls = chat.tap(title)
    message = calls[-1]
    assert f"<b>{title}</b>" in message.text
    assert page.display_summary(language)[:40] in message.text
    assert "• " in message.text  # the red flags of the page, as a list
    links = [b.get("url") for b in message.buttons if b.get("url")]
    assert links == [f"https://kompass.example.org{full_page}"]
    assert help_label in [b["text"] for b in message.buttons]


def test_a_rights_page_names_where_to_apply_and_its_source(converse):
    chat = converse("uk")
    chat.say("/awareness")
    page = AwarenessPage.objects.get(slug="rights-romania")
    calls = chat.tap(page.display_title("uk"))
    assert page.display_authority("uk")[:20] in calls[-1].text
    assert page.source_name in calls[-1].text


@pytest.mark.parametrize(
    ("language", "help_label", "danger", "country", "numbers_title"),
    [
        ("uk", "Допомога зараз: номери та пункти підтримки", "112", "Румунія", "Номери для дзвінків: Румунія"),
        ("ru", "Помощь сейчас: номера и пункты поддержки", "112", "Румыния", "Номера для звонков: Румыния"),
    ],
)  # fmt: skip
def test_help_now_conversation_by_country(converse, language, help_label, danger, country, numbers_title):
    chat = converse(language)
    chat.say("/start")
    calls = chat.tap(help_label)
    texts = [c.text for c in calls if c.method == "sendMessage"]
    assert danger in texts[0]  # "call 112" comes first
    assert country in [b["text"] for b in calls[2].buttons]
    assert calls[3].params["reply_markup"]["keyboard"][0][0]["request_location"] is True
    calls = chat.tap(country)
    text = calls[1].text
    assert numbers_title in text
    for hotline in Hotline.objects.for_country("RO"):
        assert hotline.number in text
    assert text.index("112") < text.index("0800 800 678")  # emergency first


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_help_now_from_a_shared_location_sends_the_nearest_support_points(converse, make_point, language):
    near = make_point(
        "Gara de Nord, punct de sprijin", 44.4470, 26.0740, phone="+40 700 000 111", hours="Mo-Su 08:00-20:00"
    )
    make_point("Far away point", 47.16, 27.58)  # Iași, 300 km away
    chat = converse(language)
    chat.say("/helpnow")
    calls = chat.say(location=(44.4268, 26.1025))  # central Bucharest
    methods = [c.method for c in calls]
    assert methods[:2] == ["sendMessage", "sendLocation"]
    assert "0800 800 678" in calls[0].text  # Romania's numbers, from the location
    location = calls[1].params
    assert (location["latitude"], location["longitude"]) == (near.lat, near.lon)
    card = calls[2].text
    assert "Gara de Nord" in card and "+40 700 000 111" in card and "08:00" in card
    assert "Far away point" not in chat.messages(calls)


def test_commands_are_counted_without_any_chat_id(converse, botapi):
    counted = []
    reach.COMMAND_COUNTERS.append(lambda **kwargs: counted.append(kwargs))
    try:
        chat = converse("uk", chat_id=987654321)
        chat.say("/start spring-campaign")
        chat.tap("Перевірте пропозицію роботи")
    finally:
        reach.COMMAND_COUNTERS.pop()
    assert [(c["command"], c["campaign"], c["language"], c["channel"]) for c in counted] == [
        ("start", "spring-campaign", "uk", "telegram"), ("check", "spring-campaign", "uk", "telegram"),
    ]  # fmt: skip
    assert set(counted[0]) == {"campaign", "channel", "language", "day", "command"}
    assert "987654321" not in repr(counted)


@pytest.mark.parametrize(
    ("client_language", "topics", "title", "help_label", "numbers"),
    [
        ("en", "Risks and your rights", "Fake job offers", "Help now: numbers and support points", "Numbers to call in Moldova"),
        ("ro", "Riscuri și drepturile dumneavoastră", "Oferte de muncă false", "Ajutor acum: numere și puncte de sprijin", "Numere de apelat: Republica Moldova"),
        ("uk", "Ризики та ваші права", "Фальшиві пропозиції роботи", "Допомога зараз: номери та пункти підтримки", "Номери для дзвінків: Молдова"),
        ("ru", "Риски и ваши права", "Фальшивые предложения работы", "Помощь сейчас: номера и пункты поддержки", "Номера для звонков: Молдова"),
        ("sr", "Rizici i vaša prava", "Lažne ponude za posao", "Pomoć odmah: brojevi i punktovi podrške", "Brojevi za pozive: Moldavija"),
    ],
)  # fmt: skip
def test_every_language_from_the_phones_language(
    converse, client_language, topics, title, help_label, numbers
):
    chat = converse(client_language)  # a Serbian phone says "sr": the bot answers in Serbian (Latin)
    chat.say("/start")
    calls = chat.tap(topics)
    assert title in [b["text"] for b in calls[-1].buttons]
    chat.say("/start")
    chat.tap(help_label)
    calls = chat.tap(_country_label(chat))
    assert numbers in calls[1].text


def _country_label(chat):
    """The second country button (Moldova: the route countries come first, UA then MD)."""
    buttons = [
        b
        for c in chat.api.sent(chat.mark)
        for b in c.buttons
        if b.get("callback_data", "").split("|")[1:2] == ["hc"]
    ]
    return next(b["text"] for b in buttons if b["callback_data"].endswith("|MD"))


def test_commands_reach_the_campaign_counts_per_campaign_channel_language_and_day(converse, botapi):
    from kompass.campaigns.models import Campaign, ReachCount
    from kompass.organisations.models import Organisation

    org = Organisation.objects.create(name="Organisation C (test)", country="RO", city="Iași")
    Campaign.objects.create(code="spring-campaign", name="Spring", target="/", organisation=org)
    chat = converse("uk", chat_id=987654321)
    chat.say("/start spring-campaign")
    chat.tap("Перевірте пропозицію роботи")
    rows = ReachCount.objects.values_list("campaign", "channel", "language", "command", "count")
    assert sorted(rows) == [
        ("spring-campaign", "telegram", "uk", "check", 1), ("spring-campaign", "telegram", "uk", "start", 1),
    ]  # fmt: skip
    assert "987654321" not in repr(list(ReachCount.objects.values()))
