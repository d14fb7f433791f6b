from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.directory.services import ImportError_, import_directory


class Command(BaseCommand):
    help = (
        "Import directory entries from a CSV file (docs/interfaces.md §6 item 3). Idempotent on (organisation, name); "
        "missing organisations are created; entries are published at once. A bad row is reported with its "
        "line number and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {file}: {exc}")
        try:
            result = import_directory(text=text)
        except ImportError_ as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(exc.errors)} error(s) in {file}: nothing was imported.")
        self.stdout.write(
            f"Imported {file}: {result.created} created, {result.updated} updated, "
            f"{result.organisations_created} organisation(s) created."
        )
