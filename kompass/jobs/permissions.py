from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404

from kompass.jobs.models import Job
from kompass.organisations.models import Membership


def get_job_for_user(user, membership: Membership | None, code: UUID) -> Job:
    """A job its creator, or anyone with the job's capability, may follow; 404 for everyone else."""
    job = get_object_or_404(Job, code=code)
    if job.created_by_id == user.pk:
        return job
    if membership is not None and job.capability and getattr(membership, job.capability, False) is True:
        return job
    raise Http404
