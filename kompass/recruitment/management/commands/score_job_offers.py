"""Score job offers in the EMSCAD CSV format (docs/interfaces.md §6 item 6)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kompass.recruitment.model import HIGH_FROM, MEDIUM_FROM
from kompass.recruitment.services import JobOfferFileError, score_job_offer_file


class Command(BaseCommand):
    help = (
        "Score job offers given in the EMSCAD CSV format. Uses the columns job_id (required), title, "
        "company_profile, description, requirements, benefits, salary_range, employment_type, "
        "required_experience, required_education, industry, function, telecommuting, has_company_logo, "
        "has_questions when present; other columns are ignored. Writes job_id,score,risk for every row: "
        "score is the calibrated probability that the offer is fraudulent or exploitative, risk is "
        f"low (score < {MEDIUM_FROM}), medium (< {HIGH_FROM}) or high. On bad input nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path, help="input CSV (UTF-8; gzip-compressed is accepted)")
        parser.add_argument("--out", type=Path, required=True, help="output CSV")

    def handle(self, *args, input: Path, out: Path, **options):
        try:
            count = score_job_offer_file(source=input, destination=out)
        except JobOfferFileError as error:
            raise CommandError(str(error))
        self.stdout.write(f"Scored {count} job offers into {out}.")
