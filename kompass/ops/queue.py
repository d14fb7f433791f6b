"""The task queue: Dramatiq with Redis when a broker is configured, in-process when not.

Domain apps declare their tasks in `<app>/tasks.py` with `@actor(...)` from here and send them
with `task.send(...)` (from a service, inside `transaction.on_commit` when the task follows a
write). With `KOMPASS_BROKER_URL` set, a worker (`manage.py run_worker`, on any machine that
reaches the broker) runs them, retrying failures with exponential backoff; a worker that dies
mid-task leaves its messages to be requeued once its heartbeat is missed (see
docs/decisions/0030-task-queue.md). Without a broker (`make run`, tests, a one-process install)
`send` runs the task at once in the sending process, after the same JSON round trip a broker
makes, so an argument that could not travel fails here too.

Dramatiq (and gevent, which it imports) is loaded when the first task is sent, not when a module
declaring tasks is imported: every page and management command would otherwise pay for it at start
(docs/decisions/0041-lazy-api.md). The worker makes every declared task's actor when it starts.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dramatiq import Actor
    from dramatiq.broker import Broker

_lock = threading.Lock()
_broker: Broker | None = None
DECLARED: list[Task] = []  # every task declared with @actor, in import order

QUEUES = ("default", "long")  # e-mails and short work; linkage runs and big PDFs


def get_broker() -> Broker:
    """The process's broker, configured from settings on first use."""
    global _broker
    with _lock:
        if _broker is None:
            import dramatiq
            from django.conf import settings

            from kompass.ops.brokers import make_broker

            _broker = make_broker(
                settings.BROKER_URL, heartbeat_seconds=settings.BROKER_HEARTBEAT_SECONDS, queues=QUEUES
            )
            dramatiq.set_broker(_broker)
        return _broker


def runs_in_process() -> bool:
    """True without a broker: a task runs in the process that sends it, and is not retried."""
    from kompass.ops.brokers import InlineBroker

    return isinstance(get_broker(), InlineBroker)


class Task:
    """A function declared as a task: `send` queues it, calling it runs it here and now.

    The Dramatiq actor behind it (bound to the broker, its options checked against the broker's
    middleware) is made on the first `send`, or when a worker starts (`make_actors`).
    """

    def __init__(self, fn: Callable[..., Any], options: dict[str, Any]) -> None:
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.options = options
        self._actor: Actor | None = None
        self._actor_lock = threading.Lock()

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            with self._actor_lock:
                if self._actor is None:
                    import dramatiq

                    self._actor = dramatiq.actor(self.fn, broker=get_broker(), **self.options)
        return self._actor

    def send(self, *args: Any, **kwargs: Any):
        return self.actor.send(*args, **kwargs)

    def send_with_options(
        self, *, args: tuple = (), kwargs: dict | None = None, delay: int | None = None, **options
    ):
        return self.actor.send_with_options(args=args, kwargs=kwargs, delay=delay, **options)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Task {self.fn.__module__}.{self.fn.__qualname__}>"


def actor(fn: Callable[..., Any] | None = None, **options: Any):
    """Declare a task (`@actor(queue_name="long", max_retries=3)`): Dramatiq's options, Kompass's broker."""

    def declare(f: Callable[..., Any]) -> Task:
        task = Task(f, options)
        DECLARED.append(task)
        return task

    return declare if fn is None else declare(fn)


def make_actors() -> list[Actor]:
    """The worker, at start: every declared task registered with the broker under its name."""
    return [task.actor for task in DECLARED]


def broker_ready() -> tuple[bool, str]:
    """(ok, detail) for the readiness probe: the broker answers, or tasks run in-process."""
    if runs_in_process():
        return True, "in-process"
    try:
        get_broker().client.ping()  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 — any failure means not ready; the class name says which
        return False, type(exc).__name__
    return True, "redis"
