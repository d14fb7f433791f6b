"""deploy/, Dockerfile and compose.yaml: every file they name exists, every command they run is one
of ours, and the nginx configuration renders (with envsubst, as docs/deploy.md says) and passes
`nginx -t`. No container engine runs here: this is what can be checked without one."""

import configparser
import datetime
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"
COMMANDS = set(get_commands())


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(), re.M))


def _check_command(argv: list[str]) -> None:
    if "manage.py" in argv:
        name = argv[argv.index("manage.py") + 1]
        assert name in COMMANDS, f"manage.py {name} is not a command"
    if "--config" in argv:
        config = argv[argv.index("--config") + 1].removeprefix("/srv/kompass/")
        assert (REPO / config).is_file(), config


def test_dockerfile_copies_existing_files_and_runs_the_make_install_target():
    dockerfile = (REPO / "Dockerfile").read_text()
    for line in dockerfile.splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (REPO / source).exists(), source
    assert "RUN make install" in dockerfile and "install" in _make_targets()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)
    _check_command(yaml.safe_load(cmd))


def test_compose_names_only_existing_files_and_our_commands():
    compose = yaml.safe_load((REPO / "compose.yaml").read_text())
    assert set(compose["services"]) >= {"postgres", "redis", "web", "worker", "scheduler", "nginx"}
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("./"):
                assert (REPO / source).exists(), f"{name}: {source}"
        if "build" in service:
            assert (REPO / service["build"] / "Dockerfile").is_file()
        env_file = service.get("env_file")
        if env_file:
            # The operator makes it from the example (docs/deploy.md); it is never committed.
            assert env_file == "kompass.env" and (DEPLOY / "kompass.env.example").is_file()
            assert "kompass.env" in (REPO / ".gitignore").read_text().split()
        command = service.get("command")
        if command and name not in {"postgres", "redis", "static"}:
            _check_command(command)


def test_systemd_units_run_our_commands_with_the_env_file():
    units = sorted((DEPLOY / "systemd").glob("*.service"))
    assert {u.name for u in units} >= {
        "kompass-web.service",
        "kompass-worker.service",
        "kompass-scheduler.service",
    }
    for unit in units:
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str
        parser.read_string(unit.read_text())
        service = parser["Service"]
        assert service["EnvironmentFile"] == "/etc/kompass/kompass.env"
        _check_command(shlex.split(service["ExecStart"]))
    assert (DEPLOY / "systemd" / "kompass-backup.timer").is_file()


def test_every_variable_of_the_example_env_is_documented():
    documented = (REPO / "docs" / "configuration.md").read_text()
    for line in (DEPLOY / "kompass.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            assert f"`{name}`" in documented, name


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kompass.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=2)).sign(key, hashes.SHA256()))  # fmt: skip
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))  # fmt: skip
    return folder / "cert.pem", folder / "key.pem"


@pytest.mark.skipif(not shutil.which("envsubst"), reason="gettext's envsubst is installed by `make deps`")
def test_nginx_configuration_renders_with_envsubst_and_passes_nginx_t(tmp_path):
    template = (DEPLOY / "nginx" / "kompass.conf.template").read_text()
    names = sorted(set(re.findall(r"\$\{(KOMPASS_[A-Z_]+)\}", template)))
    header = re.search(r"envsubst '([^']+)'", template).group(1)
    header = " ".join(v for v in header.split() if v.startswith("$"))
    assert sorted(v.lstrip("$") for v in header.split()) == names  # the documented list is complete
    cert, key = _self_signed(tmp_path)
    values = {
        "KOMPASS_DOMAIN": "kompass.test", "KOMPASS_APP_SERVERS": "server 127.0.0.1:9; server 127.0.0.1:10;",
        "KOMPASS_STATIC_ROOT": str(tmp_path / "static"), "KOMPASS_MEDIA_ROOT": str(tmp_path / "media"),
        "KOMPASS_CACHE_DIR": str(tmp_path / "cache"), "KOMPASS_TLS_CERT": str(cert), "KOMPASS_TLS_KEY": str(key),
        "KOMPASS_HTTP_LISTEN": "127.0.0.1:8159", "KOMPASS_HTTPS_LISTEN": "127.0.0.1:8160",
    }  # fmt: skip
    rendered = subprocess.run(["envsubst", header], input=template, env={**os.environ, **values}, text=True,
                              capture_output=True, check=True).stdout  # fmt: skip
    assert "$host" in rendered and "${" not in rendered  # nginx's variables stay, ours are filled
    (tmp_path / "site.conf").write_text(rendered)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ include /etc/nginx/mime.types; client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};"
        f" fastcgi_temp_path {tmp_path}; uwsgi_temp_path {tmp_path}; scgi_temp_path {tmp_path};"
        f" access_log off; include {tmp_path}/site.conf; }}\n"
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    done = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
