from django.urls import path

from kompass.recruitment import api

app_name = "recruitment_api"

urlpatterns = [
    path("check", api.check, name="check"),
]
