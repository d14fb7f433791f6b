"""Recorded voices: an organisation's recording replaces a synthetic clip; staff only, validated, audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kompass.audit.models import AuditEvent
from kompass.screening import worker
from kompass.screening.models import WorkerRecording

pytestmark = pytest.mark.django_db

# A tiny but real MP3 frame header followed by padding is enough for the type check; the browser
# test plays real files.
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400


@pytest.fixture(autouse=True)
def _assets(worker_assets):
    pass


def upload(client, *, data=MP3, name="q.mp3", clip="q_documents", language="ne"):
    return client.post(
        reverse("screening:worker_voices"),
        {
            "language": language,
            "clip": clip,
            "file": SimpleUploadedFile(name, data, content_type="audio/mpeg"),
        },
    )


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("org_admin_a", 200),
        ("coordinator", 200),
        ("caseworker_a", 403),
        ("frontline_a", 403),
        ("auditor", 403),
        ("anonymous", 302),
    ],
)
def test_voices_page_access(client, login, name, status):
    login(client, name)
    assert client.get(reverse("screening:worker_voices"), {"language": "si"}).status_code == status


def test_voices_page_names_its_capability():
    from kompass.screening.views import worker_voices

    assert worker_voices.voices.capability == "can_record_worker_voices"
    assert worker_voices.voice_withdraw.capability == "can_record_worker_voices"


def test_a_recording_replaces_the_synthetic_clip_and_is_audited(client, login, org_a):
    user = login(client, "org_admin_a")
    response = upload(client)
    assert response.status_code == 302
    recording = WorkerRecording.objects.get()
    assert (recording.organisation, recording.language, recording.clip) == (org_a, "ne", "q_documents")
    event = AuditEvent.objects.get(action="worker_recording_added")
    assert event.actor == user and event.organisation == org_a
    # The worker's page now plays the recording; it is public (the worker's phone has no account).
    client.logout()
    intro = client.get(
        "/screening/worker/",
        {"setting": "labour_inspection", "language": "ne", "subject": "adult", "country": "RO"},
    )
    page = client.get(intro["Location"]).content.decode()
    assert recording.get_absolute_url() in page
    assert worker.audio_path(worker.languages()["ne"], "q_documents") not in page
    played = client.get(recording.get_absolute_url())
    assert played.status_code == 200 and played["Content-Type"] == "audio/mpeg"
    assert b"".join(played.streaming_content).startswith(b"ID3")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"<html>not audio</html>", "q.mp3", "This is not an MP3, Ogg or WAV audio file."),
        (b"", "q.mp3", "The submitted file is empty."),
        (b"ID3" + b"\x00" * 1_000_001, "q.mp3", "The recording is larger than 1 MB"),
    ],
)
def test_bad_files_are_refused_with_a_message(client, login, data, name, message):
    login(client, "org_admin_a")
    response = upload(client, data=data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert WorkerRecording.objects.count() == 0


def test_unknown_clip_is_refused(client, login):
    login(client, "org_admin_a")
    response = upload(client, clip="q_not_a_question")
    assert response.status_code == 400 and WorkerRecording.objects.count() == 0


def test_withdraw_own_recording_only(client, login):
    login(client, "org_admin_a")
    upload(client)
    recording = WorkerRecording.objects.get()
    login(client, "org_admin_b")
    url = reverse("screening:worker_voice_withdraw", kwargs={"code": recording.code})
    assert client.post(url).status_code == 404
    login(client, "org_admin_a")
    assert client.post(url).status_code == 302
    recording.refresh_from_db()
    assert not recording.is_active
    assert AuditEvent.objects.filter(action="worker_recording_withdrawn").count() == 1
    assert client.get(recording.get_absolute_url()).status_code == 404
