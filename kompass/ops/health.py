"""/healthz (the process answers) and /readyz (it can serve: database, cache, broker) for load balancers.

Answered by the first middleware, before host validation, sessions or language: a probe by IP
address gets an answer, and the answer sets no cookie. /readyz says which part fails, never how
it is configured (no host names, no URLs).
"""

from __future__ import annotations

import json
import time
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse

from kompass.ops.queue import broker_ready


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        ok, detail = check()
    except Exception as exc:  # noqa: BLE001 — a probe reports any failure as "not ready"
        ok, detail = False, type(exc).__name__
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return False, type(exc).__name__
    return True, connection.vendor


def _cache() -> tuple[bool, str]:
    key = f"kompass:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return ok, cache.__class__.__name__


def readiness() -> tuple[bool, dict]:
    checks = {"database": _timed(_database), "cache": _timed(_cache), "broker": _timed(broker_ready)}
    return all(c["ok"] for c in checks.values()), checks


class HealthCheckMiddleware:
    PATHS = {"/healthz", "/readyz"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in self.PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
        if request.path == "/healthz":
            response = HttpResponse("ok\n", content_type="text/plain")
        else:
            ok, checks = readiness()
            body = {"status": "ok" if ok else "unavailable", "checks": checks}
            response = HttpResponse(
                json.dumps(body), content_type="application/json", status=200 if ok else 503
            )
        response["Cache-Control"] = "no-store"
        return response
