"""check --deploy warns when rate limits would count per process."""

from django.core.checks import run_checks


def test_a_per_process_cache_is_a_deploy_warning(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "core.W001" in [m.id for m in run_checks(include_deployment_checks=True)]


def test_redis_passes(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/0"}}  # fmt: skip
    assert "core.W001" not in [m.id for m in run_checks(include_deployment_checks=True)]
