"""`manage.py create_coordinator`: the first account of a new installation."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kompass.organisations.models import COUNTRY_LANGUAGES
from kompass.organisations.services import create_coordinator, invitation_link


class Command(BaseCommand):
    help = (
        "Create the national coordinator's organisation (when there is none) and the coordinator's account, "
        "and print the link with which they set their password. No demo data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--organisation", required=True, help="Name of the national coordinator's organisation."
        )
        parser.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. RO.")
        parser.add_argument("--name", default="", help="The coordinator's full name.")
        parser.add_argument(
            "--language", choices=["en", "ro", "uk", "ru", "sr-latn"],
            help="The coordinator's language (default: the country's, e.g. sr-latn for RS).",
        )  # fmt: skip

    def handle(self, *args, **options):
        try:
            membership = create_coordinator(
                email=options["email"], organisation_name=options["organisation"], country=options["country"],
                full_name=options["name"],
                language=options["language"] or COUNTRY_LANGUAGES.get(options["country"].upper(), "en"),
            )  # fmt: skip
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages))
        self.stdout.write(
            f"Coordinator {membership.user.email} of {membership.organisation.name} created.\n"
            f"Set the password here (the link works once): {invitation_link(membership.user)}"
        )
