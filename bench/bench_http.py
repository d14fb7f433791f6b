"""Public home page and a logged-in dashboard under gunicorn, beside nginx serving the same HTML.

Prints requests/s and p95 latency for each, and the ratio of each to the static ceiling.
Run: `make bench` or `.venv/bin/python bench/bench_http.py [--seconds N]`.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _http import dump_json, fetch, kompass_server, nginx_static, print_table, wrk  # noqa: E402

SETUP = """
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from kompass.accounts.models import User
from kompass.organisations.models import Membership, Organisation
org = Organisation.objects.create(name="Bench NGO", country="RO", city="Iași")
user = User.objects.create_user("bench@example.org", "bench-password-123456")
Membership.objects.create(user=user, organisation=org, role="caseworker")
device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.set_expiry(3600)
session.save()
print(session.session_key)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    with kompass_server() as server:
        session_key = server.run_python(SETUP).strip()
        cookie = {"Cookie": f"sessionid={session_key}"}
        home_html = fetch(server.url + "/")
        dashboard_html = fetch(server.url + "/staff/", cookie)
        assert b"<h1>" in dashboard_html, "the dashboard did not render for the bench session"
        home = wrk(server.url + "/", seconds=args.seconds)
        dashboard = wrk(server.url + "/staff/", seconds=args.seconds, headers=cookie)
    with nginx_static({"/home.html": home_html, "/dashboard.html": dashboard_html}) as static_url:
        ceiling_home = wrk(static_url + "/home.html", seconds=args.seconds)
        ceiling_dashboard = wrk(static_url + "/dashboard.html", seconds=args.seconds)
    print_table(
        "Public home page (gunicorn, 2 workers) vs nginx static copy",
        [("nginx static home.html (ceiling)", ceiling_home), ("gunicorn GET /", home)],
        ceiling_home,
    )
    print_table(
        "Logged-in dashboard vs nginx static copy",
        [("nginx static dashboard.html (ceiling)", ceiling_dashboard), ("gunicorn GET /staff/", dashboard)],
        ceiling_dashboard,
    )
    print(f"\nhome page bytes: {len(home_html)}; dashboard bytes: {len(dashboard_html)}")
    dump_json(
        "http",
        {
            "home": home,
            "dashboard": dashboard,
            "ceiling_home": ceiling_home,
            "ceiling_dashboard": ceiling_dashboard,
        },
    )


if __name__ == "__main__":
    main()
