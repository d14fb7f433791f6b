"""One encrypted archive of everything Kompass keeps: the database and the uploaded files.

The archive is a gzipped tar (`manifest.json`, `database.pgdump` or `database.sqlite3`, `media/…`)
encrypted with age (https://age-encryption.org, through pyrage) to one or more public keys
(`KOMPASS_BACKUP_RECIPIENTS`). The server holds only public keys: whoever steals the server cannot
read old backups. The private key (made by `manage.py backup_key`) is kept elsewhere and is
separate from the keys that encrypt identity fields (`KOMPASS_FIELD_ENCRYPTION_KEYS`), which a
restored database still needs. Standard tools read an archive too:
`age -d -i backup.key kompass-….age | tar -xz`.

Consistency: PostgreSQL is dumped from an exported snapshot, and the manifest's row counts and
checksums are computed in that same snapshot; SQLite is copied with its online backup API and the
checksums computed on the copy. `restore` loads the archive into an empty database and media
folder and checks every table and file against the manifest.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

FORMAT = 1


class BackupError(Exception):
    pass


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def _recipients(keys: list[str]):
    import pyrage

    if not keys:
        raise BackupError(
            "No backup key: set KOMPASS_BACKUP_RECIPIENTS (make one with `manage.py backup_key`)."
        )
    try:
        return [pyrage.x25519.Recipient.from_str(key.strip()) for key in keys]
    except pyrage.RecipientError as exc:
        raise BackupError(f"KOMPASS_BACKUP_RECIPIENTS holds something that is not an age public key: {exc}")


def _identities(text: str):
    import pyrage

    keys = [line.strip() for line in text.splitlines() if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise BackupError("The key file holds no age secret key (AGE-SECRET-KEY-…).")
    return [pyrage.x25519.Identity.from_str(key) for key in keys]


def new_key() -> tuple[str, str]:
    """(secret key file text, public key): a new age key pair for backups."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    created = datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds")
    return f"# created: {created}\n# public key: {public}\n{identity}\n", public


# --- checksums -------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_checksums(cursor) -> dict:
    """Row count and an md5 over every row's text form in primary-key order, per table."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    out = {}
    for (table,) in cursor.fetchall():
        cursor.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
            [table],
        )
        order = ", ".join(f'"{c}"' for (c,) in cursor.fetchall()) or "t::text"
        cursor.execute(
            f"SELECT count(*), coalesce(md5(string_agg(md5(t::text), ',' ORDER BY {order})), '') FROM \"{table}\" t"  # noqa: S608 — table names come from the catalogue
        )
        rows, digest = cursor.fetchone()
        out[table] = {"rows": rows, "md5": digest}
    return out


def _sqlite_checksums(path: Path) -> dict:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )]  # fmt: skip
        out = {}
        for table in tables:
            pk = [
                r[1] for r in sorted(db.execute(f'PRAGMA table_info("{table}")'), key=lambda r: r[5]) if r[5]
            ]
            order = ", ".join(f'"{c}"' for c in pk) or "rowid"
            digest, rows = hashlib.md5(usedforsecurity=False), 0
            for row in db.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):  # noqa: S608
                digest.update(repr(row).encode())
                rows += 1
            out[table] = {"rows": rows, "md5": digest.hexdigest()}
        return out
    finally:
        db.close()


def _media_files(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        str(p.relative_to(root)): _sha256_file(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# --- backup ----------------------------------------------------------------------------------


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args + ["-d", db["NAME"]], env


def _dump_database(folder: Path) -> tuple[str, dict]:
    """The database into `folder`; (file name, checksums) taken from the same snapshot."""
    if _engine() == "sqlite":
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        target = sqlite3.connect(folder / "database.sqlite3")
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return "database.sqlite3", _sqlite_checksums(folder / "database.sqlite3")
    args, env = _pg_env()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
             "-f", str(folder / "database.pgdump"), *args],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()[-500:]}")
        return "database.pgdump", _pg_checksums(cursor)


def create_backup(*, out: Path, recipients: list[str]) -> dict:
    """Write the encrypted archive to `out`; returns the manifest."""
    import pyrage

    keys = _recipients(recipients)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="kompass-backup-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o700)
        database_file, tables = _dump_database(folder)
        # Files after the snapshot: a file uploaded meanwhile is extra, never missing.
        files = _media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
            "engine": _engine(),
            "database_file": database_file,
            "tables": tables,
            "files": files,
        }
        archive = folder / "archive.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=1) as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
            tar.add(folder / database_file, arcname=database_file)
            for name in files:
                tar.add(media_root / name, arcname=f"media/{name}")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        with archive.open("rb") as reader, open(partial, "wb") as writer:
            os.chmod(partial, 0o600)
            pyrage.encrypt_io(reader, writer, keys)
        partial.replace(out)
    return manifest


# --- restore ---------------------------------------------------------------------------------


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore_backup(*, archive: Path, identity_text: str) -> dict:
    """Load the archive into an empty database and an empty media folder, then check both."""
    import pyrage

    identities = _identities(identity_text)
    engine = _engine()
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"The media folder {media_root} is not empty: restore into an empty one.")
    if engine == "postgresql" and not _database_is_empty():
        raise BackupError("The database is not empty: restore into a new, empty database.")
    if engine == "sqlite":
        target = Path(settings.DATABASES["default"]["NAME"])
        connection.close()
        if target.exists() and target.stat().st_size and not _database_is_empty():
            raise BackupError(f"The database {target} is not empty: restore into a new, empty database.")
    with tempfile.TemporaryDirectory(prefix="kompass-restore-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o700)
        plain = folder / "archive.tar.gz"
        try:
            with archive.open("rb") as reader, plain.open("wb") as writer:
                pyrage.decrypt_io(reader, writer, identities)
        except pyrage.DecryptError as exc:
            raise BackupError(f"The archive cannot be decrypted with this key: {exc}")
        with tarfile.open(plain, "r:gz") as tar:
            tar.extractall(folder / "x", filter="data")
        content = folder / "x"
        manifest = json.loads((content / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
        if manifest["engine"] != engine:
            raise BackupError(
                f"The archive holds a {manifest['engine']} database; this server uses {engine}."
            )
        if engine == "postgresql":
            args, env = _pg_env()
            done = subprocess.run(
                ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                 *args, str(content / manifest["database_file"])],
                env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode:
                raise BackupError(f"pg_restore failed: {done.stderr.strip()[-500:]}")
            with transaction.atomic(), connection.cursor() as cursor:
                tables = _pg_checksums(cursor)
        else:
            connection.close()
            target = Path(settings.DATABASES["default"]["NAME"])
            target.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            shutil.copyfile(content / manifest["database_file"], target)
            tables = _sqlite_checksums(target)
        media_root.mkdir(parents=True, exist_ok=True)
        for name in manifest["files"]:
            destination = media_root / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content / "media" / name, destination)
    problems = [
        t for t in set(manifest["tables"]) | set(tables) if manifest["tables"].get(t) != tables.get(t)
    ]
    files = _media_files(media_root)
    problems += [f"media/{n}" for n, digest in manifest["files"].items() if files.get(n) != digest]
    if problems:
        raise BackupError(
            f"The restored data differs from the archive's manifest: {', '.join(sorted(problems)[:10])}"
        )
    return manifest
