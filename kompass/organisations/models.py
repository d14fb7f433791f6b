import uuid
from typing import overload

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Each country's local time and the language its new members and public links start in (issue #20).
# Serbia is on Central European Time, Romania and Moldova on Eastern European Time.
COUNTRY_TIME_ZONES = {
    "RO": "Europe/Bucharest",
    "MD": "Europe/Chisinau",
    "RS": "Europe/Belgrade",
    "UA": "Europe/Kyiv",
}
COUNTRY_LANGUAGES = {"RO": "ro", "MD": "ro", "RS": "sr-latn", "UA": "uk"}


def validate_time_zone(value: str) -> None:
    if value and value not in available_time_zones():
        raise ValidationError(_("Unknown time zone: give a name such as Europe/Belgrade."))


def available_time_zones() -> set[str]:
    import zoneinfo

    return zoneinfo.available_timezones()


def zone_info(name: str):
    """The `ZoneInfo` of an IANA name, or None for a name this system does not know."""
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class OrganisationQuerySet(models.QuerySet):
    def coordinator_countries(self) -> list[str]:
        """The countries (ISO2) with an NRM coordinator on the platform, the first registered first."""
        return list(
            self.filter(is_national_coordinator=True).order_by("pk").values_list("country", flat=True)
        )


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
    # The NRM coordinator of its country: at most one per country (issue #20, decision 0050).
    is_national_coordinator = models.BooleanField(_("national coordinator"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # Blank: the country's time zone (COUNTRY_TIME_ZONES), else the platform's.
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_time_zone],
        help_text=_("Leave empty for the country's time zone."),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(is_national_coordinator=True),
                name="organisation_one_coordinator_per_country",
            ),
            models.CheckConstraint(
                condition=Q(country__regex=r"^[A-Z]{2}$"), name="organisation_country_iso2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"code": self.code})

    @property
    def zone(self) -> str:
        """The time zone its members see times in."""
        return self.time_zone or COUNTRY_TIME_ZONES.get(self.country, settings.TIME_ZONE)

    @property
    def default_language(self) -> str:
        """The language a new member of the organisation starts in (the country's)."""
        return COUNTRY_LANGUAGES.get(self.country, settings.LANGUAGE_CODE)


class RoleCapability:
    """A capability held by every membership whose role is in `roles` (one role set, defined once).

    Read on a membership it is a boolean (`membership.can_edit_cases`); read on the class it is the
    capability itself, whose `roles` let querysets select the members who have it
    (`Membership.objects.with_capability("can_follow_journeys")`).
    """

    def __init__(self, roles: frozenset[str], doc: str):
        self.roles = frozenset(roles)
        self.__doc__ = doc

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> "RoleCapability": ...

    @overload
    def __get__(self, obj: "Membership", objtype: type | None = None) -> bool: ...

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.role in self.roles


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True, organisation__is_active=True)

    def with_capability(self, name: str):
        """Memberships whose role gives the capability `name` (a RoleCapability of Membership)."""
        capability = getattr(Membership, name)
        if not isinstance(capability, RoleCapability):
            raise TypeError(f"{name} is not a role capability of Membership.")
        return self.filter(role__in=capability.roles)


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("National coordinator")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    CASEWORKER = "caseworker", _("Caseworker")
    FRONTLINE = "frontline", _("Frontline professional")
    TRAINER = "trainer", _("Trainer")
    AUDITOR = "auditor", _("Auditor")
    REGIONAL = "regional", _("Regional body (counts across countries)")


class AuditScope(models.TextChoices):
    """What an auditor reads: the trail of its own organisation, or of the whole platform."""

    ORGANISATION = "organisation", _("Its own organisation's audit trail")
    PLATFORM = "platform", _("The whole platform's audit trail and the national statistics")


