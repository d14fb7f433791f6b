from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "kompass.organisations"
    label = "organisations"

    def ready(self) -> None:
        # An event whose object belongs to no organisation is filed under the actor's organisation
        # (org admins see it). audit asks through this lookup without importing organisations.
        from kompass.audit.services import set_actor_organisation
        from kompass.organisations.permissions import get_membership

        def organisation_of(user):
            membership = get_membership(user)
            return membership.organisation if membership else None

        set_actor_organisation(organisation_of)
