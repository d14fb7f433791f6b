from django.urls import path

from kompass.stats import api

app_name = "stats_api"

urlpatterns = [
    path("nrm", api.nrm, name="nrm"),
]
