"""System checks that name a misconfiguration before it shows as an obscure error."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register("database")
def sqlite_folder_exists(app_configs=None, databases=None, **kwargs) -> list[Error]:
    return missing_sqlite_folders(settings.DATABASES)


def missing_sqlite_folders(databases: dict) -> list[Error]:
    """SQLite creates its file but not the folder: say which folder is missing, and how to make it."""
    errors = []
    for alias, db in databases.items():
        name = str(db.get("NAME") or "")
        if db["ENGINE"] != "django.db.backends.sqlite3" or not name or name.startswith(("file:", ":memory:")):
            continue
        folder = Path(name).parent
        if not folder.is_dir():
            errors.append(
                Error(
                    f"The folder {folder} for the SQLite database '{alias}' does not exist.",
                    hint="Run `make build` (it creates var/), create the folder, or set DATABASE_URL.",
                    id="ops.E001",
                )
            )
    return errors
