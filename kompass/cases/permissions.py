"""Who may see which case, and how much of it.

- The owning organisation's case roles (caseworker, org admin, auditor) get the FULL view; identity
  only for the roles that work with the person (caseworker, org admin).
- An organisation with an open (pending or accepted) referral of the case gets a LIMITED view: only
  the field groups the referred service needs (`SERVICE_GROUPS`).
- Everyone else gets 404: outsiders must not learn that a case exists.
Every read goes to the audit trail through `record_access`.
"""

from dataclasses import dataclass, field
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from kompass.audit.services import record_access
from kompass.cases.codes import ServiceCode
from kompass.cases.models import Case

FULL = "full"
LIMITED = "limited"

# Field groups a page or API shows; each is checked with `access.can(group)`.
PROFILE = "profile"  # reference, stage, sex, age band, citizenship, country and region, reflection period
EXPLOITATION = "exploitation"  # exploitation types, means, recruiter, months, recruitment
STATUS = "status"  # trafficking status and deciding body
PROCEEDINGS = "proceedings"
IDENTITY_CONTACT = "identity_contact"  # name, phone, languages: enough to meet the person
IDENTITY_FULL = "identity_full"  # everything in CaseIdentity
CONSENTS = "consents"
NEEDS = "needs"
PLAN = "plan"
SERVICES = "services"
TASKS = "tasks"
NOTES = "notes"
RESTRICTED_NOTES = "restricted_notes"
ATTACHMENTS = "attachments"
REFERRALS = "referrals"
HISTORY = "history"
ACCESS_LOG = "access_log"

OWNER_GROUPS = frozenset(
    {
        PROFILE,
        EXPLOITATION,
        STATUS,
        PROCEEDINGS,
        CONSENTS,
        NEEDS,
        PLAN,
        SERVICES,
        TASKS,
        NOTES,
        ATTACHMENTS,
        REFERRALS,
        HISTORY,
    }
)
IDENTITY_GROUPS = frozenset({IDENTITY_CONTACT, IDENTITY_FULL})

_CONTACT = frozenset({PROFILE, IDENTITY_CONTACT})
# What a receiving organisation needs to give each service; nothing else of the case reaches it.
SERVICE_GROUPS: dict[str, frozenset[str]] = {
    ServiceCode.CRISIS_INTERVENTION: _CONTACT | {EXPLOITATION},
    ServiceCode.EMERGENCY_ACCOMMODATION: _CONTACT,
    ServiceCode.FOOD: _CONTACT,
    ServiceCode.COUNSELLING: _CONTACT | {EXPLOITATION},
    ServiceCode.PSYCHOTHERAPY: _CONTACT | {EXPLOITATION},
    ServiceCode.LEGAL_ASSISTANCE: _CONTACT | {IDENTITY_FULL, STATUS, EXPLOITATION, PROCEEDINGS},
    ServiceCode.MEDICAL_CARE: _CONTACT | {IDENTITY_FULL, EXPLOITATION},
    ServiceCode.INTERPRETATION: _CONTACT,
    ServiceCode.TRANSPORT: _CONTACT,
    ServiceCode.EDUCATION_TRAINING: _CONTACT,
    ServiceCode.EMPLOYMENT_SUPPORT: _CONTACT,
    ServiceCode.FINANCIAL_SUPPORT: _CONTACT | {IDENTITY_FULL},
    ServiceCode.RETURN_ASSISTANCE: _CONTACT | {IDENTITY_FULL, STATUS},
    ServiceCode.CHILD_PROTECTION: _CONTACT | {IDENTITY_FULL, EXPLOITATION, STATUS},
    ServiceCode.INFORMATION: frozenset({PROFILE}),
}
# A pending transfer: enough to decide whether to take the case on (it becomes theirs on acceptance).
TRANSFER_GROUPS = _CONTACT | {STATUS, EXPLOITATION, NEEDS}


MAX_LITERAL_IDS = 1000


