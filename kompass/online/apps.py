from django.apps import AppConfig


class OnlineConfig(AppConfig):
    name = "kompass.online"
    label = "online"
    verbose_name = "Online abuse"
