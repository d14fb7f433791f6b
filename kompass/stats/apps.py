from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "kompass.stats"
    label = "stats"
