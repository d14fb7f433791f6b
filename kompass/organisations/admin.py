from django.contrib import admin

from kompass.organisations.models import Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "city", "kind", "is_national_coordinator", "is_active"]
    list_filter = ["country", "kind", "is_active"]
    search_fields = ["name", "city"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "is_active"]
    list_filter = ["role", "is_active", "organisation__country"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user", "invited_by"]
