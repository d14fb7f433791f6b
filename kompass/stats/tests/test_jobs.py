"""The linkage refresh and the report PDF run as jobs: the page starts one and shows its progress."""

import datetime

import pytest
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.jobs.models import Job
from kompass.stats.models import LinkageRun


def test_refresh_starts_a_job_and_its_page_shows_the_result(
    client, login, orgs, make_case, django_capture_on_commit_callbacks
):
    make_case(orgs["a"], identity={"given_name": "Iryna", "surname": "Bondar"})
    make_case(orgs["b"], identity={"given_name": "Iryna", "surname": "Bondar"})
    login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stats:refresh"))
    job = Job.objects.get(kind="linkage")
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    # No broker in tests: the task ran in-process once the job was committed.
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 1
    assert LinkageRun.objects.count() == 1
    page = client.get(job.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "2 cases" in html and 'http-equiv="refresh"' not in html
    assert reverse("stats:review") in html
    assert AuditEvent.objects.filter(action="job_started").count() == 1


def test_refresh_is_started_once_while_a_run_waits(client, login):
    login(client, "coordinator")
    first = client.post(reverse("stats:refresh"))  # on_commit not run: the job stays queued
    second = client.post(reverse("stats:refresh"))
    assert first["Location"] == second["Location"]
    assert Job.objects.filter(kind="linkage").count() == 1


def test_refresh_without_a_linkage_secret_fails_with_the_reason(
    client, login, settings, django_capture_on_commit_callbacks
):
    settings.LINKAGE_SECRET = ""
    login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("stats:refresh"))
    job = Job.objects.get(kind="linkage")
    assert job.status == "failed" and "KOMPASS_LINKAGE_SECRET" in job.error
    assert "KOMPASS_LINKAGE_SECRET" in client.get(job.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("who", "status"), [("auditor", 403), ("caseworker_a", 403), ("anonymous", 302)])
def test_only_the_coordinator_refreshes(client, login, who, status):
    login(client, who)
    assert client.post(reverse("stats:refresh")).status_code == status
    assert not Job.objects.exists()


def test_report_pdf_is_made_by_a_job_and_downloaded(
    client, login, orgs, make_case, django_capture_on_commit_callbacks
):
    for _ in range(6):
        make_case(orgs["a"], identified_on=datetime.date(2025, 3, 1))
    login(client, "auditor")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("stats:download", args=["pdf"]) + "?year=2025&country=ROU")
    job = Job.objects.get(kind="stats_report_pdf")
    assert response["Location"] == job.get_absolute_url()
    assert job.params == {"year": 2025, "country": "ROU", "epsilon": None, "language": "en"}
    page = client.get(job.get_absolute_url()).content.decode()
    download = reverse("jobs:download", args=[job.code])
    assert download in page
    pdf = client.get(download)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # Reading the stream to its end closes the file and ends the request, as a WSGI server does;
    # an extra response.close() would send request_finished again and drop the test's connection.
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert 'filename="nrm-report-ROU-2025.pdf"' in pdf["Content-Disposition"]
    # Any statistics role may fetch the report; others do not learn the job exists.
    login(client, "coordinator")
    again = client.get(download)
    assert again.status_code == 200
    assert b"".join(again.streaming_content).startswith(b"%PDF")
    login(client, "caseworker_a")
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(download).status_code == 404


def test_report_pdf_in_the_viewers_language(
    client, login, orgs, make_case, django_capture_on_commit_callbacks
):
    login(client, "coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/uk" + reverse("stats:download", args=["pdf"]) + "?year=2025")
    job = Job.objects.get(kind="stats_report_pdf")
    assert job.params["language"] == "uk" and job.status == "done"
    page = client.get(f"/uk/jobs/{job.code}/").content.decode()
    assert "Річний звіт у PDF" in page
