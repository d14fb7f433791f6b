import contextlib

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from kompass.bot import runner


class Command(BaseCommand):
    help = (
        "Run the Telegram bot: --poll (long polling, for development), --set-webhook URL (production: "
        "Telegram posts updates to /bot/webhook/), --delete-webhook, --send-prompts (due check-in prompts)."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--poll", action="store_true", help="Fetch updates with getUpdates and answer them."
        )
        group.add_argument(
            "--set-webhook", metavar="URL", help="Register URL (…/bot/webhook/) with the secret token."
        )
        group.add_argument(
            "--delete-webhook", action="store_true", help="Stop Telegram posting to the webhook."
        )
        group.add_argument(
            "--send-prompts", action="store_true", help="Send the check-in prompts that are due now."
        )

    def handle(self, *args, **options):
        try:
            if options["poll"]:
                self.stdout.write("Polling Telegram for updates; Ctrl+C stops.")
                with contextlib.suppress(KeyboardInterrupt):
                    runner.poll()
            elif options["set_webhook"]:
                url = options["set_webhook"]
                if not url.startswith("https://"):
                    raise CommandError("Telegram posts only to an https:// URL.")
                runner.set_webhook(url)
                self.stdout.write(f"Webhook set: {url}")
            elif options["delete_webhook"]:
                runner.delete_webhook()
                self.stdout.write("Webhook deleted.")
            else:
                self.stdout.write(f"{runner.send_checkin_prompts()} check-in prompts sent.")
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc))
