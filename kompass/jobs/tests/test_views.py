"""The progress page: refreshes itself without JavaScript while the job runs; access by capability."""

import pytest
from django.core.cache import cache

from kompass.jobs.models import Job
from kompass.jobs.services import Progress


@pytest.fixture
def running(persona):
    job = Job.objects.create(kind="linkage", title="Refresh record linkage", status="running",
                             created_by=persona("coordinator"), capability="can_review_linkage")  # fmt: skip
    Progress(job)(30, "Linking cases into persons")
    yield job
    cache.clear()


@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("auditor", 404), ("org_admin_a", 404), ("caseworker_b", 404), ("anonymous", 302)],
)
def test_job_page_access(client, login, running, who, status):
    login(client, who)
    assert client.get(running.get_absolute_url()).status_code == status


def test_running_job_page_refreshes_itself_and_shows_progress(client, login, running):
    login(client, "coordinator")
    html = client.get(running.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'value="30"' in html and "Linking cases into persons" in html


def test_progress_page_in_ukrainian(client, login, running):
    login(client, "coordinator")
    html = client.get("/uk" + running.get_absolute_url()).content.decode()
    assert "Пошук справ однієї особи" in html


def test_a_file_of_an_unfinished_job_is_not_served(client, login, running):
    login(client, "coordinator")
    assert client.get(f"/jobs/{running.code}/file").status_code == 404
