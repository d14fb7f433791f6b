"""Error reporting: a Sentry-compatible server receives the error, without personal data."""

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.urls import path

REPO = Path(__file__).resolve().parents[3]


def crash(request, token):
    raise ValueError("duplicate key (email)=(iryna.bondar@example.org)")


urlpatterns = [path("crash/<str:token>/", crash)]


@pytest.fixture
def sentry_server():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding", "")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":
                import brotli

                body = brotli.decompress(body)
            received.append(body)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://public@127.0.0.1:{server.server_address[1]}/1", received
    server.shutdown()
    server.server_close()


SCRIPT = """
import django, sentry_sdk
django.setup()
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="kompass.ops.tests.test_errors", ALLOWED_HOSTS=["testserver"]):
    client = Client(raise_request_exception=False)
    response = client.get("/crash/secret-token/?email=iryna.bondar@example.org", HTTP_X_REQUEST_ID="77aa",
                          HTTP_COOKIE="sessionid=abc123", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 500, response.status_code
sentry_sdk.flush(timeout=5)
"""


def test_with_a_dsn_an_error_reaches_the_server_without_personal_data(sentry_server, tmp_path):
    # In a separate process: the Sentry SDK patches Django for the life of the process.
    dsn, received = sentry_server
    env = {**os.environ, "KOMPASS_SENTRY_DSN": dsn, "KOMPASS_ENVIRONMENT": "test", "KOMPASS_DEBUG": "1",
           "KOMPASS_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "kompass.settings"}  # fmt: skip
    subprocess.run([sys.executable, "-c", SCRIPT], env=env, check=True, cwd=REPO, capture_output=True)
    envelope = b"\n".join(received).decode()
    events = [
        json.loads(line) for line in envelope.splitlines() if line.startswith("{") and '"exception"' in line
    ]
    assert len(events) == 1
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "ValueError"
    assert event["environment"] == "test"
    assert event["tags"]["request_id"] == "77aa"
    assert event["request"]["url"] == "/crash/{token}/"
    for secret in ("iryna", "secret-token", "abc123", "203.0.113.7"):
        assert secret not in envelope


def test_without_a_dsn_nothing_is_loaded(tmp_path):
    code = "import django, sys; django.setup(); print('sentry_sdk' in sys.modules)"
    env = {
        **os.environ,
        "KOMPASS_DEBUG": "1",
        "KOMPASS_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kompass.settings",
    }
    env.pop("KOMPASS_SENTRY_DSN", None)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, cwd=REPO, capture_output=True, text=True
    )
    assert done.stdout.strip() == "False"
