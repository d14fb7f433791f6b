"""Train the job-offer classifier on the EMSCAD dev split and save the artefact."""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.recruitment import model


class Command(BaseCommand):
    help = (
        "Train the job-offer classifier (TF-IDF + rule cues + structured fields, calibrated logistic "
        "regression) on the EMSCAD dev split and write the joblib artefact. Fixed seed: the same data "
        "gives the same model."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", type=Path, default=model.DEV_SPLIT, help="EMSCAD CSV (gzip allowed)")
        parser.add_argument(
            "--out", type=Path, default=model.ARTEFACT_PATH, help="where to write the artefact"
        )
        parser.add_argument("--seed", type=int, default=model.SEED)

    def handle(self, *args, data: Path, out: Path, seed: int, **options):
        if not data.exists():
            raise CommandError(f"Training data not found: {data}")
        frame = model.load_dev_split(data)
        if "fraudulent" not in frame.columns:
            raise CommandError(f"{data} has no 'fraudulent' column to learn from.")
        digest = hashlib.sha256(data.read_bytes()).hexdigest()[:16]
        trained = model.train(frame, seed=seed)
        path = model.save(trained, out, trained_on=f"{data.name} sha256:{digest} seed:{seed}")
        model.load.cache_clear()
        size_kb = path.stat().st_size / 1024
        self.stdout.write(
            f"Trained on {len(frame)} ads ({int(frame['fraudulent'].sum())} fraudulent); wrote {path} ({size_kb:.0f} KB)."
        )
