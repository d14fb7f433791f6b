from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kompass.api.models import ApiToken
from kompass.audit.services import record_event


class Command(BaseCommand):
    help = "Revoke an API token by its prefix (the 8 characters after kmp_), or list the active tokens."

    def add_arguments(self, parser):
        parser.add_argument("prefix", nargs="?", help="Token prefix; omit to list active tokens.")

    def handle(self, *args, prefix: str | None = None, **options):
        if prefix is None:
            for token in ApiToken.objects.active().select_related(
                "membership__user", "membership__organisation"
            ):
                used = token.last_used_at.isoformat() if token.last_used_at else "never"
                self.stdout.write(
                    f"{token.prefix}  {token.membership.user.email}  {token.membership.organisation}  "
                    f"{token.name}  last used: {used}"
                )
            return
        token = (
            ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)
            .select_related("membership")
            .first()
        )
        if token is None:
            raise CommandError(f"No active token with prefix {prefix}.")
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(actor=None, action="api_token_revoked", obj=token.membership.organisation,
                     detail={"token": prefix}, actor_label="manage.py")  # fmt: skip
        self.stdout.write(f"Token {prefix}… revoked.")
