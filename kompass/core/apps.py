from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kompass.core"
    label = "core"
