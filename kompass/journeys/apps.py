from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "kompass.journeys"
    label = "journeys"
