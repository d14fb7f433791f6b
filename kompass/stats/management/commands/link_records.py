"""`link_records INPUT.csv --out OUTPUT.csv [--privacy clk --secret S]` (docs/interfaces.md §6 item 4)."""

import csv
from pathlib import Path

import pandas as pd
from django.core.management.base import BaseCommand, CommandError

from kompass.stats.linkage import DEFAULT_THRESHOLD, link_records


class Command(BaseCommand):
    help = "Find the records of the same person in a CSV; writes rec_id,cluster_id for every row."

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--privacy", choices=["clk"], help="match on keyed Bloom-filter encodings only")
        parser.add_argument("--secret", default="", help="the coalition secret for --privacy clk")
        parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
        parser.add_argument("--review-out", type=Path, help="also write the uncertain pairs here")

    def handle(self, *args, **options):
        if options["privacy"] == "clk" and not options["secret"]:
            raise CommandError("--privacy clk needs --secret")
        try:
            frame = pd.read_csv(
                options["input"],
                dtype=str,
                keep_default_na=False,
                skipinitialspace=True,
                encoding="utf-8-sig",
            )
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {options['input']}: {exc}")
        frame.columns = [str(c).strip() for c in frame.columns]
        if "rec_id" not in frame.columns:
            raise CommandError("the input has no rec_id column")
        frame = frame.apply(lambda col: col.str.strip())
        result = link_records(
            frame,
            privacy=options["privacy"],
            secret=options["secret"] or None,
            threshold=options["threshold"],
        )
        result.clusters.to_csv(options["out"], index=False, quoting=csv.QUOTE_MINIMAL)
        if options["review_out"]:
            result.review.to_csv(options["review_out"], index=False)
        clusters = result.clusters["cluster_id"].nunique()
        self.stderr.write(
            f"{len(frame)} records, {clusters} clusters, {result.seconds:.1f} s ({result.mode})"
        )
