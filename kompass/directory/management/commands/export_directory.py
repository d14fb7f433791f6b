from pathlib import Path

from django.core.management.base import BaseCommand

from kompass.directory.models import Entry
from kompass.directory.services import export_directory


class Command(BaseCommand):
    help = "Export the directory as CSV in the format import_directory reads (docs/interfaces.md §6 item 3)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="Output file (default: standard output).")
        parser.add_argument("--published", action="store_true", help="Only published entries.")

    def handle(self, *args, file: Path | None = None, published: bool = False, **options):
        entries = Entry.objects.published() if published else Entry.objects.all()
        text = export_directory(entries=entries)
        if file is None or str(file) == "-":
            self.stdout.write(text, ending="")
        else:
            file.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {entries.count()} entries to {file}.")
