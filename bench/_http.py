"""Shared tools for HTTP benchmarks: a production-like Kompass under gunicorn, nginx as the static
ceiling, and wrk as the load generator (all on loopback, bounded in time).

Usage from a benchmark script:
    with kompass_server() as server:          # migrated temp SQLite, collected static files
        server.run_python("...")              # set up data inside the server's environment
        print(wrk(server.url + "/", seconds=8))
"""

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (loopback only)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


@dataclass
class Server:
    url: str
    env: dict
    workdir: Path

    def run_python(self, code: str) -> str:
        """Run Django code in the server's environment; returns its stdout."""
        script = "import django; django.setup()\n" + textwrap.dedent(code)
        done = subprocess.run(
            [PYTHON, "-c", script], env=self.env, cwd=REPO, capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise RuntimeError(done.stderr)
        return done.stdout

    def manage(self, *args: str) -> None:
        subprocess.run(
            [PYTHON, "manage.py", *args], env=self.env, cwd=REPO, check=True, stdout=subprocess.DEVNULL
        )


def production_env(workdir: Path, **extra: str) -> dict:
    env = dict(os.environ)
    for name in ("KOMPASS_DEBUG", "KOMPASS_DEMO", "DATABASE_URL"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kompass.settings",
            "KOMPASS_SECRET_KEY": secrets.token_urlsafe(50),
            "KOMPASS_FIELD_ENCRYPTION_KEYS": "ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE=",
            "KOMPASS_LINKAGE_SECRET": "bench",
            "KOMPASS_VAR_DIR": str(workdir),
            "KOMPASS_SSL_REDIRECT": "0",
            "KOMPASS_HSTS_SECONDS": "0",
            "KOMPASS_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "KOMPASS_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    env.update(extra)
    return env


@contextlib.contextmanager
def kompass_server(workers: int = 2, setup: str = "", **extra_env: str):
    """A migrated Kompass served by gunicorn with production settings on a loopback port."""
    workdir = Path(tempfile.mkdtemp(prefix="kompass-bench-"))
    env = production_env(workdir, **extra_env)
    server = Server(url="", env=env, workdir=workdir)
    server.manage("migrate", "--no-input", "-v0")
    server.manage("collectstatic", "--no-input", "-v0")
    if setup:
        server.run_python(setup)
    port = free_port()
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "kompass.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=REPO,
    )
    server.url = f"http://127.0.0.1:{port}"
    try:
        wait_for(server.url + "/")
        yield server
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def nginx_static(files: dict[str, bytes]):
    """nginx serving `files` (path → bytes) as static files: the ceiling for an HTML page."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    workdir = Path(tempfile.mkdtemp(prefix="kompass-nginx-"))
    workdir.chmod(0o755)  # nginx workers run as an unprivileged user
    root = workdir / "root"
    for path, content in files.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    port = free_port()
    (workdir / "nginx.conf").write_text(f"""
worker_processes 2; daemon off; pid {workdir}/nginx.pid; error_log {workdir}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off; default_type text/html;
  client_body_temp_path {workdir}/tmp; proxy_temp_path {workdir}/tmp; fastcgi_temp_path {workdir}/tmp;
  uwsgi_temp_path {workdir}/tmp; scgi_temp_path {workdir}/tmp;
  server {{ listen 127.0.0.1:{port}; root {root}; location / {{ try_files $uri $uri/index.html =404; }}
            error_page 405 =200 $uri; }}
}}""")
    proc = subprocess.Popen([nginx, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)])
    try:
        wait_for(f"http://127.0.0.1:{port}/" + next(iter(files)).lstrip("/"))
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


_WRK_SCRIPT = """
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body and body ~= "" then wrk.body = body end
local headers = os.getenv("WRK_HEADERS")
if headers and headers ~= "" then
  for line in string.gmatch(headers, "[^\\n]+") do
    local k, v = string.match(line, "^([^:]+):%s*(.*)$")
    wrk.headers[k] = v
  end
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("KOMPASS %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), errors))
end
"""


def wrk(
    url: str,
    *,
    seconds: int = 8,
    connections: int = 16,
    threads: int = 2,
    method: str = "GET",
    body: str = "",
    headers: dict[str, str] | None = None,
) -> dict:
    """Load `url` for `seconds`; requests/s, p50 and p95 latency (ms) and error count."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT)
    env = dict(
        os.environ,
        WRK_METHOD=method,
        WRK_BODY=body,
        WRK_HEADERS="\n".join(f"{k}: {v}" for k, v in (headers or {}).items()),
    )
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            url,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(row for row in out.splitlines() if row.startswith("KOMPASS "))
    requests, duration_us, p50, p95, errors = (int(x) for x in line.split()[1:])
    return {
        "rps": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "requests": requests,
        "errors": errors,
    }


def fetch(url: str, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback only)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read()


def print_table(title: str, rows: list[tuple[str, dict]], ceiling: dict | None = None) -> None:
    print(f"\n{title}")
    print(f"{'target':<44} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'of ceiling':>11}")
    for name, r in rows:
        ratio = f"{r['rps'] / ceiling['rps']:.3f}" if ceiling else ""
        print(
            f"{name:<44} {r['rps']:>9.0f} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} {r['errors']:>7} {ratio:>11}"
        )


def dump_json(name: str, data) -> None:
    out = REPO / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(data, indent=2))