# The role sets: every capability below is built from these, and nothing else compares roles.
ALL_ROLES = frozenset(Role.values)
# Roles that reach beyond one organisation: granted only by the national coordinator (audited).
GLOBAL_ROLES = frozenset({Role.COORDINATOR, Role.AUDITOR, Role.REGIONAL})
# Roles an organisation administrator gives inside their own organisation.
ORGANISATION_ROLES = ALL_ROLES - GLOBAL_ROLES
# Roles that work with the organisation's cases and the people in them (identity included).
CASE_ROLES = frozenset({Role.ORG_ADMIN, Role.CASEWORKER})
# Every role sees personal data of someone (cases, travellers' contacts, training participants,
# the audit trail): every account logs in with a second factor.
TWO_FACTOR_ROLES = ALL_ROLES
# Staff who watch travellers' check-ins on the on-duty board (support points included).
JOURNEY_ROLES = frozenset({Role.ORG_ADMIN, Role.CASEWORKER, Role.FRONTLINE})
TRAINING_ROLES = frozenset({Role.ORG_ADMIN, Role.TRAINER})
DIRECTORY_ROLES = frozenset({Role.ORG_ADMIN, Role.COORDINATOR})
ADMIN_ROLES = frozenset({Role.ORG_ADMIN})
# A regional body (optional): the coalition's counts across countries, never a case or a report.
REGIONAL_ROLES = frozenset({Role.REGIONAL})
# Who records voices for the worker mode's questions (screening, issue #18).
VOICE_ROLES = frozenset({Role.ORG_ADMIN, Role.COORDINATOR})


