import pytest

from kompass.bot.tests.botapi import LocalBotApi

TOKEN = "123456:TEST-token-for-the-local-bot-api"
SECRET = "webhook-secret-for-tests"


@pytest.fixture
def botapi(settings):
    api = LocalBotApi(TOKEN).start()
    settings.TELEGRAM_TOKEN = TOKEN
    settings.TELEGRAM_API_URL = api.url
    settings.TELEGRAM_WEBHOOK_SECRET = SECRET
    settings.SITE_URL = "https://kompass.example.org"
    yield api
    api.stop()


class Conversation:
    """One person's chat with the bot, through the webhook as Telegram delivers it."""

    def __init__(self, client, api: LocalBotApi, chat_id: int, language: str, username: str = ""):
        self.client, self.api, self.chat_id, self.language, self.username = (
            client,
            api,
            chat_id,
            language,
            username,
        )
        self.mark = 0

    def post(self, update: dict):
        self.mark = len(self.api.calls)
        response = self.client.post(
            "/bot/webhook/", update, content_type="application/json",
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )  # fmt: skip
        assert response.status_code == 200
        return self.api.sent(self.mark)

    def say(self, text: str = "", **kwargs):
        update = self.api.message_update(
            self.chat_id, text, language=self.language, username=self.username, **kwargs
        )
        return self.post(update)

    def tap(self, label: str):
        return self.post(
            self.api.tap_update(self.chat_id, label, language=self.language, username=self.username)
        )

    def messages(self, calls=None) -> str:
        return "\n".join(c.text for c in (calls if calls is not None else self.api.sent(self.mark)))


@pytest.fixture
def converse(client, botapi):
    def make(language: str, chat_id: int = 555001, username: str = "") -> Conversation:
        return Conversation(client, botapi, chat_id, language, username)

    return make


@pytest.fixture
def make_point(db):
    """A published support point of a fictional organisation."""
    from kompass.directory.models import Entry, EntryService
    from kompass.organisations.models import Organisation

    def make(name, lat, lon, *, country="RO", **extra):
        organisation = Organisation.objects.get_or_create(
            name="Fictional Route Aid", defaults={"country": country}
        )[0]
        entry = Entry.objects.create(organisation=organisation, name=name, kind="support_point", lat=lat, lon=lon,
                                     country=country, city=extra.pop("city", ""), status=Entry.Status.PUBLISHED, **extra)  # fmt: skip
        EntryService.objects.create(entry=entry, service="information")
        return entry

    return make
