"""Start a job, run it exactly once to the end, and report its progress."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kompass.audit.services import record_event
from kompass.jobs.models import Job
from kompass.ops.queue import runs_in_process

logger = logging.getLogger("kompass.jobs")
PROGRESS_TTL = 24 * 3600


def _progress_key(code) -> str:
    return f"kompass:job:{code}:progress"


class Progress:
    """`progress(40, gettext_noop("Linking cases"))`: how far a running job is, for its page."""

    def __init__(self, job: Job):
        self.key = _progress_key(job.code)

    def __call__(self, percent: int, step: str) -> None:
        cache.set(self.key, {"percent": max(0, min(100, int(percent))), "step": step}, PROGRESS_TTL)


def progress_of(job: Job) -> dict:
    """{"percent", "step"} of a job (100 and the last step once it is over)."""
    if job.status == Job.Status.DONE:
        return {"percent": 100, "step": job.step}
    return cache.get(_progress_key(job.code)) or {"percent": 0, "step": job.step}


@transaction.atomic
def start_job(*, kind: str, title: str, task, by, params: dict | None = None, capability: str = "") -> Job:
    """Create the job and send its task once the transaction commits.

    `task` is an actor taking the job's code. While a job of the same kind and parameters waits or
    runs, asking again returns that job (a second click does not start a second linkage run).
    """
    params = params or {}
    running = (
        Job.objects.select_for_update()
        .filter(kind=kind, params=params, status__in=[Job.Status.QUEUED, Job.Status.RUNNING])
        .first()
    )
    if running is not None:
        return running
    job = Job(kind=kind, title=title, params=params, created_by=by, capability=capability)
    job.full_clean()
    job.save()
    record_event(actor=by, action="job_started", detail={"kind": kind, "job": str(job.code), **params})
    transaction.on_commit(lambda: task.send(str(job.code)))
    return job


def _safe_error(exc: Exception) -> str:
    # What the page shows of a failure: our own validation messages, else only the kind of error
    # (an exception's text may quote data).
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)[:300]
    return type(exc).__name__


def _finish(job: Job, **fields) -> None:
    fields.setdefault("finished_at", timezone.now())
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def run_job(code: str, work: Callable[[Job, Progress], dict], *, max_attempts: int = 3) -> Job | None:
    """Run `work(job, progress)` for the job `code`, once.

    A delivery of a job that is over does nothing, so a message delivered again (its worker died
    after the commit, or it was requeued twice) never runs the work a second time. The work and the
    "done" mark commit in one transaction: a worker killed midway leaves nothing half-written, and
    the requeued message starts afresh. Failures are retried by the queue until `max_attempts`
    deliveries (kills included); then, or at once without a broker, the job is marked failed.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(code=code).first()
        if job is None or job.is_over:
            return job
        job.attempts += 1
        job.status = Job.Status.RUNNING
        job.started_at = job.started_at or timezone.now()
        job.save(update_fields=["attempts", "status", "started_at"])
    if job.attempts > max_attempts:
        _finish(job, status=Job.Status.FAILED, error=f"gave up after {max_attempts} attempts")
        return job
    try:
        with transaction.atomic():
            # A second delivery of the same job waits here while the first works, then sees it done.
            job = Job.objects.select_for_update().get(pk=job.pk)
            if job.is_over:
                return job
            result = work(job, Progress(job))
            _finish(job, status=Job.Status.DONE, result=result or {}, error="")
    except Exception as exc:
        logger.exception(
            "job failed", extra={"job": str(job.code), "kind": job.kind, "attempt": job.attempts}
        )
        last = job.attempts >= max_attempts or runs_in_process()
        if last:
            _finish(job, status=Job.Status.FAILED, error=_safe_error(exc))
            return job
        Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, error=_safe_error(exc))
        raise  # the queue retries it after a backoff
    return job
