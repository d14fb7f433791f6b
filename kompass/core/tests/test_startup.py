"""Starting Kompass (any page, any management command) does not load the heavy libraries.

pandas, DuckDB, SciPy, scikit-learn, Splink and WeasyPrint take seconds to import; the modules
that need them import them inside the functions that use them (bench/bench_startup.py measures).
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

# What `manage.py check` loads: the apps, their models and admin, and the whole URLconf (every view,
# form, service and API module).
PROBE = """
import json, sys, django
django.setup()
from django.core.management import call_command
call_command("check", verbosity=0)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_check_loads_no_heavy_library():
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
