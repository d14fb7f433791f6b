"""run_job: claimed, run and marked done in one go; a second delivery never runs the work again."""

import pytest
from django.core.exceptions import ValidationError

from kompass.jobs.models import Job
from kompass.jobs.services import progress_of, run_job


@pytest.fixture
def job(db):
    return Job.objects.create(kind="test", title="Test job")


def test_work_runs_once_and_the_result_is_kept(job):
    calls = []

    def work(job, progress):
        calls.append(job.pk)
        progress(50, "Halfway")
        return {"summary": "Done: %(n)s", "values": {"n": 3}}

    run_job(str(job.code), work)
    run_job(str(job.code), work)  # delivered again (a worker died after the commit)
    job.refresh_from_db()
    assert calls == [job.pk]
    assert job.status == "done" and job.attempts == 1 and job.finished_at is not None
    assert job.result["values"] == {"n": 3}
    assert progress_of(job)["percent"] == 100


def test_progress_is_visible_while_the_job_runs(job):
    seen = {}

    def work(job, progress):
        progress(40, "Linking cases into persons")
        seen.update(progress_of(Job.objects.get(pk=job.pk)))
        return {}

    run_job(str(job.code), work)
    assert seen == {"percent": 40, "step": "Linking cases into persons"}


def test_a_failure_without_a_broker_marks_the_job_failed_with_a_safe_message(job):
    def work(job, progress):
        raise RuntimeError("secret details of Iryna Bondar")

    run_job(str(job.code), work)
    job.refresh_from_db()
    assert job.status == "failed" and job.error == "RuntimeError"


def test_validation_messages_are_shown(job):
    def work(job, progress):
        raise ValidationError("KOMPASS_LINKAGE_SECRET is not set")

    run_job(str(job.code), work)
    job.refresh_from_db()
    assert job.error == "KOMPASS_LINKAGE_SECRET is not set"


def test_work_rolls_back_when_it_fails(job):
    def work(job, progress):
        Job.objects.create(kind="written-by-the-work", title="x")
        raise RuntimeError

    run_job(str(job.code), work)
    assert not Job.objects.filter(kind="written-by-the-work").exists()


def test_a_job_delivered_too_often_gives_up(job):
    Job.objects.filter(pk=job.pk).update(attempts=3, status="running")  # three workers died on it
    run_job(str(job.code), lambda job, progress: pytest.fail("must not run again"), max_attempts=3)
    job.refresh_from_db()
    assert job.status == "failed" and "3 attempts" in job.error


def test_unknown_job_is_ignored(db):
    assert run_job("00000000-0000-0000-0000-000000000000", lambda j, p: {}) is None
