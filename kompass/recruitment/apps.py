from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "kompass.recruitment"
    label = "recruitment"
