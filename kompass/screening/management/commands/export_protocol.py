from django.core.management.base import BaseCommand, CommandError

from kompass.screening import content
from kompass.screening.models import ProtocolRevision


class Command(BaseCommand):
    help = "Write a sector protocol revision as YAML (the published one unless --revision is given)."

    def add_arguments(self, parser):
        parser.add_argument("sector", choices=content.SECTORS)
        parser.add_argument("--revision", type=int, help="revision number (default: the published one)")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, sector, revision=None, out=None, **options):
        revisions = ProtocolRevision.objects.filter(protocol__sector=sector)
        found = (
            revisions.filter(number=revision).first()
            if revision
            else revisions.filter(status="published").first()
        )
        if found is None:
            raise CommandError(f"No such revision of the {sector} protocol.")
        text = content.dump_yaml(found.content)
        if out:
            with open(out, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(f"Wrote {found.version} to {out}.")
        else:
            self.stdout.write(text, ending="")
