import importlib
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kompass.demo.coalition import (
    COORDINATOR_NAME,
    DEMO_PASSWORD,
    USERS,
    create_coalition,
    create_users,
    demo_totp_base32,
)
from kompass.organisations.models import Organisation

# Each app's demo data, in dependency order; each module has `seed_demo(*, rng)`.
APP_SEEDERS = [
    "directory",
    "screening",
    "cases",
    "referrals",
    "stats",
    "recruitment",
    "journeys",
    "training",
    "online",
]


class Command(BaseCommand):
    help = "Load the fictional demo coalition, accounts and data once (demo mode only), and print the logins."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed for reproducible demo data.")

    def handle(self, *args, seed: int, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Refusing to seed demo data: set KOMPASS_DEMO=1 (never in production).")
        if Organisation.objects.filter(name=COORDINATOR_NAME).exists():
            self.stdout.write("Demo data is already loaded.")
        else:
            self._seed(seed)
        self._print_accounts()

    @transaction.atomic
    def _seed(self, seed: int) -> None:
        rng = random.Random(seed)
        organisations = create_coalition()
        create_users(organisations)
        self.stdout.write(f"Created {len(organisations)} organisations and {len(USERS)} demo accounts.")
        for app in APP_SEEDERS:
            try:
                module = importlib.import_module(f"kompass.{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"kompass.{app}.demo":
                    raise
                continue
            module.seed_demo(rng=rng)
            self.stdout.write(f"Loaded demo data: {app}")

    def _print_accounts(self) -> None:
        secret = demo_totp_base32()
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
        for email, name, _index, role in USERS:
            self.stdout.write(f"  {role:<12} {email:<36} {name}")
        self.stdout.write(f"Second factor (TOTP) secret for all demo accounts: {secret}")
        self.stdout.write(f"  current code: `make demo-code`  (or: oathtool --totp -b {secret})")
        self.stdout.write("Open http://127.0.0.1:8000/")
