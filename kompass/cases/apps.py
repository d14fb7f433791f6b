from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "kompass.cases"
    label = "cases"
