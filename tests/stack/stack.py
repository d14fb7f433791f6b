"""The production stack on loopback, started the way deploy/ starts it.

PostgreSQL (a private cluster with deploy/postgresql/kompass.conf), Redis (deploy/redis/kompass.conf),
gunicorn nodes (deploy/gunicorn.conf.py), a Dramatiq worker (manage.py run_worker) and nginx with
deploy/nginx/kompass.conf.template rendered by envsubst — each an unprivileged process on the ports
8150-8169 with its files under one temporary folder, stopped at the end.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PG_BIN = (
    Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])
    if Path("/usr/lib/postgresql").exists()
    else None
)
PORTS = {"http": 8150, "https": 8151, "node1": 8153, "node2": 8154, "redis": 8161, "postgres": 8162}


def wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))  # fmt: skip
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))  # fmt: skip
    return folder / "cert.pem", folder / "key.pem"


def render_nginx(values: dict[str, str]) -> str:
    """deploy/nginx/kompass.conf.template through envsubst, with the variable list its header names."""
    template = (REPO / "deploy" / "nginx" / "kompass.conf.template").read_text()
    names = " ".join(
        v for v in re.search(r"envsubst '([^']+)'", template).group(1).split() if v.startswith("$")
    )
    return subprocess.run(["envsubst", names], input=template, env={**os.environ, **values}, text=True,
                          capture_output=True, check=True).stdout  # fmt: skip


@dataclass
class Stack:
    root: Path
    env: dict
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: dict[str, Path] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{PORTS['https']}"

    def spawn(self, name: str, argv: list[str], env: dict | None = None, **kwargs) -> subprocess.Popen:
        log = self.root / f"{name}.log"
        self.logs[name] = log
        with log.open("ab") as out:  # the child keeps its own copy of the descriptor
            proc = subprocess.Popen(argv, env=env or self.env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True, **kwargs)  # fmt: skip
        self.processes[name] = proc
        return proc

    def stop(self, name: str, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        proc = self.processes.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)  # the process and the children it started (its own session)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def manage(self, *args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([PYTHON, "manage.py", *args], env=env or self.env, cwd=REPO, capture_output=True,
                              text=True, check=False)  # fmt: skip
        if check and done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def python(self, code: str) -> str:
        done = subprocess.run([PYTHON, "-c", "import django; django.setup()\n" + code], env=self.env, cwd=REPO,
                              capture_output=True, text=True, check=False)  # fmt: skip
        if done.returncode:
            raise RuntimeError(done.stderr[-3000:])
        return done.stdout

    # --- the parts ---------------------------------------------------------------------------

    def start_postgres(self) -> None:
        data = self.root / "pgdata"
        data.mkdir()
        shutil.chown(data, "postgres") if os.geteuid() == 0 else None
        as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_pg, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                       check=True, capture_output=True)  # fmt: skip
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(f"\ninclude '{REPO / 'deploy' / 'postgresql' / 'kompass.conf'}'\n"
                       f"port = {PORTS['postgres']}\nunix_socket_directories = '{data}'\n"
                       "shared_buffers = 128MB\nfsync = off\n")  # fmt: skip
        self.spawn("postgres", [*as_pg, str(PG_BIN / "postgres"), "-D", str(data)])
        wait_port(PORTS["postgres"])
        for db in ("kompass", "kompass_restored"):
            for _ in range(50):
                done = subprocess.run([*as_pg, str(PG_BIN.parent / "bin" / "createdb"), "-h", "127.0.0.1", "-p",
                                       str(PORTS["postgres"]), "-U", "postgres", db], capture_output=True)  # fmt: skip
                if done.returncode == 0:
                    break
                time.sleep(0.2)

    def start_redis(self) -> None:
        self.spawn("redis", ["redis-server", str(REPO / "deploy" / "redis" / "kompass.conf"), "--port",
                             str(PORTS["redis"]), "--dir", str(self.root), "--appendonly", "no"])  # fmt: skip
        wait_port(PORTS["redis"])

    def start_node(self, name: str) -> None:
        env = {**self.env, "KOMPASS_BIND": f"127.0.0.1:{PORTS[name]}", "KOMPASS_WEB_WORKERS": "2"}
        self.spawn(name, [PYTHON, "-m", "gunicorn", "kompass.wsgi", "--config", str(REPO / "deploy" / "gunicorn.conf.py")],
                   env=env)  # fmt: skip
        wait_port(PORTS[name])

    def start_worker(self) -> None:
        self.spawn("worker", [PYTHON, "manage.py", "run_worker", "--processes", "1", "--threads", "2"])

    def start_nginx(self) -> None:
        cert, key = self_signed(self.root)
        for folder in ("nginx", "nginx/cache", "nginx/tmp"):
            (self.root / folder).mkdir(exist_ok=True)
            (self.root / folder).chmod(0o777)
        rendered = render_nginx({
            "KOMPASS_DOMAIN": "127.0.0.1",
            "KOMPASS_APP_SERVERS": " ".join(f"server 127.0.0.1:{PORTS[n]} max_fails=1 fail_timeout=10s;" for n in ("node1", "node2")),
            "KOMPASS_STATIC_ROOT": self.env["KOMPASS_VAR_DIR"] + "/static",
            "KOMPASS_MEDIA_ROOT": self.env["KOMPASS_MEDIA_ROOT"],
            "KOMPASS_CACHE_DIR": str(self.root / "nginx" / "cache"),
            "KOMPASS_TLS_CERT": str(cert), "KOMPASS_TLS_KEY": str(key),
            "KOMPASS_HTTP_LISTEN": f"127.0.0.1:{PORTS['http']}", "KOMPASS_HTTPS_LISTEN": f"127.0.0.1:{PORTS['https']}",
        })  # fmt: skip
        site = self.root / "nginx" / "kompass.conf"
        site.write_text(rendered)
        tmp = self.root / "nginx" / "tmp"
        # The main file is what Debian's /etc/nginx/nginx.conf does, in a private prefix; the site is the shipped one.
        (self.root / "nginx" / "nginx.conf").write_text(
            f"worker_processes 2; daemon off; pid {self.root}/nginx/nginx.pid; error_log {self.root}/nginx/error.log;\n"
            "events { worker_connections 2048; }\n"
            f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
            f" access_log off; client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;\n"
            f" fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;\n"
            f" include {site}; }}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.spawn(
            "nginx", [nginx, "-p", str(self.root / "nginx"), "-c", str(self.root / "nginx" / "nginx.conf")]
        )
        wait_port(PORTS["https"])

    def close(self) -> None:
        for name in list(self.processes)[::-1]:
            self.stop(name, timeout=15)


def stack_env(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMPASS_", "DATABASE_URL", "REDIS_URL"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "kompass.settings",
        "PYTHONPATH": str(REPO),
        "KOMPASS_SECRET_KEY": "stack-test-" + "s" * 50,
        "KOMPASS_FIELD_ENCRYPTION_KEYS": "ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE=",
        "KOMPASS_LINKAGE_SECRET": "stack-linkage-secret",
        "KOMPASS_ALLOWED_HOSTS": "127.0.0.1",
        "KOMPASS_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{PORTS['https']}",
        "KOMPASS_SITE_URL": f"https://127.0.0.1:{PORTS['https']}",
        "KOMPASS_VAR_DIR": str(root / "var"),
        "KOMPASS_MEDIA_ROOT": str(root / "var" / "media"),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PORTS['postgres']}/kompass",
        "REDIS_URL": f"redis://127.0.0.1:{PORTS['redis']}/0",
        "KOMPASS_BROKER_URL": f"redis://127.0.0.1:{PORTS['redis']}/1",
        "KOMPASS_BROKER_HEARTBEAT_SECONDS": "5",
        "KOMPASS_BEHIND_PROXY": "1",
        "KOMPASS_ACCEL_REDIRECT": "/_protected/",
        "KOMPASS_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "KOMPASS_HSTS_SECONDS": "0",
        # The load test's 50 users all come from one address: public forms and the API are not limited
        # here; the login budget is, and test_rate_limits_hold_across_both_nodes checks it is shared.
        "KOMPASS_RATE_LIMIT_FORMS": "100000/m",
        "KOMPASS_RATE_LIMIT_API": "100000/m",
        "KOMPASS_RATE_LIMIT_LOGIN": "12/m",
    })  # fmt: skip
    return env


def https_get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 — loopback only
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextlib.contextmanager
def running_stack():
    root = Path(tempfile.mkdtemp(prefix="kompass-stack-"))
    root.chmod(0o755)
    (root / "var" / "media").mkdir(parents=True)
    stack = Stack(root=root, env=stack_env(root))
    try:
        stack.start_postgres()
        stack.start_redis()
        stack.manage("migrate", "--no-input", "-v0")
        stack.manage("collectstatic", "--no-input", "-v0")
        for folder in (root / "var", root / "var" / "static"):
            folder.chmod(0o755)
        yield stack
    finally:
        stack.close()
        if os.environ.get("KOMPASS_KEEP_STACK"):
            print(f"stack files kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def locust(stack: Stack, *, users: int, seconds: int, data: Path, name: str) -> dict:
    """Run tests/stack/locustfile.py headless; per request kind: requests, failures, p50, p95 (ms)."""
    prefix = stack.root / name
    subprocess.run([PYTHON, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
                    "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--host", stack.url,
                    "--csv", str(prefix), "--only-summary", "--stop-timeout", "10"],
                   env={**os.environ, "KOMPASS_STACK_DATA": str(data)}, cwd=REPO, check=False,
                   capture_output=True, text=True, timeout=seconds + 120)  # fmt: skip
    import csv

    out = {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[row["Name"]] = {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                                "p50": float(row["50%"] or 0), "p95": float(row["95%"] or 0), "method": row["Type"]}  # fmt: skip
    failures_file = Path(f"{prefix}_failures.csv")
    out["_failures"] = failures_file.read_text() if failures_file.exists() else ""
    return out


def dump(name: str, data) -> None:
    folder = REPO / "var" / "stack"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(data, indent=2, default=str))
