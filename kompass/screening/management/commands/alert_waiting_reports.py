from django.core.management.base import BaseCommand

from kompass.screening.services import raise_waiting_report_alerts


class Command(BaseCommand):
    help = (
        "E-mail the coordinator about every new report waiting longer than KOMPASS_TRIAGE_ALERT_HOURS "
        "for triage. The scheduler runs it hourly; each report alerts once (audited)."
    )

    def handle(self, *args, **options):
        reports = raise_waiting_report_alerts()
        self.stdout.write(f"{len(reports)} waiting report(s) alerted.")
