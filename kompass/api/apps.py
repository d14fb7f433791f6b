from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kompass.api"
    label = "api"
