from django.core.management.base import BaseCommand

from kompass.cases.services import anonymise_closed_cases, retention_days


class Command(BaseCommand):
    help = (
        "Anonymise cases closed for longer than the retention period (KOMPASS_CASE_RETENTION_DAYS): "
        "identity, notes, files and free text are removed; statistical attributes stay. Run with --dry-run first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the cases without changing anything."
        )
        parser.add_argument("--days", type=int, default=None, help="Override the retention period (days).")

    def handle(self, *args, dry_run: bool = False, days: int | None = None, **options):
        days = retention_days() if days is None else days
        references = anonymise_closed_cases(dry_run=dry_run, days=days)
        verb = "would be anonymised" if dry_run else "anonymised"
        for reference in references:
            self.stdout.write(f"{reference} {verb}")
        self.stdout.write(f"{len(references)} case(s) closed more than {days} days ago {verb}.")
