"""The brokers behind `kompass.ops.queue`: in-process without a broker, Redis with one.

Imported by `queue.get_broker()` on the first task sent (or by the worker), so that starting
Kompass (a page, a management command) does not import Dramatiq and, through it, gevent.
"""

from __future__ import annotations

import logging
import threading

from dramatiq.broker import Broker
from dramatiq.message import Message
from dramatiq.middleware import Middleware

logger = logging.getLogger("kompass.jobs")


class InlineBroker(Broker):
    """No broker configured: each message is processed at once, in the process that sends it."""

    def __init__(self, middleware=None):
        super().__init__(middleware=middleware or [])
        self.queues: set[str] = set()

    def consume(self, queue_name, prefetch=1, timeout=30000):
        raise RuntimeError(
            "No broker is configured (KOMPASS_BROKER_URL): tasks run in-process, not in a worker."
        )

    def declare_queue(self, queue_name):
        if queue_name not in self.queues:
            self.emit_before("declare_queue", queue_name)
            self.queues.add(queue_name)
            self.emit_after("declare_queue", queue_name)

    def enqueue(self, message, *, delay=None):
        self.emit_before("enqueue", message, delay)
        message = Message.decode(message.encode())
        actor = self.get_actor(message.actor_name)
        try:
            actor.fn(*message.args, **message.kwargs)
        except Exception:
            # Without a worker there is no retry: the failure is logged (and reported, when error
            # reporting is configured), never raised into the request, whose data is committed.
            logger.exception("task failed in-process", extra={"task": message.actor_name})
        self.emit_after("enqueue", message, delay)
        return message

    def get_declared_queues(self):
        return set(self.queues)

    def get_declared_delay_queues(self):
        return set()

    def flush(self, queue_name):
        pass

    def flush_all(self):
        pass

    def join(self, queue_name, *, timeout=None):
        pass


class DjangoMiddleware(Middleware):
    """Worker side: fresh database connections per message, and the sender's request id in logs."""

    def __init__(self):
        self.local = threading.local()  # a worker thread processes one message at a time

    def before_enqueue(self, broker, message, delay):
        from kompass.ops.context import current_request_id

        request_id = current_request_id.get()
        if request_id:
            message.options["request_id"] = request_id

    def before_process_message(self, broker, message):
        from django.db import close_old_connections

        from kompass.ops.context import current_request_id

        close_old_connections()
        self.local.token = current_request_id.set(message.options.get("request_id", ""))

    def after_process_message(self, broker, message, *, result=None, exception=None):
        from django.db import close_old_connections

        from kompass.ops.context import current_request_id

        token = getattr(self.local, "token", None)
        if token is not None:
            self.local.token = None
            current_request_id.reset(token)
        close_old_connections()

    after_skip_message = after_process_message


def make_broker(url: str, *, heartbeat_seconds: int, queues) -> Broker:
    from dramatiq.middleware import default_middleware

    if not url:
        # The same middleware as a worker's, so that actors accept the same options.
        broker = InlineBroker(middleware=[m() for m in default_middleware])
        broker.add_middleware(DjangoMiddleware())
    else:
        from dramatiq.brokers.redis import MAINTENANCE_SCALE, RedisBroker

        broker = RedisBroker(
            url=url,
            namespace="kompass-tasks",
            heartbeat_timeout=heartbeat_seconds * 1000,
            # Requeueing the messages of dead workers is part of the "maintenance" a live worker
            # does on a random share of its broker calls; the share is raised from Dramatiq's 0.1 %
            # so that a killed worker's job comes back within about a heartbeat, not many minutes.
            maintenance_chance=MAINTENANCE_SCALE // 100,
            middleware=[m() for m in default_middleware],
        )
        broker.add_middleware(DjangoMiddleware())
    for queue in queues:
        broker.declare_queue(queue)
    return broker
