from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "kompass.screening"
    label = "screening"
