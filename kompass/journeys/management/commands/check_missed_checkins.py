from django.core.management.base import BaseCommand

from kompass.journeys.services import raise_missed_checkin_alerts


class Command(BaseCommand):
    help = (
        "Raise an alert (board + e-mail to the on-duty worker) for every leg past its expected arrival "
        "plus grace without a check-in. Run it from cron every few minutes; each leg alerts once."
    )

    def handle(self, *args, **options):
        legs = raise_missed_checkin_alerts()
        self.stdout.write(f"{len(legs)} missed check-in(s) raised.")
