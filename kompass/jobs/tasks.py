"""Clearing out old jobs."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kompass.ops.queue import actor

JOB_RETENTION_DAYS = 7


@actor(max_retries=0)
def purge_old_jobs() -> int:
    """Finished jobs and their files go after a week (a report PDF can be made again)."""
    from kompass.jobs.models import Job

    cutoff = timezone.now() - datetime.timedelta(days=JOB_RETENTION_DAYS)
    old = list(Job.objects.filter(finished_at__lt=cutoff))
    for job in old:
        if job.file:
            job.file.delete(save=False)
    Job.objects.filter(pk__in=[j.pk for j in old]).delete()
    return len(old)
