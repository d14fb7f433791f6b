"""Rate limits on what the public can send: every form post by a visitor without an account, every
search form that costs work (a safety plan, its PDF, a directory search), and every call of a public
API operation (#13.8).

Counted per client address (an IPv6 /64 counts as one) with django-ratelimit in the default cache, which
is Redis in production so that every process shares the counts. Budgets are per group, and one request
can count against several: every public post against `forms`, a report also against `reports`. The
rates are settings (KOMPASS_RATE_LIMIT_*, docs/configuration.md); an empty rate switches a group off.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django_ratelimit.core import _get_ip, _split_rate, is_ratelimited

# Views whose posts also count against a stricter group (URL name → group).
VIEW_GROUPS = {
    "accounts:login": "login",
    "accounts:password_reset": "password_reset",
    "screening:report": "reports",
    "screening:worker_report": "reports",
    "recruitment:report": "reports",
    "online:report": "reports",
}
# Public pages whose GET with a query is a form that costs work (a plan, a PDF, a search near a place).
SEARCH_VIEWS = {"journeys:start", "journeys:plan", "journeys:plan_pdf", "directory:search"}
# Public API operations (operation id) that also count against a stricter group.
API_GROUPS = {
    "online_report": "reports",
}


def client_key(group: str, request) -> str:
    """The client's address, IPv6 masked to /64 (REMOTE_ADDR, put back by ProxiedClientAddressMiddleware)."""
    try:
        return _get_ip(request)
    except (ImproperlyConfigured, ValueError):
        return "unknown"


def exceeded(request, groups: list[str]) -> int:
    """Count the request in each group; the seconds to wait when one of them is over its rate, else 0."""
    wait = 0
    for group in groups:
        rate = settings.KOMPASS_RATE_LIMITS.get(group) or ""
        if not rate:
            continue
        if is_ratelimited(request, group=f"kompass.{group}", key=client_key, rate=rate, increment=True):
            wait = max(wait, _split_rate(rate)[1])
    return wait


def too_many_requests(request, wait: int):
    response = render(request, "errors/429.html", status=429)
    response["Retry-After"] = str(wait)
    add_never_cache_headers(response)
    return response


class PublicRateLimitMiddleware:
    """Every form post by a visitor who is not signed in counts against `forms` (and its view's group),
    every GET with a query of a search view against `searches`.

    The API is left to kompass.api.core, which knows which operations are public.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith("/api/") or getattr(view_func, "rate_limit_exempt", False):
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            if not (request.GET and view_name in SEARCH_VIEWS):
                return None
            groups = ["searches"]
        else:
            groups = ["forms"] + ([VIEW_GROUPS[view_name]] if view_name in VIEW_GROUPS else [])
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            return None
        wait = exceeded(request, groups)
        return too_many_requests(request, wait) if wait else None
