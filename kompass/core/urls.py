from django.urls import path

from kompass.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("staff/", views.dashboard, name="dashboard"),
]
