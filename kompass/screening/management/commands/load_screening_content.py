from django.core.management.base import BaseCommand

from kompass.screening import content, services
from kompass.screening.models import BASE_PROTOCOL_COUNTRY, Protocol


class Command(BaseCommand):
    help = (
        "Reload the indicator catalogue texts and, for sectors without any protocol revision, publish the "
        "shipped protocol. Idempotent; existing revisions are never changed (use import_protocol)."
    )

    def handle(self, *args, **options):
        count = services.load_catalogue()
        self.stdout.write(f"Catalogue: {count} indicators.")
        for sector in content.SECTORS:
            protocol = Protocol.objects.filter(sector=sector, country=BASE_PROTOCOL_COUNTRY).first()
            if protocol is not None and protocol.revisions.exists():
                continue
            revision = services.import_protocol(
                content=content.load_protocol_file(sector),
                publish=True,
                change_note="First version, loaded from kompass/screening/data/protocols.",
            )
            self.stdout.write(f"Published {revision.version}.")
