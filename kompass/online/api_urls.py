from django.urls import path

from kompass.online import api

app_name = "online_api"

urlpatterns = [
    path("reports", api.report, name="reports"),
]
