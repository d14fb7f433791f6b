"""Start-up time of `manage.py check`: bare Django, Kompass before the lazy imports, Kompass now.

Run: python bench/bench_startup.py [--before REV] [--rounds N]

Every management command and every web worker pays the start-up once; `check` loads the settings,
every app, its models and admin, and the whole URLconf (every view, form, service and API module).
Three programs run side by side, interleaved round after round, on the same interpreter:
- *bare Django*: `django-admin check` on minimal settings (the contrib apps and the admin's URLs);
- *before*: Kompass at REV (default: the last commit before the heavy libraries were imported where
  used), from a temporary `git worktree`;
- *now*: this working tree.
Byte code is cached (as on a server) in a temporary folder, warmed by a first run of each.
The figures are medians of wall-clock seconds; the extra start-up over bare Django is the target
(docs/architecture.md: heavy libraries are imported where used).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# main just before `stats`, `recruitment` and `training` stopped importing pandas, scikit-learn and
# SciPy at start-up (issue 14).
BEFORE = "da602ad"

BARE_SETTINGS = """
SECRET_KEY = "bench"
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
ROOT_URLCONF = "bare_urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {"context_processors": ["django.template.context_processors.request",
                                                 "django.contrib.auth.context_processors.auth",
                                                 "django.contrib.messages.context_processors.messages"]}}]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware",
              "django.contrib.auth.middleware.AuthenticationMiddleware",
              "django.contrib.messages.middleware.MessageMiddleware"]
STATIC_URL = "/static/"
"""
BARE_URLS = """
from django.contrib import admin
from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
"""


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE, help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="kompass-startup-") as scratch:
        scratch_dir = Path(scratch)
        bare = scratch_dir / "bare"
        bare.mkdir()
        (bare / "bare_settings.py").write_text(BARE_SETTINGS)
        (bare / "bare_urls.py").write_text(BARE_URLS)
        before = scratch_dir / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(before), args.before], cwd=ROOT, check=True
        )
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        (scratch_dir / "var").mkdir()
        env.update(
            PYTHONPYCACHEPREFIX=str(scratch_dir / "pycache"),
            KOMPASS_DEBUG="1",
            KOMPASS_VAR_DIR=str(scratch_dir / "var"),
        )
        for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL"):
            env.pop(name, None)
        bare_env = env | {"PYTHONPATH": str(bare), "DJANGO_SETTINGS_MODULE": "bare_settings"}
        programs = {
            "bare Django": ([python, "-m", "django", "check"], bare, bare_env),
            f"Kompass before ({args.before})": ([python, "manage.py", "check"], before, env),
            "Kompass now": ([python, "manage.py", "check"], ROOT, env),
        }
        try:
            for command, cwd, program_env in programs.values():  # warm the byte-code cache
                timed(command, cwd, program_env)
            times: dict[str, list[float]] = {name: [] for name in programs}
            for _ in range(args.rounds):
                for name, (command, cwd, program_env) in programs.items():
                    times[name].append(timed(command, cwd, program_env))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False)

    median = {name: statistics.median(values) for name, values in times.items()}
    bare_time = median["bare Django"]
    print(f"manage.py check, median of {args.rounds} rounds (load average {os.getloadavg()[0]:.1f})")
    for name, value in median.items():
        extra = "" if name == "bare Django" else f"   +{value - bare_time:.2f} s over bare Django"
        print(f"  {name:<32} {value:6.2f} s{extra}")
    names = list(median)
    before_time, now_time = median[names[1]], median[names[2]]
    print(f"  speed-up now vs before: {before_time / now_time:.1f}x")
    print(
        f"  extra start-up over bare Django, before / now: {(before_time - bare_time) / (now_time - bare_time):.1f}x"
    )


if __name__ == "__main__":
    main()
