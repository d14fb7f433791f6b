from django.apps import AppConfig


class BotConfig(AppConfig):
    name = "kompass.bot"
    label = "bot"
    verbose_name = "Telegram bot"
