from django.contrib import admin

from kompass.training.models import School, Training


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    """The shared register of schools: the coordinator fixes spelling of names and regions here."""

    list_display = ["name", "locality", "region", "country"]
    list_filter = ["country", "region"]
    search_fields = ["name", "locality", "region"]


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "audience_sector",
        "date",
        "region",
        "country",
        "participant_count",
    ]
    list_filter = ["audience_sector", "country", "is_online"]
    search_fields = ["title", "region", "locality"]
    readonly_fields = ["check_key", "created_by"]
    exclude = ["trainers"]
