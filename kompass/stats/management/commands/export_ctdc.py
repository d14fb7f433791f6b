"""`export_ctdc OUT.csv [--k 5] [--year YYYY] [--country ISO3|ALL]` — the CTDC 27-column format."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.stats import countries
from kompass.stats.countries import REGIONAL
from kompass.stats.ctdc import DEFAULT_K, export_rows, write_csv
from kompass.stats.services import ensure_linkage_current


class Command(BaseCommand):
    help = "Write victims (one row per person) in the CTDC format, k-anonymised on the quasi-identifiers."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, nargs="?", help="file (default: standard output)")
        parser.add_argument("--k", type=int, default=DEFAULT_K)
        parser.add_argument("--year", type=int)
        parser.add_argument(
            "--country",
            default="",
            help=f"ISO3 country where victims were assisted (default or {REGIONAL}: every country)",
        )

    def handle(self, *args, **options):
        if options["k"] < 1:
            raise CommandError("--k must be at least 1")
        country2 = None
        given = options["country"].strip().upper()
        if given and given != REGIONAL:
            country2 = countries.to_alpha2(given)
            if not country2:
                raise CommandError(countries.unknown_country_message(options["country"]))
        ensure_linkage_current(stderr=self.stderr)
        rows, left_out = export_rows(k=options["k"], year=options["year"], country2=country2)
        if options["out"]:
            with options["out"].open("w", encoding="utf-8", newline="") as handle:
                write_csv(rows, handle)
        else:
            write_csv(rows, self.stdout)
        self.stderr.write(f"{len(rows)} rows written, {left_out} left out for {options['k']}-anonymity")
