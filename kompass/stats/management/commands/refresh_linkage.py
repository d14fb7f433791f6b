"""Bring the person clusters up to date (cron: nightly)."""

from django.core.management.base import BaseCommand

from kompass.stats.services import refresh_linkage


class Command(BaseCommand):
    help = "Encode new or changed case identities (CLK) and re-link all cases into persons."

    def handle(self, *args, **options):
        run = refresh_linkage()
        self.stdout.write(
            f"{run.cases} cases, {run.encoded} (re-)encoded, {run.persons} persons, "
            f"{run.review_pending} pairs to review, {run.seconds:.1f} s"
        )
