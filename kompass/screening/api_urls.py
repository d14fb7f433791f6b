from django.urls import path

from kompass.screening import api

app_name = "screening_api"

urlpatterns = [
    path("assess", api.assess, name="assess"),
    path("protocols", api.protocols, name="protocols"),
    path("protocols/<slug:sector>", api.protocol_detail, name="protocol"),
]
