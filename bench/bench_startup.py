"""Start-up time of `manage.py check`: bare Django, Kompass at earlier revisions, Kompass now.

Run: python bench/bench_startup.py [--before REV ...] [--rounds N]

Every management command and every web worker pays the start-up once; `check` loads the settings,
every app, its models and admin, and the whole URLconf (every view, form, service and API module).
Three programs run side by side, interleaved round after round, on the same interpreter:
- *bare Django*: `django-admin check` on minimal settings (the contrib apps and the admin's URLs);
- *before*: Kompass at each REV (default: the last commit before the heavy libraries were imported
  where used, and the last one before the API, Dramatiq and the recruitment cues were loaded on first
  use), each from a temporary `git worktree`;
- *now*: this working tree.
Byte code is cached (as on a server) in a temporary folder, warmed by a first run of each.
The figures are medians of the processes' CPU seconds (user + system: on a shared machine they vary far
less than wall-clock time, which is printed beside them). The target is the extra start-up over bare
Django: "well under a second" (issue 14), held to BAR seconds of CPU (docs/decisions/0041-lazy-api.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# main just before `stats`, `recruitment` and `training` stopped importing pandas, scikit-learn and
# SciPy at start-up (issue 14).
# main just before `/api/v1/`, Dramatiq and the recruitment cue tables were loaded on first use (0041).
BEFORE = ["da602ad", "056e2bc"]
BAR = 0.4  # seconds of CPU over bare Django

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


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="append", help="a revision to compare with (repeatable)")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    revisions = args.before or BEFORE

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="kompass-startup-") as scratch:
        scratch_dir = Path(scratch)
        bare = scratch_dir / "bare"
        bare.mkdir()
        (bare / "bare_settings.py").write_text(BARE_SETTINGS)
        (bare / "bare_urls.py").write_text(BARE_URLS)
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
        programs = {"bare Django": ([python, "-m", "django", "check"], bare, bare_env)}
        trees = []
        for revision in revisions:
            tree = scratch_dir / f"before-{revision}"
            subprocess.run(
                ["git", "worktree", "add", "--detach", "--quiet", str(tree), revision], cwd=ROOT, check=True
            )
            trees.append(tree)
            programs[f"Kompass at {revision}"] = ([python, "manage.py", "check"], tree, env)
        programs["Kompass now"] = ([python, "manage.py", "check"], ROOT, env)
        try:
            for command, cwd, program_env in programs.values():  # warm the byte-code cache
                timed(command, cwd, program_env)
            cpu: dict[str, list[float]] = {name: [] for name in programs}
            wall: dict[str, list[float]] = {name: [] for name in programs}
            for _ in range(args.rounds):
                for name, (command, cwd, program_env) in programs.items():
                    spent, elapsed = timed(command, cwd, program_env)
                    cpu[name].append(spent)
                    wall[name].append(elapsed)
        finally:
            for tree in trees:
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)

    cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
    wall_median = {name: statistics.median(values) for name, values in wall.items()}
    bare_cpu, bare_wall = cpu_median["bare Django"], wall_median["bare Django"]
    print(
        f"manage.py check, median of {args.rounds} rounds (load average {os.getloadavg()[0]:.1f}): "
        "CPU seconds (wall-clock seconds)"
    )
    for name in programs:
        extra = (
            ""
            if name == "bare Django"
            else (
                f"   +{cpu_median[name] - bare_cpu:.2f} s (+{wall_median[name] - bare_wall:.2f} s) over bare Django"
            )
        )
        print(f"  {name:<26} {cpu_median[name]:6.2f} s ({wall_median[name]:5.2f} s){extra}")
    now_extra = cpu_median["Kompass now"] - bare_cpu
    for revision in revisions:
        name = f"Kompass at {revision}"
        print(
            f"  now vs {revision}: start-up {cpu_median[name] / cpu_median['Kompass now']:.1f}x faster, "
            f"extra over bare Django {(cpu_median[name] - bare_cpu) / max(now_extra, 0.01):.1f}x smaller"
        )
    verdict = "within" if now_extra <= BAR else "OVER"
    print(
        f"  extra start-up now: {now_extra:.2f} s of CPU, {verdict} the bar of {BAR:.2f} s over bare Django"
    )


if __name__ == "__main__":
    main()
