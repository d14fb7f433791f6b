"""Run task workers (Dramatiq) against the configured broker."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Process background tasks (e-mail, linkage, PDFs, scheduled jobs). Needs KOMPASS_BROKER_URL."

    def add_arguments(self, parser):
        parser.add_argument("--processes", type=int, default=1)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--queues", nargs="*", default=[], help="Only these queues (default: all).")

    def handle(self, *args, **options):
        if not settings.BROKER_URL:
            raise CommandError(
                "KOMPASS_BROKER_URL is not set: without a broker, tasks run in the web process."
            )
        from dramatiq.cli import main as dramatiq_main

        # --skip-logging: Django's LOGGING (JSON lines) formats the workers' logs too.
        argv = ["dramatiq", "kompass.ops.worker", "--skip-logging", "--processes", str(options["processes"]),
                "--threads", str(options["threads"])]  # fmt: skip
        if options["queues"]:
            argv += ["--queues", *options["queues"]]
        sys.argv = argv
        sys.exit(dramatiq_main())
