"""Train the multilingual job-offer checker on the training part of the labelled set."""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.recruitment import multilingual


class Command(BaseCommand):
    help = (
        "Train the multilingual checker (cue indicators, pay ratio and character n-grams; calibrated "
        "logistic regression) on the training part of bench/data/job_offers_labelled.csv and write the "
        "joblib artefact. Fixed seed: the same data gives the same model."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", type=Path, default=multilingual.DATA, help="labelled CSV")
        parser.add_argument("--out", type=Path, default=multilingual.ARTEFACT_PATH)
        parser.add_argument("--seed", type=int, default=multilingual.SEED)

    def handle(self, *args, data: Path, out: Path, seed: int, **options):
        if not data.exists():
            raise CommandError(f"Training data not found: {data}")
        rows = multilingual.load_labelled(data, split="train")
        if not rows:
            raise CommandError(f"{data} has no rows with split=train.")
        digest = hashlib.sha256(data.read_bytes()).hexdigest()[:16]
        model = multilingual.train(rows, seed=seed)
        path = multilingual.save(model, out, trained_on=f"{data.name} sha256:{digest} seed:{seed}")
        multilingual.load.cache_clear()
        self.stdout.write(
            f"Trained on {len(rows)} offers; wrote {path} ({path.stat().st_size / 1024:.0f} KB)."
        )
