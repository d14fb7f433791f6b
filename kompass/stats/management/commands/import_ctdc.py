"""`import_ctdc FILE.csv --organisation NAME` (docs/interfaces.md §6 item 7)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.stats.ctdc import RowError
from kompass.stats.services import import_ctdc


class Command(BaseCommand):
    help = "Import CTDC-format rows as anonymous cases of an organisation (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--organisation", required=True, help="owner; created when missing")
        parser.add_argument("--country", default="", help="ISO2 country of a new organisation")

    def handle(self, *args, **options):
        try:
            text = options["file"].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}")
        try:
            count = import_ctdc(
                text=text, organisation_name=options["organisation"], country=options["country"]
            )
        except RowError as exc:
            raise CommandError(f"{options['file']}: {exc}; nothing was imported")
        self.stdout.write(f"{count} cases imported for {options['organisation']}")
