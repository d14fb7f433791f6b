from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "kompass.referrals"
    label = "referrals"
