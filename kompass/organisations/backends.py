"""The coordinator's permissions in the Django admin, derived from the membership (least privilege)."""

from django.contrib.auth.backends import BaseBackend

# What the coordinator configures in the admin. Case data is never here; the audit trail is read-only.
CONFIGURATION_APPS = {
    "organisations",
    "directory",
    "journeys",
    "recruitment",
    "training",
    "screening",
    "audit",
}
READ_ONLY_APPS = {"audit"}


class CoordinatorAdminBackend(BaseBackend):
    def _is_coordinator(self, user) -> bool:
        if not (user.is_active and user.is_staff):
            return False
        from kompass.organisations.permissions import get_membership

        membership = get_membership(user)
        return membership is not None and membership.is_coordinator

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        app_label, _, codename = perm.partition(".")
        if app_label not in CONFIGURATION_APPS:
            return False
        if app_label in READ_ONLY_APPS and not codename.startswith("view_"):
            return False
        return self._is_coordinator(user_obj)

    def has_module_perms(self, user_obj, app_label) -> bool:
        return app_label in CONFIGURATION_APPS and self._is_coordinator(user_obj)
