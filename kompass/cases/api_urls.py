from django.urls import path

from kompass.cases import api

app_name = "cases_api"

urlpatterns = [
    path("", api.cases, name="list"),
    path("<uuid:code>", api.case_detail, name="detail"),
    path("<uuid:code>/stage", api.case_stage, name="stage"),
    path("<uuid:code>/consents", api.case_consents, name="consents"),
    path("<uuid:code>/consents/<int:pk>/withdraw", api.consent_withdraw, name="consent_withdraw"),
]