class Membership(models.Model):
    """A user's role in one organisation. A user has at most one active membership."""

    Role = Role
    AuditScope = AuditScope

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Only for auditors, set by the coordinator when granting the role (shown with the role).
    audit_scope = models.CharField(_("audit scope"), max_length=20, choices=AuditScope.choices, blank=True)
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
            models.CheckConstraint(
                condition=(Q(role="auditor") & ~Q(audit_scope="")) | (~Q(role="auditor") & Q(audit_scope="")),
                name="membership_audit_scope_only_for_auditors",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role_label} — {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("organisations:member", kwargs={"code": self.code})

    def clean(self) -> None:
        if self.role == Role.AUDITOR and not self.audit_scope:
            raise ValidationError(
                {"audit_scope": _("Say what the auditor reads: one organisation or the platform.")}
            )
        if self.role != Role.AUDITOR and self.audit_scope:
            raise ValidationError({"audit_scope": _("Only auditors have an audit scope.")})
        if (
            self.role == Role.COORDINATOR
            and self.organisation_id
            and not self.organisation.is_national_coordinator
        ):
            raise ValidationError(
                {"role": _("Only the national coordinator's organisation has coordinators.")}
            )

    @property
    def role_label(self) -> str:
        """The role as shown to people, with the auditor's scope."""
        if self.role == Role.AUDITOR and self.audit_scope:
            return f"{self.get_role_display()} ({self.get_audit_scope_display()})"
        return str(self.get_role_display())

    # Capabilities: the one list of what each role may do. Views ask these, never the role name.
    can_use_staff_area = RoleCapability(ALL_ROLES, "Every active member: dashboard, own organisation.")
    requires_two_factor = RoleCapability(TWO_FACTOR_ROLES, "Must log in with a second factor.")
    can_read_protocols = RoleCapability(
        ALL_ROLES - REGIONAL_ROLES, "Read the indicator catalogue and the own country's sector protocols."
    )
    can_manage_members = RoleCapability(ADMIN_ROLES, "Invite and manage the own organisation's members.")
    can_view_cases = RoleCapability(CASE_ROLES, "Open the own organisation's cases (identity included).")
    can_edit_cases = RoleCapability(CASE_ROLES, "Open and change the own organisation's cases.")
    can_export_cases = RoleCapability(ADMIN_ROLES, "Export the own organisation's cases.")
    can_erase_cases = RoleCapability(ADMIN_ROLES, "Erase a person's data on request.")
    can_supervise_caseload = RoleCapability(
        ADMIN_ROLES, "See the caseload of the own organisation's caseworkers (counts per caseworker)."
    )
    can_manage_trainings = RoleCapability(TRAINING_ROLES, "Trainings and the schools programme.")
    can_edit_directory = RoleCapability(DIRECTORY_ROLES, "Propose and edit directory entries.")
    can_follow_journeys = RoleCapability(JOURNEY_ROLES, "Watch travellers' check-ins on the on-duty board.")
    can_record_worker_voices = RoleCapability(VOICE_ROLES, "Upload recorded voices for the worker screening.")
    can_run_campaigns = RoleCapability(
        VOICE_ROLES, "Create campaign links (/c/<code>/) and see their counted reach."
    )
    can_reset_second_factors = RoleCapability(
        ADMIN_ROLES, "Reset the second login step of a member of the own organisation who lost their phone."
    )
    can_declare_capacity = RoleCapability(
        CASE_ROLES, "Declare the own organisation's free places per service (shelter places…) for referrals."
    )
    can_follow_own_reports = RoleCapability(
        ORGANISATION_ROLES, "See the reports one sent and what became of them, never the case's contents."
    )

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR and self.organisation.is_national_coordinator

    is_regional = RoleCapability(REGIONAL_ROLES, "Counts across the coalition's countries, nothing else.")

    @property
    def country(self) -> str:
        """The country (ISO2) the member works in: their organisation's."""
        return self.organisation.country

    @property
    def time_zone(self) -> str:
        """Where the member reads times: their own choice, else their organisation's zone (its own,
        else its country's: Serbia on Central European Time, Romania and Moldova on Eastern)."""
        return self.user.time_zone or self.organisation.zone

    @property
    def statistics_country(self) -> str | None:
        """The one country whose counts and statistics a coordinator sees (ISO2); None for the roles
        that see every country's counts (the regional body, the platform auditor)."""
        return self.organisation.country if self.is_coordinator else None

    def sees_country(self, country: str) -> bool:
        """Whether the member may see the counts, reports and protocols of `country` (ISO2)."""
        if not self.can_view_statistics and not self.can_triage_reports:
            return False
        scope = self.statistics_country
        return scope is None or scope == (country or "").upper()

    @property
    def is_platform_auditor(self) -> bool:
        return self.role == Role.AUDITOR and self.audit_scope == AuditScope.PLATFORM

    @property
    def can_manage_organisations(self) -> bool:
        return self.is_coordinator

    @property
    def can_grant_global_roles(self) -> bool:
        """Make someone a coordinator or an auditor, or invite an organisation's first admin."""
        return self.is_coordinator

    @property
    def can_invite_members(self) -> bool:
        return self.can_manage_members or self.can_grant_global_roles

    @property
    def can_work_on_cases(self) -> bool:
        """Open cases and act on referrals: the case roles, and the coordinator for cases referred to it."""
        return self.can_edit_cases or self.is_coordinator

    @property
    def can_triage_reports(self) -> bool:
        return self.is_coordinator

    @property
    def can_edit_protocols(self) -> bool:
        return self.is_coordinator

    @property
    def can_review_linkage(self) -> bool:
        return self.is_coordinator

    @property
    def can_view_statistics(self) -> bool:
        """Counts and statistics: the coordinator of its country, the regional body and the platform
        auditor across countries (`statistics_country`)."""
        return self.is_coordinator or self.is_platform_auditor or self.is_regional

    @property
    def can_view_regional_statistics(self) -> bool:
        """The coalition's report across countries, each person counted once."""
        return self.is_regional or self.is_platform_auditor

    @property
    def can_view_programme(self) -> bool:
        """Reach and impact of the prevention programme (aggregates only)."""
        return self.can_manage_trainings or self.can_view_statistics

    @property
    def can_approve_directory(self) -> bool:
        return self.is_coordinator

    @property
    def can_log_ads(self) -> bool:
        """Staff who work on cases log the job ads they meet there."""
        return self.can_edit_cases

    @property
    def can_see_all_ads(self) -> bool:
        """Every organisation's job ads (a coordinator: of its country): who triages public reports,
        and the platform auditor; not the regional body, which reads counts only."""
        return self.can_triage_reports or self.is_platform_auditor

    @property
    def can_see_ads(self) -> bool:
        """The ads themselves (links, texts): not the regional body, which reads counts only."""
        return self.can_log_ads or self.can_see_all_ads

    @property
    def can_review_facts(self) -> bool:
        """Re-check the public numbers and rights against their sources, or withdraw them."""
        return self.is_coordinator

    @property
    def can_view_all_audit(self) -> bool:
        return self.is_coordinator or self.is_platform_auditor

    @property
    def can_view_org_audit(self) -> bool:
        return self.can_view_all_audit or self.role in ADMIN_ROLES | {Role.AUDITOR}

    @property
    def can_use_admin(self) -> bool:
        return self.is_coordinator