def _referred_case_ids(organisation_id: int):
    from kompass.referrals.models import OPEN_STATES, Referral

    referred = Referral.objects.filter(to_organisation_id=organisation_id, status__in=OPEN_STATES)
    # Materialised (one small query): a literal id list lets the database use its indexes on both
    # sides of the OR below, where a subquery made SQLite scan every case (bench/bench_cases.py).
    # An organisation with very many open referrals keeps the subquery (bounded parameter count).
    ids = list(referred.values_list("case_id", flat=True)[: MAX_LITERAL_IDS + 1])
    return ids if len(ids) <= MAX_LITERAL_IDS else referred.values("case_id")


def visible_case_filter(membership) -> Q | None:
    """The condition selecting the cases a membership may open, or None for no case at all."""
    if membership is None:
        return None
    may_receive = membership.can_view_cases or membership.is_coordinator
    if not may_receive:
        return None
    condition = Q(pk__in=_referred_case_ids(membership.organisation_id))
    if membership.can_view_cases:
        condition |= Q(owner_id=membership.organisation_id)
    return condition


@dataclass
class CaseAccess:
    """What one membership may see and do on one case."""

    case: Case
    membership: object
    level: str
    groups: frozenset[str]
    referrals: list = field(default_factory=list)  # open referrals to the viewer's organisation

    @property
    def is_owner(self) -> bool:
        return self.level == FULL

    @property
    def can_edit(self) -> bool:
        return self.is_owner and self.membership.can_edit_cases and not self.case.anonymised_at

    def can(self, group: str) -> bool:
        return group in self.groups

    @property
    def can_see_identity(self) -> bool:
        return IDENTITY_CONTACT in self.groups

    @property
    def can_export(self) -> bool:
        return self.is_owner and self.membership.can_export_cases

    @property
    def can_erase(self) -> bool:
        return self.is_owner and self.membership.can_manage_members


def owner_groups(membership) -> frozenset[str]:
    groups = set(OWNER_GROUPS)
    if membership.can_edit_cases:
        groups |= IDENTITY_GROUPS | {RESTRICTED_NOTES}
    if membership.can_view_org_audit:
        groups.add(ACCESS_LOG)
    return frozenset(groups)


def referral_groups(referrals) -> frozenset[str]:
    groups: set[str] = {PROFILE, REFERRALS}
    for referral in referrals:
        if referral.kind == referral.Kind.TRANSFER:
            groups |= TRANSFER_GROUPS
        else:
            groups |= SERVICE_GROUPS.get(referral.service, frozenset({PROFILE}))
    return frozenset(groups)


def access_for(membership, case: Case) -> CaseAccess | None:
    """The access a membership has to a case, or None. Does not record anything."""
    if membership is None:
        return None
    if membership.can_view_cases and case.owner_id == membership.organisation_id:
        return CaseAccess(case=case, membership=membership, level=FULL, groups=owner_groups(membership))
    if not (membership.can_view_cases or membership.is_coordinator):
        return None
    from kompass.referrals.models import OPEN_STATES

    referrals = list(
        case.referrals.filter(to_organisation_id=membership.organisation_id, status__in=OPEN_STATES)
    )
    if not referrals:
        return None
    return CaseAccess(
        case=case,
        membership=membership,
        level=LIMITED,
        groups=referral_groups(referrals),
        referrals=referrals,
    )


def get_case_access(
    user, membership, code: UUID | str, *, write: bool = False, action: str = "read"
) -> CaseAccess:
    """Fetch a case the user may see; 404 for outsiders, 403 for read-only access to a write.

    The read (or the attempt to change) is recorded in the audit trail.
    """
    try:
        case = Case.objects.select_related("owner", "assigned_to").get(code=code)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404
    access = access_for(membership, case)
    if access is None:
        raise Http404
    if write and not access.can_edit:
        raise PermissionDenied
    record_access(actor=user, obj=case, action=action, detail={"view": access.level})
    return access


def get_case_for_user(user, code: UUID | str, *, membership=None, write: bool = False) -> Case:
    """The case itself, for callers that do not need the view level (see `get_case_access`)."""
    if membership is None:
        from kompass.organisations.permissions import get_membership

        membership = get_membership(user)
    return get_case_access(user, membership, code, write=write).case
