from django.contrib import admin

from kompass.journeys.models import AwarenessPage, InfoSession

# Followed journeys are deliberately not in the admin: only the following organisation sees them.


@admin.register(AwarenessPage)
class AwarenessPageAdmin(admin.ModelAdmin):
    list_display = ["slug", "section", "country", "sort_order", "is_published", "updated_at"]
    list_filter = ["section", "is_published"]


@admin.register(InfoSession)
class InfoSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "starts_at", "language", "is_published"]
    list_filter = ["language", "is_published"]
