"""The audit trail's page, under its own namespace (`audit:list`); the view is organisations'."""

from django.urls import path

from kompass.organisations import views

app_name = "audit"

urlpatterns = [path("", views.audit_trail, name="list")]
