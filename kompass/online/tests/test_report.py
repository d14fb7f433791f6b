"""The public report form: into the coordinator's triage with its platform; never a file."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from kompass.online import uploads
from kompass.screening.models import Report

# The smallest valid PNG (1×1 pixel): what a child might try to attach as "proof".
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
VALID = {
    "platform": "instagram",
    "platform_account": "https://www.instagram.com/example.invalid/",
    "concern": "sextortion",
    "subject": "child",
    "observations": "Він вимагає гроші, інакше надішле мої фото всьому класу.",
    "country": "UA",
    "region": "Чернівці",
}


def _url(language="en"):
    with translation.override(language):
        return reverse("online:report")


def _post(client, url, data):
    """As a browser sends a form without a file input: application/x-www-form-urlencoded."""
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


@pytest.mark.django_db
def test_a_report_in_ukrainian_reaches_the_coordinators_triage_with_its_platform(client, login):
    response = _post(client, _url("uk"), VALID)
    report = Report.objects.get()
    assert response.status_code == 302
    assert report.sector == "online" and report.platform == "instagram" and report.concern == "sextortion"
    assert report.reference.startswith("R-")
    sent = client.get(response["Location"])
    assert report.reference in sent.content.decode()

    login(client, "coordinator")
    inbox = client.get(reverse("screening:reports")).content.decode()
    assert report.reference in inbox and "Instagram" in inbox
    detail = client.get(report.get_absolute_url()).content.decode()
    assert 'id="report-platform">Instagram' in detail
    assert "https://www.instagram.com/example.invalid/" in detail


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["caseworker_a", "org_admin_b", "trainer_a", "anonymous"])
def test_only_the_coordinator_sees_the_report(client, login, who):
    _post(client, _url(), VALID)
    login(client, who)
    assert client.get(Report.objects.get().get_absolute_url()).status_code == (
        302 if who == "anonymous" else 403
    )


@pytest.mark.django_db
def test_missing_fields_show_an_error_summary_linked_to_each_field(client):
    response = _post(client, _url("ro"), {"country": "RO"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        'id="error-summary"' in html and 'href="#id_platform"' in html and 'href="#id_observations"' in html
    )
    assert html.count('id="id_platform"') == 1
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_the_form_page_has_no_file_input_and_says_why(client):
    html = client.get(_url()).content.decode()
    assert 'type="file"' not in html and "multipart" not in html
    assert "Never send images" in html


@pytest.mark.django_db
def test_a_multipart_post_with_an_image_is_refused_and_nothing_is_stored(client, settings, monkeypatch):
    def must_not_read(*args, **kwargs):
        raise AssertionError("file data was read")

    monkeypatch.setattr(uploads.SkipAllFiles, "receive_data_chunk", must_not_read)
    image = SimpleUploadedFile("proof.png", PNG, content_type="image/png")
    response = client.post(_url(), {**VALID, "evidence": image})  # the test client's default: multipart
    assert response.status_code == 400
    assert "never accepts files" in response.content.decode()
    assert Report.objects.count() == 0
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [
        ("observations", "Look: data:image/png;base64," + base64.b64encode(PNG).decode()),
        ("platform_account", "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ"),
        ("observations", base64.b64encode(PNG * 8).decode()),
    ],
)
def test_an_image_pasted_as_text_is_refused(client, field, value):
    response = _post(client, _url(), {**VALID, field: value})
    assert response.status_code == 200
    assert "never accepts files" in response.content.decode()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_the_robot_trap_field_refuses_the_report(client):
    _post(client, _url(), {**VALID, "website": "http://spam.example"})
    assert Report.objects.count() == 0
