from django.urls import path

from kompass.training import api_views

app_name = "training_api"

urlpatterns = [
    path("reach", api_views.reach, name="reach"),
]
