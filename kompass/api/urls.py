from django.urls import include, path

from kompass.api import views

app_name = "api"

DOMAIN_APPS = [
    "directory",
    "screening",
    "cases",
    "referrals",
    "journeys",
    "stats",
    "recruitment",
    "training",
    "online",
]

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    *[path(f"{app}/", include(f"kompass.{app}.api_urls")) for app in DOMAIN_APPS],
]
