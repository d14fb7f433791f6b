"""System checks of the security settings that `check --deploy` runs (docs/security.md)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, Tags.caches, deploy=True)
def rate_limits_are_shared(app_configs=None, **kwargs):
    """The rate limits count in the default cache: a per-process memory cache gives every server
    process its own budget, so a deployment with several processes must use Redis."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache", "FileBasedCache", "DatabaseCache")):
        return [
            Warning(
                f"The cache ({backend}) is not shared between processes: rate limits would count per "
                "process.",
                hint="Set REDIS_URL (docs/configuration.md).",
                id="core.W001",
            )
        ]
    return []
