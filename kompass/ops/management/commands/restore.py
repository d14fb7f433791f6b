"""`manage.py restore FILE --key KEYFILE`: load a backup into an empty database and media folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an EMPTY database (create it first) and an "
        "empty media folder, then check every table and file against the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--key", required=True, help="File with the age secret key (from `manage.py backup_key`)."
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(
                archive=Path(options["archive"]),
                identity_text=Path(options["key"]).read_text(encoding="utf-8"),
            )
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc))
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Restored and verified: {len(manifest['tables'])} tables, {rows} rows, {len(manifest['files'])} files "
            f"(backup of {manifest['created_at']}). Run `manage.py migrate` if this code is newer."
        )
