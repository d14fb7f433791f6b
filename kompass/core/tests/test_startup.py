"""Starting Kompass (any page, any management command) does not load the heavy libraries.

pandas, DuckDB, SciPy, scikit-learn, Splink and WeasyPrint take seconds to import; the modules
that need them import them inside the functions that use them (bench/bench_startup.py measures).
A management command does not build the API either, nor start the task queue's Dramatiq or load
the libraries a few pages use (docs/decisions/0041-lazy-api.md); a web worker builds the API when
it starts, still without the heavy libraries.
"""

import json
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "pandas",
    "numpy",
    "scipy",
    "sklearn",
    "duckdb",
    "splink",
    "weasyprint",
    "joblib",
    "openpyxl",
    "telegram",
)
# Loaded on first use: the API (django-ninja, pydantic, every app's `api` module), the task queue
# (Dramatiq, which imports gevent), the job-offer checker's cue tables, and what a few pages or
# downloads need (YAML content, QR codes, fuzzy place search, encryption of identity fields, the
# HTTP client of the Telegram bot).
ON_FIRST_USE = (
    "ninja",
    "pydantic",
    "kompass.api.urls",
    "kompass.cases.api",
    "dramatiq",
    "gevent",
    "kompass.recruitment.cues",
    "yaml",
    "segno",
    "rapidfuzz",
    "cryptography",
    "httpx",
)

# What `manage.py check` loads: the apps, their models and admin, and the whole URLconf (every view,
# form, service module) — the API's only when used.
CHECK = """
import json, sys, django
django.setup()
from django.core.management import call_command
call_command("check", verbosity=0)
print(json.dumps(sorted(sys.modules)))
"""

# What a web worker loads before its first request.
WEB_WORKER = """
import json, sys
import kompass.wsgi
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(program: str) -> set[str]:
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=root, capture_output=True, text=True, timeout=120, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return modules | {name.split(".")[0] for name in modules}


def test_check_loads_no_heavy_library_and_builds_no_api():
    loaded = packages(loaded_by(CHECK))
    assert "kompass.cases.views" in loaded  # the URLconf was loaded: the probe measures something
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    assert loaded.isdisjoint(ON_FIRST_USE), sorted(loaded & set(ON_FIRST_USE))


def test_a_web_worker_builds_the_api_at_start_without_heavy_libraries():
    loaded = packages(loaded_by(WEB_WORKER))
    assert {"kompass.api.urls", "kompass.cases.api", "ninja"} <= loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
