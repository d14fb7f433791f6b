from django.core.management.base import BaseCommand

from kompass.journeys.services import purge_expired_journeys


class Command(BaseCommand):
    help = "Delete followed journeys whose retention period (JOURNEYS_RETENTION_DAYS after the end) is over."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run: bool = False, **options):
        count = purge_expired_journeys(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"{count} journey(s) {verb}.")
