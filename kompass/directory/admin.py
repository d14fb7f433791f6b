from django.contrib import admin

from kompass.directory.models import Entry, EntryService, Hotline


@admin.register(Hotline)
class HotlineAdmin(admin.ModelAdmin):
    list_display = ["country", "number", "purpose", "last_verified", "is_published"]
    list_filter = ["country", "purpose", "is_published"]
    search_fields = ["number", "source"]


class EntryServiceInline(admin.TabularInline):
    model = EntryService
    extra = 1


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "country", "status", "valid_until"]
    list_filter = ["kind", "status", "country"]
    search_fields = ["name", "organisation__name", "city"]
    inlines = [EntryServiceInline]
    readonly_fields = ["code", "reviewed_by", "reviewed_at", "created_at", "updated_at"]
