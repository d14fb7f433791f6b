"""`manage.py backup_key --out FILE`: a new key pair for backups."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.ops.backup import new_key


class Command(BaseCommand):
    help = (
        "Make an age key pair for backups: the secret key goes to --out (keep it OFF the server, e.g. in "
        "the coalition's password manager); put the printed public key in KOMPASS_BACKUP_RECIPIENTS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True)

    def handle(self, *args, **options):
        path = Path(options["out"])
        if path.exists():
            raise CommandError(f"{path} exists; not overwritten.")
        secret, public = new_key()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secret)
        self.stdout.write(f"Secret key written to {path}.\nKOMPASS_BACKUP_RECIPIENTS={public}")
