"""`nrm_statistics --year YYYY --format json [--country ISO3|ALL]` (docs/interfaces.md §6 item 5)."""

import json

from django.core.management.base import BaseCommand, CommandError

from kompass.stats import countries
from kompass.stats.countries import REGIONAL
from kompass.stats.disclosure import DEFAULT_THRESHOLD, Method
from kompass.stats.report import nrm_statistics
from kompass.stats.services import ensure_linkage_current


class Command(BaseCommand):
    help = "The annual NRM report as JSON: persons counted once across organisations, disclosure-controlled."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--country",
            default="",
            help=f"ISO 3166-1 alpha-3 (default: the first coordinator's country), or {REGIONAL}: the regional "
            "report, each person counted once across the coalition's countries",
        )
        parser.add_argument("--threshold", type=int, default=DEFAULT_THRESHOLD)
        parser.add_argument("--epsilon", type=float, help="release with differential privacy (total epsilon)")
        parser.add_argument(
            "--no-refresh", action="store_true", help="do not bring the person links up to date"
        )

    def handle(self, *args, **options):
        country = options["country"].strip().upper()
        if country and country != REGIONAL and not countries.is_alpha3(country):
            raise CommandError(countries.unknown_country_message(options["country"]))
        if options["threshold"] < 1:
            raise CommandError("--threshold must be at least 1")
        if options["epsilon"] is not None and options["epsilon"] <= 0:
            raise CommandError("--epsilon must be positive")
        if not options["no_refresh"]:
            ensure_linkage_current(stderr=self.stderr)
        report = nrm_statistics(
            year=options["year"],
            country=country or None,
            method=Method(threshold=options["threshold"], epsilon=options["epsilon"]),
        )
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
