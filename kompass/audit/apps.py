from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kompass.audit"
    label = "audit"
