from django.urls import path

from kompass.journeys import views

app_name = "journeys"

urlpatterns = [
    path("", views.start, name="start"),
    path("plan/", views.plan, name="plan"),
]
