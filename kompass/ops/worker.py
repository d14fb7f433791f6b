"""The module Dramatiq's worker loads (`manage.py run_worker` passes it): Django, the broker, every app's tasks."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompass.settings")
django.setup()

from django.utils.module_loading import autodiscover_modules  # noqa: E402

from kompass.ops.queue import get_broker, make_actors  # noqa: E402

broker = get_broker()
autodiscover_modules("tasks")
make_actors()  # tasks are declared lazily (kompass/ops/queue.py); the worker needs them all registered
