from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kompass.demo"
    label = "demo"
