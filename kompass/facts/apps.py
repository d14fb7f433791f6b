from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "kompass.facts"
    label = "facts"
