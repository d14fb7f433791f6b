"""`/api/v1/` is mounted lazily (kompass/api/mount.py): the same routes, names and checks once used."""

import pytest
from django.core.checks.urls import check_url_config, check_url_namespaces_unique
from django.urls import URLResolver, get_resolver, resolve, reverse

from kompass.api.mount import LazyInclude, load_lazy_includes


def api_include() -> LazyInclude:
    return next(p for p in get_resolver().url_patterns if isinstance(p, LazyInclude))


def test_reverse_and_resolve_reach_the_api_routes():
    url = reverse("api:cases_list_cases")
    assert url == "/api/v1/cases/"
    match = resolve(url)
    assert match.namespace == "api" and match.url_name == "cases_list_cases"
    assert resolve("/api/v1/openapi.json").url_name == "openapi"


def test_once_loaded_the_api_passes_djangos_url_checks():
    load_lazy_includes()
    include = api_include()
    assert include.loaded and include.url_patterns
    assert URLResolver.check(include) == []
    assert check_url_config(None) == []
    assert check_url_namespaces_unique(None) == []


def test_an_include_whose_urlconf_names_another_namespace_fails_loudly():
    with pytest.raises(ValueError, match="app_name must be 'other'"):
        LazyInclude("other/", "kompass.api.urls", app_name="other").load()
