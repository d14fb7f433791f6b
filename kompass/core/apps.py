from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kompass.core"
    label = "core"

    def ready(self) -> None:
        from kompass.core import checks  # noqa: F401 (registers the system checks)
