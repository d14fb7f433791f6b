from django.urls import path

from kompass.journeys import api_views

app_name = "journeys_api"

urlpatterns = [
    path("plan", api_views.plan, name="plan"),
]
