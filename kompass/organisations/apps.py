from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "kompass.organisations"
    label = "organisations"
