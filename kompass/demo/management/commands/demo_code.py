from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from kompass.demo.coalition import DEMO_TOTP_HEX


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo accounts (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Only in demo mode (KOMPASS_DEMO=1).")
        self.stdout.write(f"{TOTP(bytes.fromhex(DEMO_TOTP_HEX)).token():06d}")
