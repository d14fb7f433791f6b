import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.screening import content, services


class Command(BaseCommand):
    help = (
        "Load a protocol YAML file as the sector's draft (replacing an open draft). With --publish it is "
        "published at once and the current revision is retired. Nothing is stored if the file is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true")
        parser.add_argument("--change-note", default="", help="required with --publish")
        parser.add_argument("--effective-date", type=datetime.date.fromisoformat)
        parser.add_argument("--dry-run", action="store_true", help="only validate the file")

    def handle(
        self, *args, file, publish=False, change_note="", effective_date=None, dry_run=False, **options
    ):
        try:
            document = content.validate_content(content.load_yaml(Path(file).read_text(encoding="utf-8")))
        except OSError as exc:
            raise CommandError(str(exc))
        except content.ContentError as exc:
            raise CommandError("Invalid protocol:\n  " + "\n  ".join(exc.errors))
        if dry_run:
            self.stdout.write(
                f"{file}: valid {document['sector']} protocol ({len(document['questions'])} questions)."
            )
            return
        if publish and not change_note.strip():
            raise CommandError("Give --change-note when publishing.")
        revision = services.import_protocol(
            content=document, publish=publish, change_note=change_note, effective_date=effective_date
        )
        self.stdout.write(f"{revision.version}: {revision.get_status_display()}.")
