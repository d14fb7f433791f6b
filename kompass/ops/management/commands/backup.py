"""`manage.py backup [--out FILE]`: one encrypted archive of the database and the uploaded files."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kompass.audit.services import record_event
from kompass.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one age-encrypted archive (database dump + uploaded files + a manifest of row counts and "
        "checksums) for the public keys in KOMPASS_BACKUP_RECIPIENTS. Safe while Kompass serves requests."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", help="Archive path (default: KOMPASS_BACKUP_DIR/kompass-<time>.age).")
        parser.add_argument("--recipient", action="append", default=[], help="age public key (repeatable).")

    def handle(self, *args, **options):
        stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%d-%H%M%S")
        out = Path(options["out"] or Path(settings.BACKUP_DIR) / f"kompass-{stamp}.age")
        try:
            manifest = create_backup(out=out, recipients=options["recipient"] or settings.BACKUP_RECIPIENTS)
        except BackupError as exc:
            raise CommandError(str(exc))
        rows = sum(t["rows"] for t in manifest["tables"].values())
        record_event(actor=None, action="backup_created", actor_label="manage.py backup",
                     detail={"tables": len(manifest["tables"]), "rows": rows, "files": len(manifest["files"])})  # fmt: skip
        self.stdout.write(
            f"{out}: {manifest['engine']}, {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['files'])} files, {out.stat().st_size} bytes"
        )
