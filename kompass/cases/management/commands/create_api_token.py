from django.core.management.base import BaseCommand, CommandError

from kompass.cases.api import issue_token
from kompass.organisations.models import Membership


class Command(BaseCommand):
    help = "Issue an API token for a user's active membership (cases and referrals API). Printed once."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="API client", help="What the token is for.")

    def handle(self, *args, email: str, name: str, **options):
        membership = (
            Membership.objects.active()
            .select_related("user", "organisation")
            .filter(user__email=email.lower())
            .first()
        )
        if membership is None:
            raise CommandError(f"No active membership for {email}.")
        if not membership.can_work_on_cases:
            raise CommandError("This role does not work on cases; no token issued.")
        token, clear = issue_token(membership=membership, name=name)
        self.stdout.write(f"Token for {email} at {membership.organisation} (shown once):\n{clear}")
