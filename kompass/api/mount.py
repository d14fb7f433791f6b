"""`/api/v1/` in the root URLconf without building the API at start-up.

Building the django-ninja API imports ninja and pydantic and every app's `api` module, whose
schemas and operations become pydantic models: most of what `manage.py check` (and every other
management command, which runs the checks first) would pay above bare Django
(bench/bench_startup.py, docs/decisions/0041-lazy-api.md). `include("kompass.api.urls")` imports
that URLconf at once; `LazyInclude` is the same include, whose URLconf is imported the first time a
path under its prefix is resolved or any URL name is reversed (Django's root resolver then lists
every include's names). A web worker builds it before its first request (`kompass/wsgi.py`).
Requests, `reverse("api:…")` and the OpenAPI document are unchanged.
"""

from __future__ import annotations

import threading
from importlib import import_module

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern


class LazyInclude(URLResolver):
    """`path(route, include((urlconf, app_name)))`, with `urlconf` imported on first use."""

    def __init__(self, route: str, urlconf_name: str, *, app_name: str) -> None:
        super().__init__(
            RoutePattern(route, is_endpoint=False), urlconf_name, app_name=app_name, namespace=app_name
        )
        self._patterns: list | None = None
        self._load_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._patterns is not None

    def load(self) -> list:
        """Import the URLconf (once, also under threads) and return its patterns."""
        if self._patterns is None:
            with self._load_lock:
                if self._patterns is None:
                    module = import_module(self.urlconf_name)
                    if getattr(module, "app_name", None) != self.app_name:
                        raise ValueError(f"{self.urlconf_name}.app_name must be {self.app_name!r}.")
                    self._patterns = list(module.urlpatterns)
        return self._patterns

    @property
    def url_patterns(self) -> list:
        # Until the first use, nothing: Django's URL checks (and their listing of namespaces) read the
        # patterns of every include and would build the API at every start. Every other reader
        # comes after `resolve` or `_populate`, which load it (`reverse()` reaches a namespace only
        # through the root resolver's `_populate`, which populates each include).
        return self._patterns or []

    def check(self) -> list:
        return super().check() if self.loaded else self.pattern.check()

    def resolve(self, path):
        if self._patterns is None and self.pattern.match(str(path)):
            self.load()
        return super().resolve(path)

    def _populate(self) -> None:
        self.load()
        super()._populate()


def load_lazy_includes(urlconf: str | None = None) -> None:
    """Build what the root URLconf includes lazily (a web worker, before its first request)."""
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(pattern, LazyInclude):
            pattern.load()
