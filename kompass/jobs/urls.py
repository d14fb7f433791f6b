from django.urls import path

from kompass.jobs import views

app_name = "jobs"

urlpatterns = [
    path("<uuid:code>/", views.detail, name="detail"),
    path("<uuid:code>/file", views.download, name="download"),
]
