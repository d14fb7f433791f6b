from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "kompass.training"
    label = "training"
