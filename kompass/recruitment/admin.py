from django.contrib import admin

from kompass.recruitment.models import ReportedAd


@admin.register(ReportedAd)
class ReportedAdAdmin(admin.ModelAdmin):
    list_display = ("seen_on", "platform", "source", "country", "risk", "organisation")
    list_filter = ("source", "platform", "risk", "country")
    search_fields = ("text", "link")
    date_hierarchy = "seen_on"
    readonly_fields = (
        "code",
        "source",
        "risk",
        "score",
        "reason_codes",
        "organisation",
        "created_by",
        "created_at",
    )
    raw_id_fields = ("case",)
