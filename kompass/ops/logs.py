"""Structured logs: one JSON object per line, with the request id, and no personal data.

What keeps personal data out: a log line carries only the fields named in FIELDS (never the
request, its body, cookies, query string or client address); a request is logged by its URL
*pattern* (`cases/<uuid:code>/`), not its path, so no token or code in a URL reaches the log; an
exception is logged by its type and stack (file, line, function) without its message, which may
quote data (an IntegrityError quotes the key that clashed).
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import time
import traceback
import uuid

from kompass.ops.context import current_request_id

# Extra fields a log call may add (logger.info("…", extra={"status": 200})).
FIELDS = ("method", "route", "status", "status_code", "ms", "task", "job", "kind", "attempt", "count")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage() if record.name.startswith("kompass") else _safe_message(record),
            "request_id": getattr(record, "request_id", "") or current_request_id.get(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if isinstance(value, str | int | float | bool):
                entry[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
            entry["stack"] = [
                f"{frame.filename.rsplit('/site-packages/', 1)[-1]}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(record.exc_info[2])
            ][-12:]
        return json.dumps(entry, ensure_ascii=False)


_PLAIN_WORDS = re.compile(r"[A-Za-z][A-Za-z ]{0,39}")


def _safe_message(record: logging.LogRecord) -> str:
    # Messages of other libraries are templates filled with arguments we do not control (Django's
    # "Not Found: %s" gets the path, Dramatiq's messages the task's arguments): an argument is kept
    # only when it is a few plain words ("Not Found"); anything else shows as "…".
    args = record.args if isinstance(record.args, tuple) else ()
    try:
        return str(record.msg) % tuple(
            a if isinstance(a, str) and _PLAIN_WORDS.fullmatch(a) else "…" for a in args
        )
    except (TypeError, ValueError):
        return str(record.msg)


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None else ""


def new_request_id(header: str | None) -> str:
    """The proxy's request id when it looks like one (hex/uuid, ≤ 64 chars), else a new one."""
    if header and len(header) <= 64 and all(c in "0123456789abcdefABCDEF-" for c in header):
        return header
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Every request gets an id (nginx's $request_id when behind it): in each log line and the response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.logger = logging.getLogger("kompass.request")

    def __call__(self, request):
        request_id = new_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            self.logger.info(
                "request",
                extra={"method": request.method, "route": _route(request), "status": response.status_code,
                       "ms": round((time.perf_counter() - started) * 1000, 1)},
            )  # fmt: skip
            return response
        finally:
            current_request_id.reset(token)
