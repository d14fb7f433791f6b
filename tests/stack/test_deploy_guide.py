"""docs/deploy.md, followed literally on loopback: an empty database → a running stack → the first
coordinator, who sets a password through nginx.

Every `sh` block marked `<!-- step -->` runs, in order, in one bash shell. The first block (the
names) gets the test's values instead: its own database, files under a temporary folder, loopback
ports. The code is this checkout (built by `make build`, a superset of `make install`). The
services block (`<!-- services -->`) is what systemd would do: the test starts each unit's
ExecStart with its EnvironmentFile. On the test machine Python lives under /root, which the
kompass user cannot enter, so what the guide runs as kompass runs as root here (a `runuser` shim
passes `-u postgres` on to the real one).
"""

import configparser
import grp
import os
import pwd
import re
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.stack.stack import REPO, Stack, https_get, self_signed, wait_port

pytestmark = pytest.mark.stack
GUIDE = REPO / "docs" / "deploy.md"
DB = "kompass_service_deploy"
HTTP, HTTPS, APP = 8163, 8164, 8165


def _blocks(marker: str) -> list[str]:
    text = GUIDE.read_text()
    return re.findall(rf"<!-- {marker} -->\n```sh\n(.*?)```", text, re.S)


def _unit(name: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(REPO / "deploy" / "systemd" / name)
    return parser["Service"]


@pytest.fixture
def machine():
    """What step 2 asks of the server: a kompass user; PostgreSQL without this database yet.

    The folder is a fresh one under /tmp, not pytest's tmp_path: nginx's workers run as `nobody`
    and cannot enter pytest's private (0700) base folder, so every cache lookup answered 500.
    """
    try:
        grp.getgrnam("kompass")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "kompass"], check=True
        )
    drop = f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE); DROP ROLE IF EXISTS "{DB}";'
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c", drop.split(";")[0]], check=True)
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c", drop.split(";")[1]], check=True)
    root = Path(tempfile.mkdtemp(prefix="kompass-deploy-"))
    root.chmod(0o755)
    yield root
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c", drop.split(";")[0]], check=False)
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c", drop.split(";")[1]], check=False)
    shutil.rmtree(root, ignore_errors=True)


