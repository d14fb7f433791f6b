from django.contrib import admin

from kompass.organisations.models import Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "city", "kind", "is_national_coordinator", "is_active"]
    list_filter = ["country", "kind", "is_active"]
    search_fields = ["name", "city"]
    # Which organisation coordinates the platform decides who may grant global roles: not an admin toggle.
    readonly_fields = ["is_national_coordinator"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only: roles are given through the audited membership pages (organisations/services.py),
    which keep case roles with each organisation's administrator and notify the organisation."""

    list_display = ["user", "organisation", "role", "audit_scope", "is_active"]
    list_filter = ["role", "is_active", "organisation__country"]
    search_fields = ["user__email", "organisation__name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
