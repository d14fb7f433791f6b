from django.urls import path

from kompass.referrals import api

app_name = "referrals_api"

urlpatterns = [
    path("", api.referrals, name="list"),
    path("<uuid:code>", api.referral_detail, name="detail"),
    path("<uuid:code>/services", api.referral_services, name="services"),
    path("<uuid:code>/<slug:move>", api.referral_move, name="move"),
]
