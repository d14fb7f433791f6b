from django.core.management.base import BaseCommand

from kompass.cases.services import rotate_field_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt identity fields under the FIRST key of KOMPASS_FIELD_ENCRYPTION_KEYS. Put the new key "
        "first (the old ones after it), run this, then remove the old keys once --dry-run shows 0 to rotate."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what is not under the first key; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        counts = rotate_field_keys(dry_run=dry_run)
        verb = "would be re-encrypted" if dry_run else "re-encrypted"
        self.stdout.write(f"{counts['checked']} encrypted values checked; {counts['to_rotate']} {verb}.")
