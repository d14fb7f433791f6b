"""The webhook view and the runner's modes: secret token, bad input, long polling, webhook registration."""

import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kompass.bot import runner
from kompass.bot.tests.conftest import SECRET

pytestmark = pytest.mark.django_db


def _start(botapi, chat_id=42):
    return botapi.message_update(chat_id, "/start", language="ru")


@pytest.mark.parametrize("header", [None, "", "webhook-secret-for-testz", SECRET + "x", SECRET.upper()])
def test_webhook_rejects_a_wrong_secret_token_and_answers_nothing(client, botapi, header):
    headers = {} if header is None else {"X-Telegram-Bot-Api-Secret-Token": header}
    response = client.post("/bot/webhook/", _start(botapi), content_type="application/json", headers=headers)
    assert response.status_code == 403
    assert botapi.sent() == []


def test_webhook_answers_with_the_right_token(client, botapi):
    response = client.post("/bot/webhook/", _start(botapi), content_type="application/json",
                           headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})  # fmt: skip
    assert response.status_code == 200
    assert [c.method for c in botapi.sent()] == ["sendMessage"]
    assert "112" in botapi.sent()[0].text


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"message": {}}'])
def test_webhook_refuses_what_is_not_an_update(client, botapi, body):
    response = client.post("/bot/webhook/", body, content_type="application/json",
                           headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})  # fmt: skip
    assert response.status_code == 400


def test_webhook_is_post_only_and_absent_without_configuration(client, botapi, settings):
    assert client.get("/bot/webhook/", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}).status_code == 405
    settings.TELEGRAM_TOKEN = ""
    response = client.post("/bot/webhook/", _start(botapi), content_type="application/json",
                           headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})  # fmt: skip
    assert response.status_code == 404


def test_webhook_is_not_throttled_like_a_public_form(client, botapi, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "forms": "2/m"}
    for i in range(4):
        response = client.post("/bot/webhook/", botapi.message_update(100 + i, "/help", language="uk"),
                               content_type="application/json", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})  # fmt: skip
        assert response.status_code == 200


def test_long_polling_answers_queued_updates(botapi):
    botapi.queue(botapi.message_update(77, "/start", language="uk"))
    botapi.queue(botapi.message_update(77, "/helpnow", language="uk"))
    stop = threading.Event()
    threading.Thread(target=lambda: (botapi.polled.wait(20), stop.set()), daemon=True).start()
    answered = runner.poll(stop=stop, timeout=0)
    assert answered == 2
    methods = [c.method for c in botapi.sent()]
    assert methods[0] == "deleteWebhook"  # getUpdates works only without a webhook
    assert methods.count("sendMessage") >= 4
    assert "112" in botapi.sent(method="sendMessage")[1].text


def test_set_webhook_command_registers_the_url_and_secret(botapi, capsys):
    call_command("telegram_bot", "--set-webhook", "https://kompass.example.org/bot/webhook/")
    assert botapi.webhook["url"] == "https://kompass.example.org/bot/webhook/"
    assert botapi.webhook["secret_token"] == SECRET
    call_command("telegram_bot", "--delete-webhook")
    assert botapi.webhook == {}
    with pytest.raises(CommandError):
        call_command("telegram_bot", "--set-webhook", "http://insecure.example.org/bot/webhook/")


def test_the_bot_needs_a_token(settings):
    settings.TELEGRAM_TOKEN = ""
    with pytest.raises(CommandError, match="KOMPASS_TELEGRAM_TOKEN"):
        call_command("telegram_bot", "--poll")
