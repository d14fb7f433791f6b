"""backup → restore into an empty database and media folder: every row and file comes back.

Runs the commands as an operator would, in separate processes, on the suite's database engine
(SQLite in `make test`, PostgreSQL in the PostgreSQL suite).
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[3]

SEED = """
import django; django.setup()
from django.core.files.base import ContentFile
from kompass.accounts.models import User
from kompass.cases.models import Attachment
from kompass.cases.services import create_case
from kompass.organisations.models import Membership, Organisation
org = Organisation.objects.create(name="Backup NGO", country="RO")
user = User.objects.create_user("worker@example.org", "a-long-password-123")
Membership.objects.create(user=user, organisation=org, role="caseworker")
for i in range(5):
    case = create_case(owner=org, by=user, identity={"given_name": "Olena", "surname": f"Koval {i}"}, country="RO")
a = Attachment(case=case, original_name="scan.pdf", content_type="application/pdf", size=9, uploaded_by=user)
a.file.save("scan.pdf", ContentFile(b"%PDF-scan"), save=True)
"""
CHECK = """
import django; django.setup()
from kompass.cases.models import Attachment, CaseIdentity
print(sorted(i.surname for i in CaseIdentity.objects.all()), Attachment.objects.get().file.read())
"""


def _env(tmp: Path, database_url: str, **extra) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kompass.settings", "KOMPASS_DEBUG": "1",
           "KOMPASS_VAR_DIR": str(tmp), "KOMPASS_MEDIA_ROOT": str(tmp / "media"), "DATABASE_URL": database_url}  # fmt: skip
    env.update(extra)
    return env


def _run(args, env, **kwargs):
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=REPO, capture_output=True, text=True, **kwargs
    )


@pytest.fixture
def two_databases(tmp_path):
    """(source URL, empty target URL) on the suite's engine."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        (tmp_path / "src").mkdir()
        (tmp_path / "dst").mkdir()
        yield f"sqlite:///{tmp_path / 'src' / 'db.sqlite3'}", f"sqlite:///{tmp_path / 'dst' / 'db.sqlite3'}"
        return
    import psycopg

    names = [f"kompass_bk_{uuid.uuid4().hex[:8]}_{side}" for side in ("src", "dst")]
    conninfo = {"host": db["HOST"] or "127.0.0.1", "port": db["PORT"] or 5432, "user": db["USER"],
                "password": db["PASSWORD"] or None, "dbname": "postgres"}  # fmt: skip
    with psycopg.connect(**conninfo, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    base = f"postgres://{db['USER']}{':' + db['PASSWORD'] if db['PASSWORD'] else ''}@{conninfo['host']}:{conninfo['port']}"
    yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    with psycopg.connect(**conninfo, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.slow
def test_backup_restores_every_row_and_file_into_an_empty_database(tmp_path, two_databases):
    source_url, target_url = two_databases
    source, target = _env(tmp_path / "src", source_url), _env(tmp_path / "dst", target_url)
    assert _run(["manage.py", "migrate", "-v0"], source, check=True)
    _run(["-c", SEED], source, check=True)
    key = tmp_path / "backup.key"
    made = _run(["manage.py", "backup_key", "--out", str(key)], source, check=True).stdout
    recipient = made.split("KOMPASS_BACKUP_RECIPIENTS=", 1)[1].strip()
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    archive = tmp_path / "kompass.age"
    _run(
        ["manage.py", "backup", "--out", str(archive)],
        {**source, "KOMPASS_BACKUP_RECIPIENTS": recipient},
        check=True,
    )
    raw = archive.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1") and b"Koval" not in raw and b"%PDF-scan" not in raw

    restored = _run(["manage.py", "restore", str(archive), "--key", str(key)], target)
    assert restored.returncode == 0, restored.stderr
    assert "Restored and verified" in restored.stdout
    assert _run(["-c", CHECK], target, check=True).stdout == _run(["-c", CHECK], source, check=True).stdout

    # Not twice into the same database.
    again = _run(["manage.py", "restore", str(archive), "--key", str(key)], target)
    assert again.returncode != 0 and "not empty" in again.stderr


def test_another_key_cannot_open_the_archive(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "dst").mkdir()
    source = _env(tmp_path / "src", f"sqlite:///{tmp_path / 'src' / 'db.sqlite3'}")
    target = _env(tmp_path / "dst", f"sqlite:///{tmp_path / 'dst' / 'db.sqlite3'}")
    _run(["manage.py", "migrate", "-v0"], source, check=True)
    recipient = _run(
        ["manage.py", "backup_key", "--out", str(tmp_path / "k1")], source, check=True
    ).stdout.split("=")[-1]
    _run(["manage.py", "backup_key", "--out", str(tmp_path / "k2")], source, check=True)
    archive = tmp_path / "kompass.age"
    _run(["manage.py", "backup", "--out", str(archive), "--recipient", recipient.strip()], source, check=True)
    wrong = _run(["manage.py", "restore", str(archive), "--key", str(tmp_path / "k2")], target)
    assert wrong.returncode != 0 and "cannot be decrypted" in wrong.stderr


def test_backup_refuses_without_a_key(tmp_path):
    (tmp_path / "db").mkdir()
    env = _env(tmp_path, f"sqlite:///{tmp_path / 'db' / 'db.sqlite3'}", KOMPASS_BACKUP_RECIPIENTS="")
    _run(["manage.py", "migrate", "-v0"], env, check=True)
    done = _run(["manage.py", "backup", "--out", str(tmp_path / "x.age")], env)
    assert done.returncode != 0 and "KOMPASS_BACKUP_RECIPIENTS" in done.stderr
    assert not (tmp_path / "x.age").exists()
