from django.apps import AppConfig


class BotConfig(AppConfig):
    name = "kompass.bot"
    label = "bot"
    verbose_name = "Telegram bot"

    def ready(self) -> None:
        # The campaigns app counts the bot's commands (it sits below the bot and cannot import it).
        from kompass.bot import reach
        from kompass.campaigns.services import count_bot_command

        if count_bot_command not in reach.COMMAND_COUNTERS:
            reach.COMMAND_COUNTERS.append(count_bot_command)
