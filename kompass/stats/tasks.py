"""Background work of the statistics: linkage runs and report PDFs (jobs with a progress page)."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from kompass.jobs.services import run_job
from kompass.ops.queue import actor

LINKAGE_JOB = "linkage"
REPORT_PDF_JOB = "stats_report_pdf"


def _linkage(job, progress) -> dict:
    from kompass.stats.services import refresh_linkage

    run = refresh_linkage(by=job.created_by, progress=progress)
    return {
        "summary": gettext_noop(
            "Linkage refreshed: %(cases)s cases, %(persons)s persons, %(review)s pairs to review."
        ),
        "values": {"cases": run.cases, "persons": run.persons, "review": run.review_pending},
        "next": "stats:review",
    }


# Long: a linkage run over every case. A worker killed midway rolls its transaction back; the
# message is requeued (heartbeat) and the run starts afresh, and run_job makes it finish once.
@actor(queue_name="long", max_retries=2, time_limit=4 * 3600 * 1000)
def linkage_job(job_code: str) -> None:
    run_job(job_code, _linkage, max_attempts=3)


@actor(queue_name="long", max_retries=2, time_limit=4 * 3600 * 1000)
def refresh_linkage() -> None:
    """Nightly: bring the person clusters up to date when anything changed."""
    from kompass.stats.services import ensure_linkage_current

    ensure_linkage_current()


def _report_pdf(job, progress) -> dict:
    from django.core.files.base import ContentFile

    from kompass.stats.exports import report_pdf

    progress(10, gettext_noop("Counting persons"))
    pdf, filename = report_pdf(**job.params, progress=progress)
    job.file.save(f"{job.code}.pdf", ContentFile(pdf), save=False)
    job.save(update_fields=["file"])
    return {
        "summary": gettext_noop("The report is ready."),
        "filename": filename,
        "content_type": "application/pdf",
        "next": "stats:report",
    }


@actor(queue_name="long", max_retries=2, time_limit=3600 * 1000)
def report_pdf_job(job_code: str) -> None:
    run_job(job_code, _report_pdf, max_attempts=3)
