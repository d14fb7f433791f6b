"""POST /api/v1/online/reports: JSON only, the form's validation, never a file."""

import base64
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kompass.screening.models import Report

URL = "/api/v1/online/reports"
BODY = {
    "platform": "tiktok",
    "platform_account": "@example.invalid",
    "concern": "grooming",
    "subject": "child",
    "observations": "Un bărbat îi cere fiicei mele poze și vrea să se vadă cu ea.",
    "country": "MD",
}
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _post(client, body, **extra):
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


@pytest.mark.django_db
def test_a_json_report_is_created_in_the_triage(client):
    response = _post(client, BODY)
    assert response.status_code == 201
    report = Report.objects.get()
    assert response.json() == {"reference": report.reference, "code": str(report.code)}
    assert report.sector == "online" and report.platform == "tiktok" and report.country == "MD"


@pytest.mark.django_db
def test_multipart_is_refused_with_415_and_nothing_is_stored(client, settings):
    image = SimpleUploadedFile("proof.png", PNG, content_type="image/png")
    response = client.post(URL, {**BODY, "file": image})
    assert response.status_code == 415
    assert set(response.json()) == {"error", "errors"}
    assert Report.objects.count() == 0
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, field",
    [
        ({"observations": "data:image/png;base64," + base64.b64encode(PNG).decode()}, "observations"),
        ({"attachment": base64.b64encode(PNG).decode()}, "attachment"),
        ({"image": {"data": "x"}}, "image"),
        ({"observations": ["a list"]}, "observations"),
        ({"platform": "myspace"}, "platform"),
        ({"country": "FR"}, "country"),
    ],
)
def test_bad_bodies_are_400_with_the_error_shape(client, change, field):
    response = _post(client, {**BODY, **change})
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405