def test_the_deploy_guide_brings_up_a_coalition_from_an_empty_database(machine):
    tls = machine / "tls"
    tls.mkdir()
    cert, key = self_signed(tls)
    cert.rename(tls / "fullchain.pem")
    key.rename(tls / "privkey.pem")
    names = f"""
export KOMPASS_ROOT={REPO} KOMPASS_ENV_FILE={machine}/etc/kompass.env
export KOMPASS_DOMAIN=127.0.0.1 KOMPASS_DB={DB}
export KOMPASS_TLS_DIR={tls} KOMPASS_NGINX_SITE={machine}/kompass-site.conf KOMPASS_CACHE_DIR={machine}/cache
export KOMPASS_HTTP_LISTEN=127.0.0.1:{HTTP} KOMPASS_HTTPS_LISTEN=127.0.0.1:{HTTPS}
export KOMPASS_APP_SERVERS="server 127.0.0.1:{APP};"
"""
    steps = _blocks("step")
    assert len(steps) >= 8 and "KOMPASS_ROOT=/srv/kompass" in steps[0]
    # Settings an operator edits by hand (step 4 says so): this machine's Redis database and ports.
    edits = (f'sed -i -e "s|^REDIS_URL=.*|REDIS_URL=redis://127.0.0.1:6379/8|" '
             f'-e "s|^KOMPASS_BROKER_URL=.*|KOMPASS_BROKER_URL=redis://127.0.0.1:6379/8|" '
             f'-e "s|^KOMPASS_EMAIL_BACKEND=.*|KOMPASS_EMAIL_BACKEND=|" '
             # HTTPS on a test port, not 443: the browser's origin carries the port.
             f'-e "s|^KOMPASS_CSRF_TRUSTED_ORIGINS=.*|KOMPASS_CSRF_TRUSTED_ORIGINS=https://127.0.0.1:{HTTPS}|" '
             f'"$KOMPASS_ENV_FILE"\n'
             f'echo "KOMPASS_BIND=127.0.0.1:{APP}" >> "$KOMPASS_ENV_FILE"\n')  # fmt: skip
    script = "set -euo pipefail\n" + names
    for step in steps[1:]:
        script += step
        if "KOMPASS_BACKUP_RECIPIENTS" in step:
            script += edits
    shims = machine / "bin"
    shims.mkdir()
    (shims / "runuser").write_text(
        '#!/bin/sh\nif [ "$1" = "-u" ] && [ "$2" = "kompass" ] && [ "$3" = "--" ]; then shift 3; exec "$@"; fi\n'
        'exec /usr/sbin/runuser "$@"\n'
    )
    (shims / "runuser").chmod(0o755)
    path = f"{shims}:{os.environ['PATH']}"
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("KOMPASS_", "DATABASE_URL", "REDIS_URL"))
    }
    done = subprocess.run(["bash", "-c", script], env={**clean, "HOME": str(machine), "PATH": path}, cwd=REPO,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    link = re.search(r"https?://\S+/invitation/\S+", done.stdout).group(0)

    # Step 6, as systemd would: the web unit (the worker and scheduler start the same way).
    env = dict(line.split("=", 1) for line in (machine / "etc" / "kompass.env").read_text().splitlines()
               if line and not line.startswith("#"))  # fmt: skip
    web = _unit("kompass-web.service")
    assert web["User"] == "kompass" and "kompass" in [
        g.gr_name for g in grp.getgrall() if g.gr_gid == pwd.getpwnam("kompass").pw_gid
    ]
    argv = shlex.split(web["ExecStart"].replace("/srv/kompass", str(REPO)))
    stack = Stack(
        root=machine, env={**{k: v for k, v in os.environ.items() if not k.startswith("KOMPASS_")}, **env}
    )
    try:
        stack.spawn("web", argv)  # as root, see the module's docstring
        wait_port(APP)
        (machine / "nginx").mkdir()
        (machine / "cache").mkdir(exist_ok=True)
        for folder in (machine / "nginx", machine / "cache"):
            folder.chmod(0o777)
        (machine / "nginx" / "nginx.conf").write_text(
            f"daemon off; pid {machine}/nginx/nginx.pid; error_log {machine}/nginx/error.log; events {{}}\n"
            f"http {{ include /etc/nginx/mime.types; access_log off; client_body_temp_path {machine}/nginx;"
            f" proxy_temp_path {machine}/nginx; fastcgi_temp_path {machine}/nginx; uwsgi_temp_path {machine}/nginx;"
            f" scgi_temp_path {machine}/nginx; include {machine}/kompass-site.conf; }}\n"
        )
        stack.spawn(
            "nginx", ["nginx", "-p", str(machine / "nginx"), "-c", str(machine / "nginx" / "nginx.conf")]
        )
        wait_port(HTTPS)
        base = f"https://127.0.0.1:{HTTPS}"
        deadline = time.monotonic() + 30
        while (ready := https_get(base + "/readyz"))[0] != 200 and time.monotonic() < deadline:
            time.sleep(1)
        assert ready[0] == 200, ready[2]
        # The coordinator opens the printed link through nginx and sets a password.
        path = "/" + link.split("://", 1)[1].split("/", 1)[1]
        status, headers, body = https_get(base + path)
        assert status == 200 and b"password" in body.lower()
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        cookie = "; ".join(c.split(";")[0] for c in [headers.get("Set-Cookie", "")] if c)
        import ssl
        import urllib.parse
        import urllib.request

        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "new_password1": "first-coordinator-pass-7",
                                       "new_password2": "first-coordinator-pass-7"}).encode()  # fmt: skip
        request = urllib.request.Request(
            base + path, data=form, headers={"Cookie": cookie, "Referer": base + path}
        )  # noqa: S310
        opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))
        with opener.open(request, timeout=30) as response:  # follows the redirect to the login page
            assert response.status == 200
        check = subprocess.run(["deploy/manage.sh", "shell", "-c",
                                "from kompass.accounts.models import User; u = User.objects.get(); "
                                "print(u.check_password('first-coordinator-pass-7'), u.memberships.get().role)"],
                               env={**clean, "KOMPASS_ENV_FILE": str(machine / "etc" / "kompass.env")}, cwd=REPO,
                               capture_output=True, text=True, check=True)  # fmt: skip
        assert check.stdout.split()[-2:] == ["True", "coordinator"]
    finally:
        stack.close()
