from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Kompass as a service: health checks, logs, backups, the folders it needs."""

    name = "kompass.ops"
    label = "ops"

    def ready(self) -> None:
        from kompass.ops import checks  # noqa: F401  (registers the system checks)
