import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A member of the coalition: an NGO, a state body or an international organisation."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        STATE = "state", _("State body")
        INTERNATIONAL = "international", _("International organisation")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2)
    city = models.CharField(_("city"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NGO)
    is_national_coordinator = models.BooleanField(_("national coordinator"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["is_national_coordinator"],
                condition=Q(is_national_coordinator=True),
                name="organisation_one_national_coordinator",
            ),
            models.CheckConstraint(
                condition=Q(country__regex=r"^[A-Z]{2}$"), name="organisation_country_iso2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"code": self.code})


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True, organisation__is_active=True)


class Membership(models.Model):
    """A user's role in one organisation. A user has at most one active membership."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("National coordinator")
        ORG_ADMIN = "org_admin", _("Organisation administrator")
        CASEWORKER = "caseworker", _("Caseworker")
        FRONTLINE = "frontline", _("Frontline professional")
        TRAINER = "trainer", _("Trainer")
        AUDITOR = "auditor", _("Auditor")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_active=True), name="membership_one_active_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("organisations:member", kwargs={"code": self.code})

    # Capabilities: the one list of what each role may do. Views ask these, never the role name.
    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR and self.organisation.is_national_coordinator

    @property
    def requires_two_factor(self) -> bool:
        """Roles that can see case data must log in with a second factor."""
        return self.role in {
            self.Role.COORDINATOR,
            self.Role.ORG_ADMIN,
            self.Role.CASEWORKER,
            self.Role.AUDITOR,
        }

    @property
    def can_manage_members(self) -> bool:
        return self.role == self.Role.ORG_ADMIN

    @property
    def can_manage_organisations(self) -> bool:
        return self.is_coordinator

    @property
    def can_view_cases(self) -> bool:
        return self.role in {self.Role.ORG_ADMIN, self.Role.CASEWORKER, self.Role.AUDITOR}

    @property
    def can_edit_cases(self) -> bool:
        return self.role in {self.Role.ORG_ADMIN, self.Role.CASEWORKER}

    @property
    def can_export_cases(self) -> bool:
        return self.role == self.Role.ORG_ADMIN

    @property
    def can_triage_reports(self) -> bool:
        return self.is_coordinator

    @property
    def can_edit_protocols(self) -> bool:
        return self.is_coordinator

    @property
    def can_view_statistics(self) -> bool:
        return self.is_coordinator or self.role == self.Role.AUDITOR

    @property
    def can_manage_trainings(self) -> bool:
        return self.role in {self.Role.TRAINER, self.Role.ORG_ADMIN}

    @property
    def can_edit_directory(self) -> bool:
        return self.role in {self.Role.ORG_ADMIN, self.Role.COORDINATOR}

    @property
    def can_approve_directory(self) -> bool:
        return self.is_coordinator

    @property
    def can_review_facts(self) -> bool:
        """Re-check the public numbers and rights against their sources, or withdraw them."""
        return self.is_coordinator

    @property
    def can_follow_journeys(self) -> bool:
        """Staff of a support organisation who watch travellers' check-ins on the on-duty board."""
        return self.role in {self.Role.ORG_ADMIN, self.Role.CASEWORKER, self.Role.FRONTLINE}

    @property
    def can_view_all_audit(self) -> bool:
        return self.is_coordinator or self.role == self.Role.AUDITOR

    @property
    def can_view_org_audit(self) -> bool:
        return self.can_view_all_audit or self.role == self.Role.ORG_ADMIN

    @property
    def can_use_admin(self) -> bool:
        return self.is_coordinator
