from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "kompass.campaigns"
    label = "campaigns"
    verbose_name = "Campaigns"
