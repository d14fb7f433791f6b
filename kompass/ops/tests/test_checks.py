from kompass.ops.checks import missing_sqlite_folders


def test_missing_sqlite_folder_is_named(tmp_path):
    missing = tmp_path / "nowhere"
    errors = missing_sqlite_folders(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(missing / "db.sqlite3")}}
    )
    assert [e.id for e in errors] == ["ops.E001"]
    assert str(missing) in errors[0].msg
    assert not missing.exists()  # the check names the folder, it does not create it


def test_existing_folder_and_other_databases_pass(tmp_path):
    databases = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")},
        "memory": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
        "pg": {"ENGINE": "django.db.backends.postgresql", "NAME": "kompass"},
    }
    assert missing_sqlite_folders(databases) == []


def test_importing_settings_creates_no_folder(tmp_path):
    import subprocess
    import sys

    var = tmp_path / "var"
    code = "import django; from django.conf import settings; django.setup(); print(settings.STATIC_ROOT)"
    env = {
        "KOMPASS_VAR_DIR": str(var),
        "KOMPASS_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "kompass.settings",
        "PATH": "",
    }
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(var / "static")
    assert not var.exists()
