"""Send the scheduled tasks on time (one scheduler per installation; a second one waits as standby)."""

from __future__ import annotations

import importlib
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kompass.ops.queue import get_broker, runs_in_process
from kompass.ops.schedule import SCHEDULE

LOCK_NAME = "kompass-tasks:scheduler-lock"
LOCK_SECONDS = 60


def resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


class Command(BaseCommand):
    help = (
        "Run the schedule of periodic tasks (missed check-ins, retention, linkage). With a broker, "
        "the tasks go to the workers and only one scheduler sends them (the others wait for its lock)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Print the schedule and exit.")

    def handle(self, *args, **options):
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.cron import CronTrigger

        tasks = [(expr, resolve(path), path) for expr, path, _what in SCHEDULE]
        if options["list"]:
            for expr, _task, path in tasks:
                self.stdout.write(f"{expr:<14} {path}")
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        broker = get_broker()
        lock = None
        if not runs_in_process():
            lock = broker.client.lock(LOCK_NAME, timeout=LOCK_SECONDS)
            self.stdout.write("Waiting for the scheduler lock (another scheduler may hold it)…")
            while not lock.acquire(blocking=True, blocking_timeout=5):
                if stop.is_set():
                    return
        scheduler = BackgroundScheduler(timezone=settings.TIME_ZONE)
        for expr, task, path in tasks:
            # A run that is late by more than a minute (the scheduler was down) is skipped, not queued twice.
            scheduler.add_job(task.send, CronTrigger.from_crontab(expr, timezone=settings.TIME_ZONE), id=path,
                              name=path, misfire_grace_time=60, coalesce=True, max_instances=1)  # fmt: skip
        scheduler.start()
        self.stdout.write(f"Scheduler running: {len(tasks)} tasks.")
        try:
            while not stop.wait(LOCK_SECONDS / 3):
                if lock is not None and not lock.extend(LOCK_SECONDS, replace_ttl=True):
                    raise CommandError(
                        "The scheduler lock was lost; stopping so that only one scheduler runs."
                    )
        finally:
            scheduler.shutdown(wait=False)
            if lock is not None and lock.owned():
                lock.release()
